import { describe, expect, it } from 'vitest';
import { realRun } from '../test-support/index.ts';
import { spreadOf } from './aggregate.ts';
import type { CaseAggregate } from './schema.ts';
import { speedupOf } from './speedup.ts';
import { entryStatus, inputCell, summarizeRun } from './summary.ts';

const run = realRun();
const throughput = (c: CaseAggregate) => c.figures.throughput!.median;

describe('speedupOf on a real run', () => {
  it('is the best concurrent over the best blocking-or-sequential case at the same d', () => {
    let checked = 0;
    for (const entry of run.entries.filter((e) => e.cases.some((c) => c.kind === 'workload'))) {
      const s = speedupOf(entry)!;
      expect(s, `${entry.runtime} ${entry.scenario}`).not.toBeNull();
      const sameD = entry.cases.filter((c) => c.kind === 'workload' && c.unitMs === s.unitMs);
      const concurrent = sameD.filter((c) => c.mode === 'concurrent');
      const sync = sameD.filter((c) => c.mode === 'blocking' || c.mode === 'sequential');
      expect(throughput(s.concurrent.aggregate)).toBe(Math.max(...concurrent.map(throughput)));
      expect(throughput(s.sync.aggregate)).toBe(Math.max(...sync.map(throughput)));
      expect(s.ratio).toBeCloseTo(throughput(s.concurrent.aggregate) / throughput(s.sync.aggregate), 12);
      // Three repeats: an interval, and a verdict that agrees with it.
      expect(s.ciLow).not.toBeNull();
      expect(s.ciLow!).toBeLessThanOrEqual(s.ciHigh!);
      if (s.ciLow! > 1) expect(s.verdict).toBe('faster');
      checked++;
    }
    expect(checked).toBe(9); // timers, http, files on three runtimes
  });

  it('knows d from the aggregates: timers and http have one, file reads none', () => {
    const d = (scenario: string) => speedupOf(run.entries.find((e) => e.scenario === scenario)!)!.unitMs;
    expect(d('timers')).toBe(run.scenarios.find((s) => s.id === 'timers')!.params.unitMs);
    expect(d('http')).toBe(run.scenarios.find((s) => s.id === 'http')!.params.delayMs);
    expect(d('files')).toBeNull();
  });

  it('never pairs cases of different d', () => {
    const c = (
      id: string,
      mode: CaseAggregate['mode'],
      unitMs: number | null,
      t: number[],
    ): CaseAggregate => ({
      case: id,
      label: id,
      kind: 'workload',
      mode,
      variant: id,
      params: {},
      unitMs,
      idealMs: null,
      units: 10,
      concurrency: 1,
      figures: { throughput: spreadOf(t) },
    });
    // A fast concurrent case with no server delay, a slow sequential one with 10 ms: not comparable.
    expect(
      speedupOf({ cases: [c('seq', 'sequential', 10, [90]), c('conc', 'concurrent', null, [9000])] }),
    ).toBeNull();
    const s = speedupOf({
      cases: [
        c('seq-10', 'sequential', 10, [90, 95]),
        c('conc-10', 'concurrent', 10, [900, 950]),
        c('seq-raw', 'sequential', null, [1000, 1100]),
        c('conc-raw', 'concurrent', null, [2000, 2100]),
      ],
    })!;
    expect(s.unitMs).toBe(10); // 10x at d = 10 ms beats 2x without a delay
    expect(s.concurrent.aggregate.case).toBe('conc-10');
  });
});

describe('summarizeRun on a real run', () => {
  const summary = summarizeRun(run);

  it('has one workload row per workload entry, with the speedup of that entry', () => {
    expect(summary.workload.map((r) => `${r.scenario}/${r.runtime}`)).toEqual(
      run.entries.filter((e) => e.scenario !== 'tasks').map((e) => `${e.scenario}/${e.runtime}`),
    );
    for (const row of summary.workload) {
      const entry = run.entries.find((e) => e.scenario === row.scenario && e.runtime === row.runtime)!;
      expect(row.speedup).toEqual(speedupOf(entry));
      expect(row.status).toBe(entryStatus(entry));
      expect(row.unit).toEqual(run.scenarios.find((s) => s.id === row.scenario)!.unit);
    }
  });

  it('says why db-pg did not run: its declared requirement', () => {
    const pg = summary.workload.filter((r) => r.scenario === 'db-pg');
    expect(pg).toHaveLength(3);
    for (const r of pg) {
      expect(r.speedup).toBeNull();
      expect(r.status).toMatch(/^skipped: needs a PostgreSQL URL \(--pg-url or ASYNCBENCH_PG_URL/);
    }
  });

  it('lists every micro case with each runtime’s ops/s', () => {
    expect(summary.micro.runtimes).toEqual(['node', 'deno', 'bun']);
    const tasks = run.entries.find((e) => e.scenario === 'tasks')!;
    expect(summary.micro.rows.map((r) => r.case)).toEqual(tasks.cases.map((c) => c.case));
    for (const r of summary.micro.rows) {
      for (const rt of ['node', 'deno', 'bun']) expect(r.opsPerSec[rt]!.values).toHaveLength(3);
    }
  });
});

describe('summarizeRun with input events (responsiveness)', () => {
  const input = (p99: number, handledPct: number) => ({
    inputP99Ms: spreadOf([p99]),
    inputHandledPct: spreadOf([handledPct]),
  });
  const aggregate = (id: string, mode: 'blocking' | 'sequential', figures: CaseAggregate['figures']) =>
    ({ ...run.entries[0]!.cases[0]!, case: id, label: id, mode, figures }) as CaseAggregate;
  const entry = (runtime: string, blockingP99: number) => ({
    runtime,
    scenario: 'responsiveness',
    status: 'ok' as const,
    repeats: [],
    cases: [
      aggregate('cpu-blocking', 'blocking', { throughput: spreadOf([1000]), ...input(blockingP99, 0) }),
      aggregate('cpu-yield-settimeout-0', 'sequential', { throughput: spreadOf([500]), ...input(2, 100) }),
    ],
  });
  const withResponsiveness = { ...run, entries: [entry('node', 150), entry('chromium', 190)] };

  it('gives each input case each runtime’s input delay p99 and share handled, and no speedup row', () => {
    const summary = summarizeRun(withResponsiveness);
    expect(summary.workload).toEqual([]);
    expect(summary.input.runtimes).toEqual(['node', 'chromium']);
    expect(summary.input.rows.map((r) => [r.case, r.mode])).toEqual([
      ['cpu-blocking', 'blocking'],
      ['cpu-yield-settimeout-0', 'sequential'],
    ]);
    expect(inputCell(summary.input.rows[0]!, 'chromium')).toBe('190 ms (0%)');
    expect(inputCell(summary.input.rows[1]!, 'node')).toBe('2.00 ms (100%)');
    expect(inputCell(summary.input.rows[1]!, 'deno')).toBe('—');
  });
});
