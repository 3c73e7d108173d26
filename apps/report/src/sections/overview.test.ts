import {
  formatRatio,
  formatRatioInterval,
  isConclusive,
  markPrecision,
  precisionNote,
  runtimeRatios,
  summarizeRun,
} from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildContext } from '../context.ts';
import { PARTS, type ReportPart } from '../parts.ts';
import { buildOverview } from './overview.ts';

const overviewOf = (runs: Parameters<typeof buildContext>[0], parts: readonly ReportPart[] = PARTS) =>
  buildOverview(buildContext(runs, parts))!;

describe('overview', () => {
  const run = makeRun();
  const o = overviewOf([run]);

  it('has a row per scenario and a column per runtime, the main figure with its unit noun', () => {
    expect(o.columns).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    expect(o.rows.map((r) => [r.label, r.unit, r.what])).toEqual([
      ['Timers', 'timer waits/s', 'best concurrent case'],
      ['HTTP', 'requests/s', 'best concurrent case'],
      ['Tasks', 'ops/s', 'geometric mean of 2 cases'],
    ]);
    expect(o.rows[0]!.anchor).toBe('s0-timers');
  });

  it('gives each cell the summary’s best concurrent case, speedup with its CI and efficiency', () => {
    const summary = summarizeRun(run);
    for (const [i, runtime] of ['node', 'deno', 'bun'].entries()) {
      const row = summary.workload.find((r) => r.scenario === 'timers' && r.runtime === runtime)!;
      const cell = o.rows[0]!.cells[i]!;
      expect(cell.value).toBe(row.concurrent!.throughput.median);
      expect(cell.basis).toBe(row.concurrent!.aggregate.variant);
      const sp = row.speedup!;
      expect(cell.speedup).toBe(
        `${formatRatio(sp.ratio)} speedup (CI ${formatRatioInterval(sp.ciLow, sp.ciHigh)})`,
      );
      expect(cell.efficiency).toBe(`${Math.round(row.efficiency!.median * 100)}% of ideal`);
    }
  });

  it('qualifies each standing by the runtime comparison of the same file, never a bare noisy ratio', () => {
    const ratios = runtimeRatios(run);
    let checked = 0;
    for (const row of o.rows) {
      const bestAt = row.cells.findIndex((c) => c.best);
      for (const [i, runtime] of ['node', 'deno', 'bun'].entries()) {
        const r = ratios.find(
          (x) =>
            x.scenario === row.scenario &&
            x.runtime === ['node', 'deno', 'bun'][bestAt] &&
            x.against === runtime,
        );
        if (!r || row.cells[i]!.best) continue;
        const tail =
          r.verdict === 'insufficient data'
            ? ', no interval'
            : isConclusive(r)
              ? ` (CI ${formatRatioInterval(r.ciLow, r.ciHigh)})`
              : ', not significant';
        expect(row.cells[i]!.standing.endsWith(tail), `${row.scenario} ${runtime}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('marks the best of each row and says how much slower the others are, with shading by share', () => {
    const cells = o.rows[1]!.cells;
    // HTTP: bun's fixture rate is highest.
    expect(cells.map((c) => c.best)).toEqual([false, false, true]);
    expect(cells[2]!.standing).toBe('fastest');
    expect(cells[2]!.heat).toBe(5);
    // Qualified by the runtime comparison of the same file: its CI, or that it is not significant.
    expect(cells[0]!.standing).toMatch(
      /^1\.\d\d× slower(, not significant|, no interval| \(CI [\d.]+–[\d.]+×\))$/,
    );
    expect(cells[0]!.heat).toBeLessThan(5);
    expect(cells[0]!.heat).toBeGreaterThan(0);
  });

  it('sums up a micro scenario as the geometric mean of its cases’ ops/s', () => {
    const cell = o.rows[2]!.cells[0]!;
    const cases = run.entries.find((e) => e.runtime === 'node' && e.scenario === 'gather-micro')!.cases;
    const [a, b] = cases.map((c) => c.figures.opsPerSec!.median) as [number, number];
    expect(cell.value).toBeCloseTo(Math.sqrt(a * b), 6);
    expect(cell.speedup).toBe('');
  });

  it('says why a runtime has no figure and marks a partial entry', () => {
    const failing = makeRun({ failures: true });
    const node = failing.entries.find((e) => e.runtime === 'node' && e.scenario === 'timers')!;
    node.status = 'failed';
    node.repeats[1]!.status = 'failed';
    const f = overviewOf([failing]);
    expect(f.rows[1]!.cells[2]).toMatchObject({
      status: 'failed: every repeat failed: timed out after 60000 ms',
      value: null,
      heat: 0,
    });
    expect(f.rows[2]!.cells[1]!.status).toBe('skipped: scenario not supported on this runtime');
    expect(f.rows[0]!.cells[0]!.marks).toEqual(['partial: 2 of 3 repeats ok']);
  });

  it('reads the newest run of each host, a column per host × runtime', () => {
    const m = overviewOf([
      makeRun({ hostname: 'ubuntu-latest' }),
      makeRun({ hostname: 'macos-latest', startedAt: '2026-11-25T13:41:00.000Z', speed: 1.2, seed: 9 }),
    ]);
    expect(m.caption).toBe('At a glance: the newest run of each of 2 hosts, side by side');
    expect(m.columns).toHaveLength(6);
    expect(m.columns[0]).toBe('node 20.20.2 · ubuntu-latest');
    expect(m.columns[1]).toBe('node 20.20.2 · macos-latest');
  });

  it('reads only the newer of two runs of one machine', () => {
    const a = makeRun({ startedAt: '2026-11-24T10:00:00.000Z' });
    const b = makeRun({ startedAt: '2026-11-25T10:00:00.000Z', speed: 1.3, seed: 7 });
    const two = overviewOf([a, b]);
    expect(two.columns).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    expect(two.caption).toBe('At a glance: the newest run (2026-11-25 10:00 UTC · bench-host)');
    expect(two.rows[0]!.cells[0]!.value).toBe(summarizeRun(b).workload[0]!.concurrent!.throughput.median);
  });

  it('marks an inconclusive figure ? and prints the results layer’s note; nothing for a run without sampling', () => {
    expect(o.notes).toEqual([]);
    expect(o.rows.flatMap((r) => r.cells).some((c) => c.figure.endsWith(' ?'))).toBe(false);

    const sampled = makeRun();
    markPrecision(sampled, 0.1);
    // Only bun's timers entry and one of node's two micro cases stay wider than ±10%.
    for (const e of sampled.entries)
      for (const c of e.cases)
        c.precision!.conclusive =
          !(e.runtime === 'bun' && e.scenario === 'timers') &&
          !(e.runtime === 'node' && c.case === 'gather-10');
    sampled.sampling = {
      horizon: 0.1,
      maxTimeMs: 1,
      minRepeats: 3,
      rounds: 0,
      stoppedBy: 'max-time',
      inconclusive: 1,
    };
    const s = overviewOf([sampled]);
    expect(s.notes).toEqual([precisionNote(sampled)]);
    expect(s.rows[0]!.cells.map((c) => c.figure.endsWith(' ?'))).toEqual([false, false, true]);
    expect(s.rows[1]!.cells.map((c) => c.figure.endsWith(' ?'))).toEqual([false, false, false]);
    expect(s.rows[2]!.cells.map((c) => c.figure.endsWith(' ?'))).toEqual([true, false, false]);
    expect(s.rows[2]!.cells[0]!.marks).toEqual(['? inconclusive: 1 of 2 cases']);
  });

  it('shows the warnings other parts attach to a figure', () => {
    const flags: ReportPart = {
      id: 'test-flags',
      overviewMarks: (_ctx, scenario, series) =>
        scenario.id === 'gather-micro' && series.runtime === 'bun' ? ['possible dead-code elimination'] : [],
    };
    const marked = overviewOf([run], [...PARTS, flags]);
    expect(marked.rows[2]!.cells[2]!.marks).toEqual(['possible dead-code elimination']);
    expect(marked.rows[2]!.cells[0]!.marks).toEqual([]);
  });
});
