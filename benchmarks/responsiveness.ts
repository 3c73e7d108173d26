/**
 * `responsiveness`: what blocking costs the user. While the work runs, input events arrive at a
 * steady rate from outside the measured thread (a worker's messages; real keyboard and mouse
 * events in a browser), and each one's input delay is how long it waited for the thread. A thread
 * that blocks, in a sleep or in one long computation, handles no input until it is done; one that
 * awaits, or chops its computation into slices and yields between them, answers within a slice.
 * Yielding costs the work some throughput (each yield is a trip through the event loop); the
 * figures show both sides. How to yield is the platform's (Platform.yielders, detected by feature).
 */
import { gather, limit, sleep } from '@asyncbench/core';
import { defineScenario, type Platform, type WorkloadCase, type WorkloadContext } from '@asyncbench/harness';
import { times } from './support.ts';

export type ResponsivenessParams = {
  /** One input event every intervalMs. */
  intervalMs: number;
  /** I/O-shaped cases: N sleeps... */
  sleeps: number;
  /** ...of d ms each. */
  sleepMs: number;
  /** c: sleeps in flight at once in the concurrent case. */
  concurrency: number;
  /** CPU cases: units of computation, one slice each. */
  cpuUnits: number;
  /** Iterations of the xorshift loop in one unit (about a millisecond on V8 and JSC here). */
  unitIterations: number;
};

/**
 * One unit of CPU work: `iterations` steps of xorshift32 (Marsaglia 2003) from `seed`, folded into a
 * checksum. Integer-only and data-dependent, so no runtime can skip or hoist it, and the checksum
 * the case returns proves every runtime did the same work.
 */
export function cpuUnit(seed: number, iterations: number): number {
  let x = seed | 0 || 1;
  let sum = 0;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    sum = (sum + (x & 0xff)) | 0;
  }
  return sum;
}

/** A case id from a yielder's name: `setTimeout(0)` -> `settimeout-0`, `scheduler.yield()` -> `scheduler-yield`. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The CPU job, n units one after another, each timed; `between` runs after every unit (a yield, or
 * nothing). Returns the checksum of all units, which the case compares with the blocking run's.
 */
async function cpuJob(
  ctx: WorkloadContext,
  p: ResponsivenessParams,
  between?: () => Promise<void>,
): Promise<number> {
  let checksum = 0;
  for (let i = 1; i <= p.cpuUnits; i++) {
    checksum = (checksum + ctx.timeSync(() => cpuUnit(i, p.unitIterations))) | 0;
    if (between) await between();
  }
  return checksum;
}

export function responsivenessCases(p: ResponsivenessParams, platform: Platform): WorkloadCase[] {
  const { sleeps: n, sleepMs: d, concurrency: c } = p;
  const input = { intervalMs: p.intervalMs } as const;
  const io = { kind: 'workload', units: n, unitMs: d, input } as const;
  const cpu = { kind: 'workload', units: p.cpuUnits, unitMs: null, concurrency: 1, input } as const;
  // Every CPU case must compute the same checksum as the first: the same work, none of it skipped.
  let reference: number | undefined;
  const check = (id: string, checksum: number) => {
    reference ??= checksum;
    if (checksum !== reference) {
      throw new Error(`responsiveness: ${id} computed checksum ${checksum}, the first CPU case ${reference}`);
    }
  };
  const yielding = Object.entries(platform.yielders ?? {}).map(([name, yieldNow]): WorkloadCase => {
    const id = `cpu-yield-${slug(name)}`;
    return {
      ...cpu,
      id,
      label: `CPU job in slices, await ${name} between them`,
      mode: 'sequential',
      variant: name,
      run: async (ctx) => check(id, await cpuJob(ctx, p, yieldNow)),
    };
  });
  return [
    {
      ...io,
      id: 'sleep-blocking',
      label: 'blocking sleep in a loop (time.sleep)',
      mode: 'blocking',
      variant: 'loop',
      concurrency: 1,
      async run(ctx) {
        for (let i = 0; i < n; i++) ctx.timeSync(() => ctx.platform.blockingSleep(d));
      },
    },
    {
      ...io,
      id: 'sleep-sequential',
      label: 'await sleep() in a loop',
      mode: 'sequential',
      variant: 'loop',
      concurrency: 1,
      async run(ctx) {
        for (let i = 0; i < n; i++) await ctx.time(() => sleep(d));
      },
    },
    {
      ...io,
      id: 'sleep-concurrent',
      label: `all sleeps through limit(${c})`,
      mode: 'concurrent',
      variant: 'limit',
      concurrency: c,
      async run(ctx) {
        const run = limit(c);
        await gather(times(n, () => run(() => ctx.time(() => sleep(d)))));
      },
    },
    {
      ...cpu,
      id: 'cpu-blocking',
      label: 'CPU job in one block',
      mode: 'blocking',
      variant: 'one block',
      run: async (ctx) => check('cpu-blocking', await cpuJob(ctx, p)),
    },
    ...yielding,
  ];
}

export const responsiveness = defineScenario<ResponsivenessParams>({
  id: 'responsiveness',
  label: 'Responsiveness: input delay while work runs',
  description:
    'Input events arrive every few ms from outside the thread while it works; each one’s input delay ' +
    'is how long it waited. Blocking sleeps, or a CPU job done in one block, hold every event until ' +
    'the end; awaited sleeps, and the same job cut into slices that yield (setTimeout(0), ' +
    'setImmediate, MessageChannel, scheduler.yield() where the runtime has them), answer within a ' +
    'slice, at some cost in the work’s throughput. A work unit is one sleep or one ~1 ms slice of the CPU job.',
  params: {
    quick: { intervalMs: 5, sleeps: 20, sleepMs: 10, concurrency: 2, cpuUnits: 150, unitIterations: 600_000 },
    default: {
      intervalMs: 5,
      sleeps: 40,
      sleepMs: 10,
      concurrency: 4,
      cpuUnits: 300,
      unitIterations: 600_000,
    },
    full: { intervalMs: 5, sleeps: 80, sleepMs: 10, concurrency: 4, cpuUnits: 600, unitIterations: 600_000 },
  },
  modes: ['blocking', 'sequential', 'concurrent'],
  unit: { singular: 'work unit', plural: 'work units' },
  requires: ['input-events'],
  cases: (params, platform) => responsivenessCases(params, platform),
});
