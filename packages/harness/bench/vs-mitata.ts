/**
 * Checks the micro runner against mitata: measures the same ops with measureMicro and with
 * mitata's measure() in one process and prints ours / mitata per op (mean and p50 ns per op).
 * A ratio near 1 means the batching amortises timer overhead as well as mitata does.
 *
 *   npx --no-install bun packages/harness/bench/vs-mitata.ts
 *   npx --no-install deno run -A packages/harness/bench/vs-mitata.ts
 *   npx --no-install esbuild packages/harness/bench/vs-mitata.ts --bundle --platform=node \
 *     --format=esm --conditions=source --external:bun:jsc --outfile=/tmp/vsm.mjs
 *   node --expose-gc /tmp/vsm.mjs
 *
 * Order is A B B A per op so slow drift on a busy machine hits both sides alike. Not a test:
 * it prints figures and never fails on them.
 */
import { measure } from 'mitata';
import { measureMicro } from '../src/micro.ts';
import { MICRO_BUDGETS } from '../src/profiles.ts';

const TEN = Array.from({ length: 10 }, (_, i) => Promise.resolve(i));
async function asyncOne(): Promise<number> {
  return 1;
}

const OPS: Array<{ name: string; fn: () => unknown }> = [
  { name: 'Promise.all of 10 resolved', fn: () => Promise.all(TEN) },
  {
    name: 'sync throw/catch',
    fn: () => {
      try {
        throw new Error('x');
      } catch (error) {
        return error;
      }
    },
  },
  { name: 'async function call (awaited)', fn: () => asyncOne() },
  {
    name: 'loop of 100, empty body',
    fn: () => {
      for (let i = 0; i < 100; i++) {
        // intentionally empty: the cost is the loop itself
      }
    },
  },
];

const budget = MICRO_BUDGETS.default;
const fmt = (ns: number) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(2)} ns`);
const geo = (a: number, b: number) => Math.sqrt(a * b);

console.log(`micro runner vs mitata (budget ${budget.timeMs} ms/case), ratio = ours / mitata`);
for (const op of OPS) {
  const ours1 = await measureMicro(op.fn, budget);
  const mit1 = await measure(op.fn, { gc: false });
  const mit2 = await measure(op.fn, { gc: false });
  const ours2 = await measureMicro(op.fn, budget);
  const oursMean = geo(ours1.meanNs, ours2.meanNs);
  const oursP50 = geo(ours1.p50Ns, ours2.p50Ns);
  const mitMean = geo(mit1.avg, mit2.avg);
  const mitP50 = geo(mit1.p50, mit2.p50);
  console.log(
    [
      op.name.padEnd(32),
      `ours mean ${fmt(oursMean).padStart(10)} p50 ${fmt(oursP50).padStart(10)} (batch ${ours1.batch}/${ours2.batch}, rme ${ours1.rme.toFixed(1)}%)`,
      `mitata mean ${fmt(mitMean).padStart(10)} p50 ${fmt(mitP50).padStart(10)}`,
      `ratio mean ${(oursMean / mitMean).toFixed(3)} p50 ${(oursP50 / mitP50).toFixed(3)}`,
    ].join(' | '),
  );
}
