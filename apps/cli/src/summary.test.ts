import type { CaseResult, WorkloadResult } from '@asyncbench/results';
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
