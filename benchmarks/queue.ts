/**
 * `queue`: producer/consumer hand-offs through core's Queue. Each item carries the time it was
 * offered, so a consumer records how long it sat between put() and get(): the queue's latency,
 * separate from its throughput. The micro cases price a single put/get pair and a Semaphore
 * acquire/release, beside a plain array.
 */
import { Queue, QueueShutDown, Semaphore } from '@asyncbench/core';
import { type Case, defineScenario, type WorkloadCase, type WorkloadContext } from '@asyncbench/harness';
import { COUNT, times } from './support.ts';

export type QueueParams = {
  /** N: items through the queue per workload case. */
  items: number;
  /** Capacity of the bounded cases. */
  maxsize: number;
};

/** Producer/consumer shapes run in both bounded and unbounded form. */
const SHAPES: readonly { producers: number; consumers: number }[] = [
  { producers: 1, consumers: 1 },
  { producers: 4, consumers: 4 },
];

/**
 * k producers put n items (stamped with ctx.now() when offered, so waiting for room in a bounded
 * queue counts as latency), m consumers take them until the queue is shut down and drained.
 */
async function pipeline(
  ctx: WorkloadContext,
  n: number,
  maxsize: number,
  k: number,
  m: number,
): Promise<void> {
  const queue = new Queue<number>(maxsize);
  const producer = async (p: number) => {
    // Producer p puts items p, p+k, p+2k, ...: n in total across producers, whatever n mod k is.
    for (let i = p; i < n; i += k) await queue.put(ctx.now());
  };
  const consumer = async () => {
    for (;;) {
      let stamp: number;
      try {
        stamp = await queue.get();
      } catch (err) {
        if (err instanceof QueueShutDown) return;
        throw err;
      }
      ctx.record(ctx.now() - stamp);
    }
  };
  const consumers = times(m, consumer);
  await Promise.all(times(k, producer));
  // Shut down gently: consumers still drain what is left, then stop.
  queue.shutdown();
  await Promise.all(consumers);
}

export function queueCases(p: QueueParams): Case[] {
  const { items: n, maxsize } = p;
  const base = { kind: 'workload', units: n, unitMs: null } as const;
  const workloads: WorkloadCase[] = [
    {
      ...base,
      id: 'put-then-get',
      label: 'put one item, then get it, one at a time (baseline)',
      mode: 'sequential',
      variant: 'loop',
      concurrency: 1,
      async run(ctx) {
        const queue = new Queue<number>();
        for (let i = 0; i < n; i++) {
          await queue.put(ctx.now());
          ctx.record(ctx.now() - (await queue.get()));
        }
      },
    },
  ];
  for (const { producers: k, consumers: m } of SHAPES) {
    for (const bounded of [true, false]) {
      workloads.push({
        ...base,
        id: `producers-${k}x${m}-${bounded ? 'bounded' : 'unbounded'}`,
        label: `${k} producer${k > 1 ? 's' : ''}, ${m} consumer${m > 1 ? 's' : ''}, ${bounded ? `maxsize ${maxsize}` : 'unbounded'}`,
        mode: 'concurrent',
        variant: 'queue',
        // Items the queue may hold at once: the room that lets producers run ahead of consumers.
        concurrency: bounded ? maxsize : n,
        run: (ctx) => pipeline(ctx, n, bounded ? maxsize : 0, k, m),
      });
    }
  }

  // Micro cases reuse one queue / semaphore: every operation leaves it as it found it.
  const queue = new Queue<number>();
  const semaphore = new Semaphore(1);
  const array: number[] = [];
  const micro: Case[] = [
    {
      kind: 'micro',
      id: 'array-push-shift',
      label: 'array push, then shift (baseline)',
      variant: 'native',
      fn: () => {
        array.push(1);
        return array.shift();
      },
    },
    {
      kind: 'micro',
      id: 'put-get-nowait',
      label: 'Queue putNowait, then getNowait',
      variant: 'sync',
      fn: () => {
        queue.putNowait(1);
        return queue.getNowait();
      },
    },
    {
      kind: 'micro',
      id: 'put-get',
      label: 'await Queue put, then await get',
      variant: 'async',
      fn: async () => {
        await queue.put(1);
        return queue.get();
      },
    },
    {
      kind: 'micro',
      id: 'semaphore-acquire-release',
      label: 'await Semaphore acquire, then release',
      variant: 'async',
      fn: async () => {
        await semaphore.acquire();
        semaphore.release();
      },
    },
  ];
  return [...workloads, ...micro];
}

export const queue = defineScenario<QueueParams>({
  id: 'queue',
  label: 'Queue: producers and consumers',
  description:
    'Items handed from k producers to m consumers through a Queue, bounded and unbounded, beside a ' +
    'put-then-get loop. Throughput is items per second; latency is how long an item waited between ' +
    'being offered and being taken. Micro cases price one put/get pair and one Semaphore acquire/release.',
  params: {
    quick: { items: 5000, maxsize: 16 },
    default: { items: 20000, maxsize: 16 },
    full: { items: 100000, maxsize: 16 },
  },
  paramRules: { items: COUNT, maxsize: COUNT },
  modes: ['sequential', 'concurrent'],
  unit: { singular: 'item', plural: 'items' },
  cases: (params) => queueCases(params),
});
