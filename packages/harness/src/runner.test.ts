import type { CaseResult } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { sleep, webPlatform } from '../test-support/web-platform.ts';
import { defineScenario } from './define-scenario.ts';
import { calibrate, measureMicro, NEAR_EMPTY_FACTOR } from './micro.ts';
import { type RunOptions, runScenario } from './runner.ts';
import type { Case, Scenario, WorkloadCase } from './scenario.ts';
import { idealWallMs, runWorkload } from './workload.ts';

/** Tiny budgets: these tests check behaviour, never speed. */
const TINY = { timeMs: 20, warmupMs: 5, minSamples: 5, batchTargetMs: 0.1 };
/** One warm-up round and one timed round per workload case. */
const ONE_ROUND = { warmupMs: 0, maxWarmupMs: 0, timedMs: 0 };

/** A sequential workload case of one unit with unknown d, completed by `rest` (run, setup, ...). */
function oneUnitCase<S>(
  id: string,
  rest: Pick<WorkloadCase<S>, 'run'> & Partial<WorkloadCase<S>>,
): WorkloadCase<S> {
  return {
    kind: 'workload',
    id,
    label: id,
    mode: 'sequential',
    variant: 'loop',
    units: 1,
    concurrency: 1,
    unitMs: null,
    ...rest,
  };
}

function scenario(cases: () => Case[]): Scenario {
  return defineScenario({
    id: 'fixture',
    label: 'Fixture',
    description: 'test fixture',
    params: { quick: { n: 1 }, default: { n: 2 }, full: { n: 3 } },
    modes: ['blocking', 'sequential', 'concurrent'],
    unit: { singular: 'unit', plural: 'units' },
    hidden: true,
    cases,
  });
}

describe('measureMicro', () => {
  it('batches a sub-microsecond sync op and reports figures per single op', async () => {
    let calls = 0;
    const stats = await measureMicro(() => {
      calls++;
    }, TINY);
    expect(stats.batch).toBeGreaterThan(1);
    expect(stats.samples).toBeGreaterThanOrEqual(TINY.minSamples);
    expect(calls).toBeGreaterThanOrEqual(stats.batch * stats.samples);
    for (const v of [stats.opsPerSec, stats.meanNs, stats.p50Ns, stats.p99Ns, stats.rme]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(stats.opsPerSec).toBeCloseTo(1e9 / stats.meanNs, 3);
  });

  it('calls a sync op from a promise reaction of its own: no runtime frames beneath the batch loop', async () => {
    let stack = '';
    await measureMicro(function probe() {
      stack = new Error('probe').stack ?? '';
    }, TINY);
    const frames = stack.split('\n').slice(1);
    // The op, then the batch loop as the reaction itself (no harness closure between them, which
    // Bun's JIT would inline the loop into); then at most the runtime's microtask runner and async
    // frames of the awaiting harness, never the async-hooks frames of queueMicrotask.
    expect(frames[0]).toContain('probe');
    expect(frames[1]).toMatch(/batch.*makeBatch/);
    expect(frames[2] ?? '').not.toMatch(/\brun\b/);
    expect(stack).not.toMatch(/AsyncResource|runInAsyncScope|runMicrotask/);
  });

  it('awaits every op of an async case inside the batch', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const stats = await measureMicro(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
    }, TINY);
    expect(maxInFlight).toBe(1);
    expect(stats.batch).toBeGreaterThanOrEqual(1);
    expect(stats.meanNs).toBeGreaterThan(0);
  });

  it('calibration does not take one slow reading of a fast op (preempted, collected) for a slow op', async () => {
    // A batch of n sums n numbers; its first timing lasts 1 ms, as a preempted one would.
    const p = webPlatform();
    let first = true;
    let sink = 0;
    const batch = async (n: number) => {
      if (first) {
        first = false;
        p.blockingSleep(1);
      }
      for (let i = 0; i < n; i++) sink += i;
    };
    expect(await calibrate(batch, 0.1)).toBeGreaterThan(1);
    expect(sink).toBeGreaterThan(0);
  });

  it('uses a batch of 1 for ops longer than the batch target', async () => {
    const p = webPlatform();
    const stats = await measureMicro(() => p.blockingSleep(1), { ...TINY, minSamples: 3 });
    expect(stats.batch).toBe(1);
    // A millisecond is nowhere near the empty loop's nanoseconds.
    expect(stats.nearEmptyLoop).toBe(false);
  });

  it('measures the empty op once per process and marks ops within 1.42x of it', async () => {
    const sync = await measureMicro(() => {}, TINY);
    const awaited = await measureMicro(async () => {}, TINY);
    expect(sync.emptyLoopNs).toBeGreaterThan(0);
    expect(awaited.emptyLoopNs).toBe(sync.emptyLoopNs);
    expect(sync.nearEmptyLoop).toBe(sync.meanNs < NEAR_EMPTY_FACTOR * sync.emptyLoopNs);
    // An awaited no-op pays a microtask turn: far above the sync floor, never near it.
    expect(awaited.nearEmptyLoop).toBe(false);
  });

  it('records how the time grows with the work: about 2x for an op that costs per call', async () => {
    // 2 us of spinning per call: the batch's time is all op, so twice the ops take twice as long.
    const spin = (us: number) => {
      const until = performance.now() + us / 1000;
      while (performance.now() < until);
    };
    // 300 ms: its 3% share (9 ms) holds 10 pairs of ~0.1 + 0.2 ms batches, so the median is of 10.
    const stats = await measureMicro(() => spin(2), { ...TINY, timeMs: 300 });
    expect(stats.batch).toBeGreaterThan(1);
    // Only a floor: a preempted 2n batch on a loaded machine reads high, never low.
    expect(stats.workRatio).toBeGreaterThan(1.5);
  });

  it('records a work ratio near 1 when a batch takes the same time whatever its size', async () => {
    // The second call of each batch spins 0.3 ms, every other call is free: a batch of n ops costs
    // the same as one of 2n, as one whose ops the JIT deleted would (plus its fixed cost).
    let calls = 0;
    const op = () => {
      if (calls++ === 0)
        queueMicrotask(() => {
          calls = 0;
        });
      if (calls === 2) {
        const until = performance.now() + 0.3;
        while (performance.now() < until);
      }
    };
    // 300 ms: its 3% share (9 ms) holds 3 pairs of ~0.3 ms batches even on a loaded machine.
    const stats = await measureMicro(op, { ...TINY, timeMs: 300 });
    expect(stats.batch).toBeGreaterThan(1);
    expect(stats.workRatio).toBeLessThan(1.3);
  });

  it('records a work ratio near 1 for a cost paid once per turn, however many ops ran in it', async () => {
    // A coalesced render: the first op of a turn queues one 0.3 ms render at the end of the turn.
    let queued = false;
    const op = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        const until = performance.now() + 0.3;
        while (performance.now() < until);
        queued = false;
      });
    };
    const stats = await measureMicro(op, { ...TINY, timeMs: 300 });
    expect(stats.batch).toBe(1);
    expect(stats.workRatio).toBeLessThan(1.3);
  });

  it('leaves the work ratio out when 3 pairs of batches would overrun 3% of the case’s time', async () => {
    const p = webPlatform();
    // 0.5 ms per op, batch 1: 3 pairs of 1 + 2 ops take 4.5 ms, over 3% of 20 ms.
    const stats = await measureMicro(() => p.blockingSleep(0.5), { ...TINY, minSamples: 3 });
    expect(stats.batch).toBe(1);
    expect(stats.workRatio).toBeUndefined();
  });

  it('rejects with the error an op throws', async () => {
    let n = 0;
    const op = () => {
      if (++n > 50) throw new Error('boom at op 51');
    };
    await expect(measureMicro(op, TINY)).rejects.toThrow('boom at op 51');
  });
});

describe('idealWallMs', () => {
  it('is N*d one at a time, d*ceil(N/c) concurrently, null without d', () => {
    expect(idealWallMs({ mode: 'blocking', units: 10, concurrency: 1, unitMs: 5 })).toBe(50);
    expect(idealWallMs({ mode: 'sequential', units: 10, concurrency: 1, unitMs: 5 })).toBe(50);
    expect(idealWallMs({ mode: 'concurrent', units: 10, concurrency: 4, unitMs: 5 })).toBe(15);
    expect(idealWallMs({ mode: 'concurrent', units: 10, concurrency: 10, unitMs: 5 })).toBe(5);
    expect(idealWallMs({ mode: 'concurrent', units: 10, concurrency: 4, unitMs: null })).toBeNull();
  });
});

describe('runScenario', () => {
  it('runs micro and workload cases in order, streaming results with the profile params', async () => {
    const platform = webPlatform();
    const events: string[] = [];
    const randoms: number[][] = [];
    const sleepCase = (mode: 'blocking' | 'sequential' | 'concurrent'): WorkloadCase<{ d: number }> => ({
      kind: 'workload',
      id: `sleep-${mode}`,
      label: `sleep ${mode}`,
      mode,
      variant: mode === 'concurrent' ? 'gather' : 'loop',
      units: 4,
      concurrency: mode === 'concurrent' ? 4 : 1,
      unitMs: 2,
      async setup() {
        events.push(`setup ${mode}`);
        return { d: 2 };
      },
      async run(ctx, state) {
        randoms.push([ctx.random(), ctx.random()]);
        if (mode === 'blocking') {
          for (let i = 0; i < 4; i++) ctx.timeSync(() => ctx.platform.blockingSleep(state.d));
        } else if (mode === 'sequential') {
          for (let i = 0; i < 4; i++) await ctx.time(() => sleep(state.d));
        } else {
          await Promise.all(Array.from({ length: 4 }, () => ctx.time(() => sleep(state.d))));
        }
      },
      async teardown() {
        events.push(`teardown ${mode}`);
      },
    });
    const s = scenario(() => [
      { kind: 'micro', id: 'noop', label: 'no-op', variant: 'sync', fn: () => {} },
      sleepCase('blocking'),
      sleepCase('sequential'),
      sleepCase('concurrent'),
    ]);
    const streamed: CaseResult[] = [];
    const results = await runScenario(s, platform, {
      profile: 'quick',
      seed: 9,
      microBudget: TINY,
      workloadBudget: ONE_ROUND,
      onResult: (r) => streamed.push(r),
    });
    expect(streamed).toEqual(results);
    expect(results.map((r) => r.case)).toEqual([
      'noop',
      'sleep-blocking',
      'sleep-sequential',
      'sleep-concurrent',
    ]);
    expect(events).toEqual([
      'setup blocking',
      'teardown blocking',
      'setup sequential',
      'teardown sequential',
      'setup concurrent',
      'teardown concurrent',
    ]);
    // Before every case, never between a case's warm-up and its timed rounds.
    expect(platform.gcCalls).toBe(4);
    // One warm-up and one timed round per case; round r of every case sees the same inputs, and
    // the warm-up round other inputs than the timed one.
    expect(randoms).toHaveLength(6);
    expect(randoms[2]).toEqual(randoms[0]);
    expect(randoms[4]).toEqual(randoms[0]);
    expect(randoms[3]).toEqual(randoms[1]);
    expect(randoms[5]).toEqual(randoms[1]);
    expect(randoms[1]).not.toEqual(randoms[0]);

    const [micro, blocking, , concurrent] = results;
    expect(micro).toMatchObject({ scenario: 'fixture', kind: 'micro', mode: null, params: { n: 1 } });
    expect(micro?.micro?.batch).toBeGreaterThan(0);
    expect(blocking).toMatchObject({ kind: 'workload', mode: 'blocking', variant: 'loop' });
    const w = blocking!.workload!;
    expect(w).toMatchObject({
      units: 4,
      concurrency: 1,
      unitMs: 2,
      idealMs: 8,
      rssBytes: 1000,
      heapUsedBytes: 500,
      warmupRounds: 1,
      warmupUnits: 4,
      rounds: 1,
      timedUnits: 4,
      arrangement: null,
    });
    expect(w.wallMs).toBe(w.timedMs);
    expect(w.throughput).toBeCloseTo(4 / (w.wallMs / 1000), 6);
    expect(w.efficiency).toBeCloseTo(8 / w.wallMs, 6);
    // Units record at least their own sleep, and the max is the largest recorded unit.
    expect(w.latencyMs.max).toBeGreaterThanOrEqual(w.latencyMs.p50);
    expect(w.wallMs).toBeGreaterThanOrEqual(w.latencyMs.max);
    expect(concurrent?.workload?.idealMs).toBe(2);
  });

  it('microAlone runs workload cases and defers every micro case measured after another case', async () => {
    const noop = (id: string) => ({ kind: 'micro' as const, id, label: id, variant: 'sync', fn: () => {} });
    const oneUnit = oneUnitCase('unit', {
      run: async (ctx) => {
        ctx.timeSync(() => 1);
      },
    });
    const options = { profile: 'quick' as const, seed: 1, microBudget: TINY, workloadBudget: ONE_ROUND };
    const run = async (cases: Case[], extra: Partial<RunOptions> = {}) => {
      const deferred: string[][] = [];
      const results = await runScenario(
        scenario(() => cases),
        webPlatform(),
        {
          ...options,
          microAlone: true,
          onDeferred: (ids) => deferred.push(ids),
          ...extra,
        },
      );
      return { ran: results.map((r) => r.case), deferred };
    };
    // A micro-only scenario: its first micro case is alone in the process; the rest wait.
    expect(await run([noop('a'), noop('b'), noop('c')])).toEqual({ ran: ['a'], deferred: [['b', 'c']] });
    // After a workload case, no micro case is alone.
    expect(await run([oneUnit, noop('a'), noop('b')])).toEqual({ ran: ['unit'], deferred: [['a', 'b']] });
    // What the caller then asks for: one case, alone; nothing left over.
    expect(await run([oneUnit, noop('a'), noop('b')], { cases: ['b'] })).toEqual({
      ran: ['b'],
      deferred: [[]],
    });
  });

  it('cases narrows a scenario to the ids named, in its order, and rejects an id it lacks', async () => {
    const noop = (id: string) => ({ kind: 'micro' as const, id, label: id, variant: 'sync', fn: () => {} });
    const s = scenario(() => [noop('a'), noop('b'), noop('c')]);
    const options = { profile: 'quick' as const, seed: 1, microBudget: TINY };
    const results = await runScenario(s, webPlatform(), { ...options, cases: ['c', 'a'] });
    expect(results.map((r) => r.case)).toEqual(['a', 'c']);
    await expect(runScenario(s, webPlatform(), { ...options, cases: ['a', 'z'] })).rejects.toThrow(
      'scenario "fixture" has no case z (valid: a, b, c)',
    );
  });

  it('runs teardown when run throws, and rejects with the run error', async () => {
    const events: string[] = [];
    const s = scenario(() => [
      {
        kind: 'workload',
        id: 'fails',
        label: 'fails',
        mode: 'sequential',
        variant: 'loop',
        units: 1,
        concurrency: 1,
        unitMs: null,
        setup: async () => 'state',
        run: async (ctx) => {
          await ctx.time(async () => {
            throw new Error('unit failed');
          });
        },
        teardown: async (state) => {
          events.push(`teardown ${state}`);
          throw new Error('teardown tripped');
        },
      },
    ]);
    await expect(
      runScenario(s, webPlatform(), { profile: 'quick', seed: 1, workloadBudget: ONE_ROUND }),
    ).rejects.toThrow('unit failed');
    expect(events).toEqual(['teardown state']);
  });

  it('rejects a workload that records no latencies, and duplicate case ids', async () => {
    const silent: WorkloadCase = {
      kind: 'workload',
      id: 'silent',
      label: 'silent',
      mode: 'sequential',
      variant: 'loop',
      units: 3,
      concurrency: 1,
      unitMs: null,
      run: async () => {},
    };
    await expect(
      runScenario(
        scenario(() => [silent]),
        webPlatform(),
        { profile: 'quick', seed: 1, workloadBudget: ONE_ROUND },
      ),
    ).rejects.toThrow(/recorded no unit latencies/);
    await expect(
      runScenario(
        scenario(() => [silent, silent]),
        webPlatform(),
        { profile: 'quick', seed: 1 },
      ),
    ).rejects.toThrow(/duplicate case id "silent"/);
  });

  it('reports efficiency null when unitMs is unknown', async () => {
    const s = scenario(() => [
      {
        kind: 'workload',
        id: 'unknown-d',
        label: 'unknown d',
        mode: 'concurrent',
        variant: 'gather',
        units: 2,
        concurrency: 2,
        unitMs: null,
        run: async (ctx) => {
          ctx.record(1);
          ctx.record(3);
        },
      },
    ]);
    const [r] = await runScenario(s, webPlatform(), {
      profile: 'default',
      seed: 1,
      workloadBudget: ONE_ROUND,
    });
    expect(r?.workload).toMatchObject({ idealMs: null, efficiency: null });
    expect(r?.workload?.latencyMs).toMatchObject({ mean: 2, max: 3, p50: 2 });
    expect(r?.params).toEqual({ n: 2 });
  });
});

describe('runScenario: database driver', () => {
  const workload: WorkloadCase = {
    kind: 'workload',
    id: 'one',
    label: 'one unit',
    mode: 'sequential',
    variant: 'loop',
    units: 1,
    concurrency: 1,
    unitMs: null,
    async run(ctx) {
      await ctx.time(() => sleep(1));
    },
  };
  const withRequires = (requires: readonly ('sqlite' | 'postgres')[]) =>
    defineScenario({ ...scenario(() => [workload]), requires });

  it("records the platform's SQLite driver on every result of a scenario that requires sqlite", async () => {
    const platform = {
      ...webPlatform(),
      sqliteDriver: () => ({ name: 'test:sqlite', engine: 'SQLite 3.0.0' }),
    };
    const [result] = await runScenario(withRequires(['sqlite']), platform, {
      profile: 'quick',
      seed: 1,
      workloadBudget: ONE_ROUND,
    });
    expect(result!.driver).toEqual({ name: 'test:sqlite', engine: 'SQLite 3.0.0' });
    const [other] = await runScenario(withRequires(['postgres']), platform, {
      profile: 'quick',
      seed: 1,
      workloadBudget: ONE_ROUND,
    });
    expect(other!.driver).toBeUndefined();
  });

  it('records no driver when the platform has none (the cases report why in their own setup)', async () => {
    const platform = {
      ...webPlatform(),
      sqliteDriver: () => {
        throw new Error('no SQLite driver on Node 18');
      },
    };
    const [result] = await runScenario(withRequires(['sqlite']), platform, {
      profile: 'quick',
      seed: 1,
      workloadBudget: ONE_ROUND,
    });
    expect(result!.workload).toBeDefined();
    expect(result!.driver).toBeUndefined();
  });
});

describe('runWorkload: steady state', () => {
  /** A case whose round is `units` blocking sleeps of d ms; it counts its rounds in `calls`. */
  function sleeper(units: number, d: number, extra: Partial<WorkloadCase> = {}) {
    const calls = { n: 0 };
    const c: WorkloadCase = {
      kind: 'workload',
      id: 'sleeper',
      label: 'sleeper',
      mode: 'blocking',
      variant: 'loop',
      units,
      concurrency: 1,
      unitMs: d,
      async run(ctx) {
        calls.n++;
        for (let i = 0; i < units; i++) ctx.timeSync(() => ctx.platform.blockingSleep(d));
      },
      ...extra,
    };
    return { c, calls };
  }

  it('warms up for whole rounds, then times rounds back to back until the budget is spent', async () => {
    const { c, calls } = sleeper(2, 1);
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 8, maxWarmupMs: 1000, timedMs: 20 });
    expect(w.warmupMs).toBeGreaterThanOrEqual(8);
    expect(w.warmupRounds).toBeGreaterThanOrEqual(2);
    // Sleeps cannot speed up: a plateau, or the physical limit, ends the warm-up long before the cap.
    expect(w.warmupSteady).toBe(true);
    expect(w.timedMs).toBeGreaterThanOrEqual(20);
    expect(w.rounds).toBeGreaterThanOrEqual(5);
    expect(calls.n).toBe(w.warmupRounds + w.rounds);
    expect(w.warmupUnits).toBe(2 * w.warmupRounds);
    expect(w.timedUnits).toBe(2 * w.rounds);
    expect(w.throughput).toBeCloseTo(w.timedUnits / (w.timedMs / 1000), 6);
    expect(w.wallMs).toBeCloseTo(w.timedMs / w.rounds, 9);
    // idealMs describes one round, so efficiency compares it with the mean round.
    expect(w.idealMs).toBe(2);
    expect(w.efficiency).toBeCloseTo(2 / w.wallMs, 9);
  });

  it('runs a round at its physical limit once after one warm-up round', async () => {
    // 2 x 20 ms of blocking sleep: the first round is within 10% of idealMs, so it cannot get faster.
    const { c, calls } = sleeper(2, 20);
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 1, maxWarmupMs: 1000, timedMs: 1 });
    expect([w.warmupRounds, w.rounds, calls.n]).toEqual([1, 1, 2]);
    expect(w.warmupSteady).toBe(true);
  });

  /** A case with unknown d whose k-th round sleeps ms[k] (the last value from then on). */
  function speedingUp(ms: number[], extra: Partial<WorkloadCase> = {}): WorkloadCase {
    let round = 0;
    return oneUnitCase('speeding-up', {
      async run(ctx) {
        const d = ms[Math.min(round++, ms.length - 1)]!;
        ctx.timeSync(() => ctx.platform.blockingSleep(d));
      },
      ...extra,
    });
  }

  it('keeps warming up through a flat stretch until minWarmupMs, then catches the later step', async () => {
    // 30, 30, 30 ms, then 5 ms from the fourth round on: the second round alone looks like a plateau.
    const budget = { warmupMs: 0, maxWarmupMs: 10_000, timedMs: 0 };
    const flatThenFaster = [30, 30, 30, 5];
    const early = await runWorkload(speedingUp(flatThenFaster), webPlatform(), 1, budget);
    expect(early.warmupRounds).toBe(2);
    const w = await runWorkload(speedingUp(flatThenFaster, { minWarmupMs: 105 }), webPlatform(), 1, budget);
    // Past 105 ms (three and a half flat rounds) the plateau rule is back: the fourth round (a rise) keeps it going, a later one ends it.
    expect(w.warmupRounds).toBeGreaterThanOrEqual(5);
    expect(w.warmupSteady).toBe(true);
  });

  it('ends the warm-up at the physical limit even before minWarmupMs', async () => {
    const { c } = sleeper(2, 20, { minWarmupMs: 10_000 });
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 1, maxWarmupMs: 20_000, timedMs: 1 });
    expect([w.warmupRounds, w.warmupSteady]).toEqual([1, true]);
  });

  it('caps minWarmupMs at maxWarmupMs', async () => {
    const c = speedingUp([10], { minWarmupMs: 10_000 });
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 0, maxWarmupMs: 50, timedMs: 0 });
    expect(w.warmupMs).toBeLessThan(1_000);
    expect(w.warmupSteady).toBe(true);
  });

  it('keeps warming up while the case speeds up, and stops on a plateau', async () => {
    // One round per window (warmupMs 0): 80, 40, 20, 10 ms rise; the fifth, 20 ms, is no faster.
    // Steps of 2x, so a loaded machine's late wake-ups (a few ms) cannot turn the plateau into a rise.
    const c = speedingUp([80, 40, 20, 10, 20]);
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 0, maxWarmupMs: 10_000, timedMs: 0 });
    expect(w.warmupRounds).toBe(5);
    expect(w.warmupSteady).toBe(true);
  });

  it('stops warming up at maxWarmupMs while still speeding up, and says so', async () => {
    const c = speedingUp([40, 30, 20, 10, 5]);
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 0, maxWarmupMs: 60, timedMs: 0 });
    expect(w.warmupRounds).toBe(2);
    expect(w.warmupSteady).toBe(false);
  });

  it('keeps warm-up latencies out of the figures and records the arrangement', async () => {
    let round = 0;
    const c = oneUnitCase('marked', {
      arrangement: 'a server somewhere',
      async run(ctx) {
        // The first round is the only warm-up round (warmupMs 0): it records a huge latency.
        ctx.record(round++ === 0 ? 1000 : 1);
      },
    });
    const w = await runWorkload(c, webPlatform(), 1, { warmupMs: 0, maxWarmupMs: 0, timedMs: 0 });
    expect(w.latencyMs.max).toBe(1);
    expect(w.arrangement).toBe('a server somewhere');
  });

  it('tears down once when a timed round throws, and rejects with that error', async () => {
    const events: string[] = [];
    let round = 0;
    const c = oneUnitCase<string>('late-failure', {
      setup: async () => 'state',
      async run(ctx) {
        if (++round === 3) throw new Error('third round failed');
        ctx.record(1);
      },
      teardown: async (state) => {
        events.push(`teardown ${state}`);
      },
    });
    await expect(
      runWorkload(c, webPlatform(), 1, { warmupMs: 0, maxWarmupMs: 0, timedMs: 1e9 }),
    ).rejects.toThrow('third round failed');
    expect(events).toEqual(['teardown state']);
  });
});
