import {
  aggregateRepeats,
  type CaseResult,
  flagRows,
  SHORT_FLAGS,
  toMarkdown,
  type WorkloadResult,
} from '@asyncbench/results';
import { realRun } from '@asyncbench/results/testing';
import { describe, expect, it } from 'vitest';
import { entry, microResult, runFile, workloadResult } from '../test-support/builders.ts';
import { formatSummary } from './summary.ts';

const timers = (throughputs: [number, number, number, number]) => [
  workloadResult('timers', 'sleep-blocking', 'blocking', 'loop', throughputs[0], 6),
  workloadResult('timers', 'sleep-sequential', 'sequential', 'loop', throughputs[1], 7),
  workloadResult('timers', 'sleep-gather', 'concurrent', 'gather', throughputs[2], 12),
  workloadResult('timers', 'sleep-semaphore', 'concurrent', 'semaphore', throughputs[3], 9),
];

describe('summary', () => {
  const run = runFile(
    [
      entry('node', 'timers', [timers([180, 190, 15_000, 9_000]), timers([170, 200, 17_000, 9_500])]),
      entry('bun', 'timers', [timers([185, 180, 20_000, 8_000])]),
      entry('node', 'errors', [
        [microResult('errors', 'throw-catch', 2_500_000), microResult('errors', 'reject', 900_000)],
      ]),
      entry('bun', 'errors', [[microResult('errors', 'throw-catch', 3_100_000)]]),
      {
        runtime: 'deno',
        scenario: 'timers',
        status: 'skipped',
        reason: 'deno: not found',
        repeats: [],
        cases: [],
      },
    ],
    [
      { id: 'timers', modes: ['blocking', 'sequential', 'concurrent'] },
      { id: 'errors', modes: [] },
    ],
  );

  it('formats one table per kind', () => {
    const text = formatSummary(run);
    expect(text).toContain('best sync (units/s)');
    expect(text).toMatch(
      /timers\s+node\s+195 \(sequential\)\s+16,000 \(gather\)\s+82\.1×\s+\S+–\S+×\s+12\.0 ms\s+\d+%\s+ok/,
    );
    expect(text).toMatch(/errors\s+throw-catch\s+2,500,000\s+3,100,000/);
    expect(text).toMatch(/errors\s+reject\s+900,000\s+—/);
    expect(text).toContain('skipped: deno: not found');
  });

  it('says when a scenario ran no cases', () => {
    const e = entry('node', 'db-pg', [[]]);
    expect(formatSummary(runFile([e], [{ id: 'db-pg', modes: ['sequential'] }]))).toContain(
      'ok, no cases ran',
    );
  });

  it('shows failed repeats in the status column', () => {
    const e = entry('node', 'timers', [timers([1, 2, 3, 4])]);
    e.repeats.push({
      index: 1,
      status: 'failed',
      durationMs: 5,
      reason: 'timeout: still running',
      results: [],
    });
    e.status = 'failed';
    const text = formatSummary(runFile([e], [{ id: 'timers', modes: ['concurrent'] }]));
    expect(text).toContain('failed 1/2: timeout: still running');
  });

  it('shows input delay per case and runtime for responsiveness, not a meaningless speedup', () => {
    const withInput = (result: CaseResult, p99: number, handled: number): CaseResult => ({
      ...(result as WorkloadResult),
      workload: {
        ...result.workload!,
        input: {
          source: 'worker-message',
          intervalMs: 5,
          expected: 40,
          handled,
          delayMs: { mean: p99 / 2, p50: p99 / 2, p90: p99, p99, max: p99 },
        },
      },
    });
    const cases = (blockingP99: number) => [
      withInput(
        workloadResult('responsiveness', 'cpu-blocking', 'blocking', 'one block', 1000),
        blockingP99,
        0,
      ),
      withInput(
        workloadResult('responsiveness', 'cpu-yield-settimeout-0', 'sequential', 'setTimeout(0)', 500),
        2,
        40,
      ),
    ];
    const text = formatSummary(
      runFile(
        [entry('node', 'responsiveness', [cases(150)]), entry('chromium', 'responsiveness', [cases(190)])],
        [{ id: 'responsiveness', modes: ['blocking', 'sequential', 'concurrent'] }],
      ),
    );
    expect(text).toContain('node input p99 (handled)');
    expect(text).toMatch(/responsiveness\s+cpu-blocking\s+blocking\s+150 ms \(0%\)\s+190 ms \(0%\)/);
    expect(text).toMatch(/cpu-yield-settimeout-0\s+sequential\s+2\.00 ms \(100%\)\s+2\.00 ms \(100%\)/);
    expect(text).not.toContain('best sync');
  });
});

describe('summary flags, on the real quick run re-aggregated', () => {
  // The fixture predates flags: aggregating its repeats again computes them, as `run` does.
  const run = realRun();
  for (const e of run.entries) e.cases = aggregateRepeats(e.repeats);

  it('marks flagged figures and lists the flags in short at the end, without a busy line when none was measured', () => {
    const text = formatSummary(run);
    // Its micro cases were noisy: deno gather-10 had rme 19.5, 0.7, 0.7 (median 0.7: not flagged),
    // node await-async-call 20.1, 15.4, 1.3 (median 15.4: flagged).
    const md = toMarkdown(run);
    expect(md).toMatch(/high-rme\*\* — node × tasks \/ await-async-call: ±15\.4% relative margin of error/);
    expect(md).not.toMatch(/high-rme\*\* — deno × tasks \/ gather-10/);
    expect(text).toMatch(/tasks\s+await-async-call\s+[\d,]+ !/);
    // One line a flag, cut to the width, at most SHORT_FLAGS.lines of them, the rest counted.
    const lines = text.split('\n');
    const head = lines.indexOf('flags (! beside a figure):');
    expect(head).toBeGreaterThan(0);
    const listed = lines.slice(head + 1);
    const rows = flagRows(run);
    expect(rows.length).toBeGreaterThan(SHORT_FLAGS.lines);
    expect(listed).toHaveLength(SHORT_FLAGS.lines);
    expect(listed.at(-1)).toBe(`  … and ${rows.length - SHORT_FLAGS.lines + 1} more, see the report`);
    for (const l of listed) expect(l.length).toBeLessThanOrEqual(SHORT_FLAGS.width + 2);
    expect(listed[0]).toMatch(new RegExp(`^  ${rows[0]!.kind}\\s+${rows[0]!.runtime} × `));
    expect(text).not.toContain('busy machine');
  });

  it('says once that the run was measured on a busy machine, and lists it per runtime x scenario', () => {
    const busy = structuredClone(run);
    const e = busy.entries.find((x) => x.runtime === 'bun' && x.scenario === 'timers')!;
    e.repeats[1]!.machine = { loadAvg1: [2.1, 2.4], otherCpuShare: 0.45, otherCpuCores: 0.9 };
    e.cases = aggregateRepeats(e.repeats);
    const text = formatSummary(busy);
    expect(text).toContain(
      'warning: measured on a partly busy machine: other processes used more than 0.25 of a core during 1 of 1 measured processes',
    );
    expect(toMarkdown(busy)).toContain(
      '- **busy-machine** — bun × timers: other processes used up to 0.900 of a core (45% of the machine) in repeat #2',
    );
  });

  it('says a machine busy during every process once, marking no figure and listing no row for it', () => {
    const busy = structuredClone(run);
    for (const e of busy.entries) {
      for (const r of e.repeats)
        r.machine = { loadAvg1: [2.1, 2.4], otherCpuShare: 0.45, otherCpuCores: 0.9 };
      e.cases = aggregateRepeats(e.repeats);
    }
    const text = formatSummary(busy);
    expect(text).toMatch(
      /^warning: measured on a busy machine: other processes used 0\.900 of a core \(45% of the machine\) during all \d+ processes, load average 2\.10–2\.40; said here once/m,
    );
    expect(text.match(/busy/g)).toHaveLength(1);
    // The same figures as on a quiet machine carry `!`: busy-machine adds none.
    const marks = (t: string) => t.split('\n').filter((l) => / !(\s|$)/.test(l)).length;
    expect(marks(text)).toBe(marks(formatSummary(run)));
  });
});
