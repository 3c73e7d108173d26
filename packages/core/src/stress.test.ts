/**
 * Seeded random stress: producers and consumers in a TaskGroup share a Queue, a Semaphore and a
 * limit(), and one cancellation is injected at every await point in turn.
 *
 * For each seed the scenario (how many producers and consumers, the queue's size, the permits,
 * the limit, which wrapper each operation goes through, how long each step takes) is drawn from
 * the seeded PRNG, and it runs on microtasks only, so it is deterministic on every runtime. It is
 * first run without a cancel to count its microtask ticks T; then once for every k in 0..T with
 * one cancel at tick k: of a producer, of a consumer, of the whole group (its outer signal), or a
 * clearQueue() of the limiter. Every run must then show conservation:
 * - nothing lost: every item whose put resolved was received by exactly one consumer or is still
 *   in the queue; an item whose put was cancelled is nowhere;
 * - nothing duplicated: no item received twice, no limited function run twice, no permit twice;
 * - everything settles: the group settles, every actor had finished by then, every permit is back,
 *   the limiter is idle, and an ExceptionGroup lists each injected failure once.
 * A failure names the seed and the tick; STRESS_SEED=<seed> replays just that seed.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/ticks.ts';
import { ExceptionGroup, isCancellation, QueueShutDown } from './errors.ts';
import { limit } from './limit.ts';
import { Queue } from './queue.ts';
import { Semaphore } from './semaphore.ts';
import { createTask, type Task } from './task.ts';
import { TaskGroup } from './task-group.ts';
import { timeout } from './timeout.ts';

const replaySeed = Number(
  (globalThis as { process?: { env?: Record<string, string> } }).process?.env?.STRESS_SEED,
);
const SEEDS = Number.isInteger(replaySeed) ? [replaySeed] : Array.from({ length: 24 }, (_, i) => i + 1);
/** A scenario that has not settled after this many ticks is stuck. */
const TICK_CAP = 50_000;

async function ticks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await null;
}

/** One way of making an abortable call: directly, through timeout(), or as a nested Task. */
type Wrapper = <T>(op: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) => Promise<T>;

const direct: Wrapper = (op, signal) => op(signal);
const viaTimeout: Wrapper = (op, signal) => timeout(Number.POSITIVE_INFINITY, op, { signal });
const viaTask: Wrapper = <T>(op: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> => {
  const task = createTask(op);
  const forward = () => task.cancel(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  return Promise.resolve(task).finally(() => signal.removeEventListener('abort', forward));
};
const WRAPPERS = [direct, viaTimeout, viaTask];

interface Ledger {
  putOk: number[];
  received: number[];
  limitedRuns: number;
  limitedResolved: number;
  permitsHeld: number;
  peakPermits: number;
  running: number;
  injected: Error[];
}

interface Outcome {
  ledger: Ledger;
  settled: 'fulfilled' | 'rejected';
  reason: unknown;
  leftover: number[];
  runningAtSettle: number;
  queue: Queue<number>;
  sem: Semaphore;
  permits: number;
  run: ReturnType<typeof limit>;
}

/** Builds and runs one scenario; `cancelAt` (a tick, or -1) and `onTick` inject the cancel. */
async function scenario(seed: number, cancelAt: number): Promise<{ outcome: Outcome; ticksUsed: number }> {
  const rng = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const producers = 1 + Math.floor(rng() * 3);
  const consumers = 1 + Math.floor(rng() * 3);
  const perProducer = 2 + Math.floor(rng() * 3);
  const queue = new Queue<number>(pick([0, 1, 2]));
  const permits = 1 + Math.floor(rng() * 2);
  const sem = new Semaphore(permits);
  const run = limit(1 + Math.floor(rng() * 2));
  const failProbability = pick([0, 0, 0.15]);
  const ledger: Ledger = {
    putOk: [],
    received: [],
    limitedRuns: 0,
    limitedResolved: 0,
    permitsHeld: 0,
    peakPermits: 0,
    running: 0,
    injected: [],
  };
  const outer = new AbortController();
  const actorTasks: Task<void>[] = [];

  const producer = async (id: number, signal: AbortSignal): Promise<void> => {
    ledger.running++;
    try {
      for (let i = 0; i < perProducer; i++) {
        const item = id * 100 + i;
        await pick(WRAPPERS)((s) => queue.put(item, { signal: s }), signal);
        ledger.putOk.push(item);
        await ticks(Math.floor(rng() * 3));
      }
    } finally {
      ledger.running--;
    }
  };

  const consumer = async (signal: AbortSignal): Promise<void> => {
    ledger.running++;
    try {
      for (;;) {
        let item: number;
        try {
          item = await pick(WRAPPERS)((s) => queue.get({ signal: s }), signal);
        } catch (err) {
          if (err instanceof QueueShutDown) return;
          throw err;
        }
        ledger.received.push(item);
        await pick(WRAPPERS)((s) => sem.acquire({ signal: s }), signal);
        ledger.permitsHeld++;
        ledger.peakPermits = Math.max(ledger.peakPermits, ledger.permitsHeld);
        try {
          await pick(WRAPPERS)(
            (s) =>
              run(
                async () => {
                  ledger.limitedRuns++;
                  await ticks(Math.floor(rng() * 4));
                  return item;
                },
                { signal: s },
              ),
            signal,
          );
          ledger.limitedResolved++;
          if (rng() < failProbability) {
            const err = new Error(`failure after item ${item}`);
            ledger.injected.push(err);
            throw err;
          }
        } finally {
          ledger.permitsHeld--;
          sem.release();
        }
      }
    } finally {
      ledger.running--;
    }
  };

  const group = TaskGroup.run(
    async (tg) => {
      const ps: Task<void>[] = [];
      for (let p = 0; p < producers; p++) ps.push(tg.createTask((signal) => producer(p + 1, signal)));
      const cs: Task<void>[] = [];
      for (let c = 0; c < consumers; c++) cs.push(tg.createTask((signal) => consumer(signal)));
      actorTasks.push(...cs, ...ps);
      // With every consumer gone a producer blocked on a full queue would wait forever: stop them.
      void Promise.allSettled(cs).then(() => {
        for (const p of ps) p.cancel('no consumer left');
      });
      // Every producer ends (done or cancelled); then consumers drain the queue and stop.
      await Promise.allSettled(ps);
      queue.shutdown();
    },
    { signal: outer.signal },
  );

  const cancel = (): void => {
    const action = seededRandom(seed * 7919 + cancelAt)();
    if (action < 0.2) outer.abort();
    else if (action < 0.35) run.clearQueue();
    else {
      const target = actorTasks[Math.floor(action * 1000) % Math.max(1, actorTasks.length)];
      target?.cancel();
    }
  };

  let settled: Outcome['settled'] | undefined;
  let reason: unknown;
  let runningAtSettle = -1;
  group.then(
    () => {
      settled = 'fulfilled';
      runningAtSettle = ledger.running;
    },
    (err: unknown) => {
      settled = 'rejected';
      reason = err;
      runningAtSettle = ledger.running;
    },
  );
  let tick = 0;
  while (settled === undefined) {
    if (tick === cancelAt) cancel();
    if (tick >= TICK_CAP)
      throw new Error(`seed ${seed}, cancel at tick ${cancelAt}: not settled after ${TICK_CAP} ticks`);
    tick++;
    await null;
  }
  // A cancelled consumer may leave items behind: they are still in the (shut down) queue.
  const leftover: number[] = [];
  while (!queue.empty()) leftover.push(queue.getNowait());
  return {
    outcome: { ledger, settled, reason, leftover, runningAtSettle, queue, sem, permits, run },
    ticksUsed: tick,
  };
}

function checkConservation(o: Outcome): void {
  const { ledger } = o;
  // Everything had finished when the group settled.
  expect(o.runningAtSettle, 'actors still running when the group settled').toBe(0);
  // Nothing duplicated.
  expect(new Set(ledger.received).size, 'an item was received twice').toBe(ledger.received.length);
  // Nothing lost: received + leftover is exactly what was put.
  const accounted = [...ledger.received, ...o.leftover].sort((a, b) => a - b);
  expect(accounted, 'items received or left in the queue differ from the items put').toEqual(
    [...ledger.putOk].sort((a, b) => a - b),
  );
  // Every permit is back, and no more than the permits were ever held at once.
  expect(ledger.permitsHeld).toBe(0);
  expect(ledger.peakPermits).toBeLessThanOrEqual(o.permits);
  for (let i = 0; i < o.permits; i++) {
    expect(o.sem.locked(), 'a permit was lost').toBe(false);
    void o.sem.acquire();
  }
  expect(o.sem.locked(), 'a permit was duplicated').toBe(true);
  // The limiter ran each resolved call once, and is idle.
  expect(o.run.activeCount).toBe(0);
  expect(o.run.pendingCount).toBe(0);
  expect(ledger.limitedRuns, 'a limited function ran but its caller did not get the result').toBe(
    ledger.limitedResolved,
  );
  // Each injected failure is reported once; otherwise the group succeeded or was cancelled.
  if (ledger.injected.length > 0) {
    expect(o.settled).toBe('rejected');
    expect(o.reason).toBeInstanceOf(ExceptionGroup);
    expect((o.reason as ExceptionGroup).errors).toEqual(ledger.injected);
  } else if (o.settled === 'rejected') {
    expect(isCancellation(o.reason), `unexpected failure: ${String(o.reason)}`).toBe(true);
  }
}

describe('stress: one cancel at every await point, conservation holds', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}`, async () => {
      const baseline = await scenario(seed, -1);
      checkConservation(baseline.outcome);
      // Without a cancel (and without an injected failure) every item reaches a consumer.
      if (baseline.outcome.ledger.injected.length === 0) expect(baseline.outcome.leftover).toEqual([]);
      expect(baseline.ticksUsed, 'the scenario is too short to stress anything').toBeGreaterThan(10);
      let cancelledRuns = 0;
      for (let k = 0; k <= baseline.ticksUsed; k++) {
        const { outcome } = await scenario(seed, k);
        try {
          checkConservation(outcome);
        } catch (err) {
          throw new Error(
            `stress failed: seed ${seed}, cancel at tick ${k} (replay with STRESS_SEED=${seed}): ${String(err)}`,
            { cause: err },
          );
        }
        if (outcome.settled === 'rejected') cancelledRuns++;
      }
      // The injected cancels did bite in some runs (a check that the stress stresses).
      expect(cancelledRuns).toBeGreaterThan(0);
    });
  }
});
