/**
 * `timers`: the purest picture of what concurrency buys. Every unit waits d ms and does nothing
 * else, so the ideal wall time is known exactly: N*d one after another, d when all wait together,
 * d*ceil(N/c) when at most c wait at once. Every case runs the same N units of the same d.
 */
import { createTask, gather, limit, Queue, Semaphore, sleep, TaskGroup } from '@asyncbench/core';
import { defineScenario, type WorkloadCase, type WorkloadContext } from '@asyncbench/harness';
import { COUNT, MILLISECONDS, times } from './support.ts';

export type TimersParams = {
  /** N: units per case. */
  units: number;
  /** d: how long each unit waits, ms. */
  unitMs: number;
  /** c: the bound of the limited cases (semaphore, limit, queue workers); c < N. */
  concurrency: number;
};

/** One unit: an awaited timer, timed. Tasks pass their signal so a cancelled task clears its timer. */
function unit(ctx: WorkloadContext, d: number, signal?: AbortSignal): Promise<void> {
  return ctx.time(() => sleep(d, { signal }));
}

/** The fields every timers case shares; each case adds id, label, mode, variant, concurrency, run. */
function base(p: TimersParams) {
  return { kind: 'workload', units: p.units, unitMs: p.unitMs } as const;
}

export function timersCases(p: TimersParams): WorkloadCase[] {
  const { units: n, unitMs: d, concurrency: c } = p;
  return [
    {
      ...base(p),
      id: 'sleep-blocking',
      label: 'blocking sleep in a loop (time.sleep)',
      mode: 'blocking',
      variant: 'loop',
      concurrency: 1,
      async run(ctx) {
        // The thread itself stops: nothing else on this runtime could run meanwhile.
        for (let i = 0; i < n; i++) ctx.timeSync(() => ctx.platform.blockingSleep(d));
      },
    },
    {
      ...base(p),
      id: 'sleep-sequential',
      label: 'await sleep() in a loop',
      mode: 'sequential',
      variant: 'loop',
      concurrency: 1,
      async run(ctx) {
        // The thread is free while waiting, but each unit only starts when the previous one ends:
        // `await` alone is not concurrency, so this takes as long as the blocking loop.
        for (let i = 0; i < n; i++) await unit(ctx, d);
      },
    },
    {
      ...base(p),
      id: 'sleep-gather',
      label: 'gather() of all sleeps',
      mode: 'concurrent',
      variant: 'gather',
      concurrency: n,
      async run(ctx) {
        await gather(times(n, () => unit(ctx, d)));
      },
    },
    {
      ...base(p),
      id: 'sleep-create-task',
      label: 'createTask() each sleep, then await each task',
      mode: 'concurrent',
      variant: 'createTask',
      concurrency: n,
      async run(ctx) {
        // Spawning starts every unit before the first await, so awaiting them in order costs
        // nothing extra: by the time the first finishes, the others are nearly done too.
        const tasks = times(n, () => createTask((signal) => unit(ctx, d, signal)));
        for (const task of tasks) await task;
      },
    },
    {
      ...base(p),
      id: 'sleep-task-group',
      label: 'TaskGroup with one child per sleep',
      mode: 'concurrent',
      variant: 'taskgroup',
      concurrency: n,
      async run(ctx) {
        await TaskGroup.run((group) => {
          for (let i = 0; i < n; i++) group.createTask((signal) => unit(ctx, d, signal));
        });
      },
    },
    {
      ...base(p),
      id: 'sleep-semaphore',
      label: `all sleeps started, a Semaphore(${c}) lets ${c} wait at once`,
      mode: 'concurrent',
      variant: 'semaphore',
      concurrency: c,
      async run(ctx) {
        // Latency is timed inside the permit: it is the unit's own wait; queueing for a permit
        // shows in wall time, which is what d*ceil(N/c) predicts.
        const semaphore = new Semaphore(c);
        await gather(times(n, () => semaphore.use(() => unit(ctx, d))));
      },
    },
    {
      ...base(p),
      id: 'sleep-limit',
      label: `all sleeps through limit(${c})`,
      mode: 'concurrent',
      variant: 'limit',
      concurrency: c,
      async run(ctx) {
        const run = limit(c);
        await gather(times(n, () => run(() => unit(ctx, d))));
      },
    },
    {
      ...base(p),
      id: 'sleep-queue-workers',
      label: `${c} workers taking sleeps from a Queue`,
      mode: 'concurrent',
      variant: 'queue',
      concurrency: c,
      async run(ctx) {
        // The asyncio worker-pool idiom: fill the queue, shut it down (workers still drain it),
        // and let c workers loop until it is empty.
        const queue = new Queue<number>();
        for (let i = 0; i < n; i++) queue.putNowait(i);
        queue.shutdown();
        const worker = async () => {
          for await (const _ of queue) await unit(ctx, d);
        };
        await gather(times(c, worker));
      },
    },
  ];
}

export const timers = defineScenario<TimersParams>({
  id: 'timers',
  label: 'Timers: blocking, awaited, concurrent',
  description:
    'N units that each wait d ms. Blocking and awaiting one after another both take N*d: await frees ' +
    'the thread but does not overlap the waits. gather, createTask and TaskGroup start all N at once ' +
    'and finish in about d; a Semaphore, limit() or c queue workers allow c at a time: d*ceil(N/c).',
  params: {
    // N*d near the profile's timed duration (0.2 / 0.5 / 1.5 s): a blocking or sequential round
    // then runs once after one warm-up round instead of the runner repeating a long round.
    quick: { units: 40, unitMs: 5, concurrency: 8 },
    default: { units: 50, unitMs: 10, concurrency: 10 },
    full: { units: 150, unitMs: 10, concurrency: 20 },
  },
  paramRules: { units: COUNT, unitMs: MILLISECONDS, concurrency: COUNT },
  modes: ['blocking', 'sequential', 'concurrent'],
  unit: { singular: 'timer wait', plural: 'timer waits' },
  cases: (params) => timersCases(params),
});
