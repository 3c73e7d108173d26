/**
 * Runs the in-memory scenarios (timers, tasks, queue, errors) for real, through the harness
 * runner, on a web-API test platform. Asserts behaviour only — results for every case, units all
 * recorded, failures surfaced — never speed: the machine is shared and timings mean nothing here.
 */
import {
  createWorkloadContext,
  LatencyRecorder,
  runScenario,
  type Scenario,
  type WorkloadCase,
} from '@asyncbench/harness';
import { describe, expect, it, vi } from 'vitest';
import { errors, faultGarbage, faultThrow, queue, tasks, timers } from './index.ts';
import { testPlatform } from './test-platform.ts';

// Tiny budgets: these tests check that cases run, not how fast. One warm-up and one timed round.
const microBudget = { timeMs: 5, warmupMs: 1, minSamples: 2 };
const workloadBudget = { warmupMs: 0, maxWarmupMs: 0, timedMs: 0 };
const run = (scenario: Scenario) =>
  runScenario(scenario, testPlatform, { profile: 'quick', seed: 1, microBudget, workloadBudget });

describe.each([timers, tasks, queue, errors].map((s) => [s.id, s] as [string, Scenario]))(
  '%s',
  (_id, scenario) => {
    it('runs every quick case through the harness runner', async () => {
      const cases = await scenario.cases(scenario.params.quick, testPlatform);
      const results = await run(scenario);
      expect(results.map((r) => r.case)).toEqual(cases.map((c) => c.id));
      for (const r of results) {
        if (r.kind === 'micro') expect(r.micro?.opsPerSec, r.case).toBeGreaterThan(0);
        else {
          expect(r.workload?.wallMs, r.case).toBeGreaterThan(0);
          expect(Number.isFinite(r.workload?.throughput), r.case).toBe(true);
        }
      }
    });

    it('records exactly one latency per unit in every workload case', async () => {
      const cases = await scenario.cases(scenario.params.quick, testPlatform);
      for (const c of cases.filter((c): c is WorkloadCase => c.kind === 'workload')) {
        const recorder = new LatencyRecorder();
        await c.run(createWorkloadContext(testPlatform, 1, recorder), undefined);
        expect(recorder.count, c.id).toBe(c.units);
      }
    });
  },
);

describe('timers', () => {
  it('cannot beat physics: blocking and sequential take at least about N*d', async () => {
    const results = await run(timers);
    for (const r of results.filter((r) => r.mode !== 'concurrent')) {
      const w = r.workload!;
      // A lower bound only (timers may fire a hair early): upper bounds depend on the machine.
      expect(w.wallMs, r.case).toBeGreaterThan(0.8 * w.idealMs!);
    }
  });
});

describe('fault fixtures that can run in-process', () => {
  it('fault-throw rejects the run with its error', async () => {
    await expect(run(faultThrow)).rejects.toThrow('fault-throw: deliberate failure');
  });

  it('fault-garbage prints a non-JSON line, then runs its one micro case', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const results = await run(faultGarbage);
      expect(log).toHaveBeenCalledWith('this is not json {');
      expect(results.map((r) => r.case)).toEqual(['noop']);
    } finally {
      log.mockRestore();
    }
  });
});
