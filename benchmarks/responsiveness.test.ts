/**
 * The responsiveness scenario's own logic: the CPU unit, the cases per platform, and what each
 * case's input figures must show. Input comes from a stand-in sender on this thread (scheduled
 * sent times, handled when a timer gets to run), so these assert behaviour (a blocked thread
 * handles nothing while it works; one that awaits or yields does), never speed. The real worker
 * streams run in every adapter's dist/main.js suite.
 */
import { type Platform, runScenario } from '@asyncbench/harness';
import { scheduledInputEvents } from '@asyncbench/harness/testing';
import { describe, expect, it } from 'vitest';
import { cpuUnit, responsiveness, responsivenessCases, slug } from './responsiveness.ts';
import { testPlatform } from './test-platform.ts';

const withInput: Platform = { ...testPlatform, startInputEvents: scheduledInputEvents() };
// Small enough to run in well under a second; still many events per case.
const small = { ...responsiveness.params.quick, sleeps: 8, cpuUnits: 40 };

describe('cpuUnit', () => {
  it('is xorshift32 (13, 17, 5) folded into a checksum of low bytes', () => {
    // Marsaglia's xorshift32 from 1 gives 270369 first; its low byte is 33.
    expect(cpuUnit(1, 1)).toBe(270369 & 0xff);
    expect(cpuUnit(7, 1000)).toBe(cpuUnit(7, 1000));
    expect(cpuUnit(7, 1000)).not.toBe(cpuUnit(8, 1000));
  });
});

describe('responsiveness cases', () => {
  it('make one yielding CPU case per yielder the platform has, ids from the names', () => {
    expect(slug('setTimeout(0)')).toBe('settimeout-0');
    expect(slug('scheduler.yield()')).toBe('scheduler-yield');
    const yielders = { 'setTimeout(0)': async () => {}, 'scheduler.yield()': async () => {} };
    const cases = responsivenessCases(small, { ...testPlatform, yielders });
    expect(cases.map((c) => [c.id, c.mode, c.variant])).toEqual([
      ['sleep-blocking', 'blocking', 'loop'],
      ['sleep-sequential', 'sequential', 'loop'],
      ['sleep-concurrent', 'concurrent', 'limit'],
      ['cpu-blocking', 'blocking', 'one block'],
      ['cpu-yield-settimeout-0', 'sequential', 'setTimeout(0)'],
      ['cpu-yield-scheduler-yield', 'sequential', 'scheduler.yield()'],
    ]);
    for (const c of cases) expect(c.input, c.id).toEqual({ intervalMs: small.intervalMs });
    expect(responsivenessCases(small, { ...testPlatform, yielders: {} })).toHaveLength(4);
  });

  it('fail a CPU case whose checksum differs from the first one', async () => {
    const [blocking, yielding] = responsivenessCases(small, withInput).filter((c) => c.id.startsWith('cpu-'));
    const real = { timeSync: <T>(fn: () => T) => fn() } as never;
    await blocking!.run(real, undefined);
    // The same work gives the same checksum...
    await expect(yielding!.run(real, undefined)).resolves.toBeUndefined();
    // ...other work does not (here every unit "returns" 1).
    const fake = { timeSync: () => 1 } as never;
    await expect(yielding!.run(fake, undefined)).rejects.toThrow(
      /cpu-yield-settimeout-0 computed checksum 40, the first CPU case -?\d+/,
    );
  });
});

describe('responsiveness run', () => {
  it('blocking cases handle no input while they work; awaiting and yielding ones do', async () => {
    const scenario = { ...responsiveness, params: { ...responsiveness.params, quick: small } };
    const results = await runScenario(scenario, withInput, {
      profile: 'quick',
      seed: 1,
      workloadBudget: { warmupMs: 0, maxWarmupMs: 0, timedMs: 0 },
    });
    const input = Object.fromEntries(results.map((r) => [r.case, r.workload!.input!]));
    expect(Object.keys(input)).toEqual(
      expect.arrayContaining(['cpu-yield-settimeout-0', 'sleep-sequential']),
    );
    for (const [id, stats] of Object.entries(input)) {
      expect(stats.expected, id).toBeGreaterThan(0);
      if (id.endsWith('-blocking')) {
        expect(stats.handled, id).toBe(0);
        // Every event waited for the block to end: the longest about as long as the block.
        expect(stats.delayMs.max, id).toBeGreaterThan(small.intervalMs);
      } else {
        expect(stats.handled, id).toBeGreaterThan(0);
      }
    }
  });
});
