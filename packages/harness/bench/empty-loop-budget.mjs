/**
 * How short the per-process empty-loop measurement (micro.ts emptyLoopNs) can be: measures the
 * empty op `() => {}` through the micro runner with a given sampling and warm-up time, in this
 * (fresh) process, and prints {"emptyLoopNs", "ms"} (ms: wall time the measurement took).
 *
 *   <runtime> empty-loop-budget.mjs <timeMs> <warmupMs>
 *
 * e.g. for r in 1 2 3 4 5; do node packages/harness/bench/empty-loop-budget.mjs 100 50; node
 * packages/harness/bench/empty-loop-budget.mjs 25 15; done (after `npm run build`).
 */
import { measureMicro } from '../dist/index.js';

const [timeMs, warmupMs] = (globalThis.Deno ? Deno.args : process.argv.slice(2)).map(Number);
const t0 = performance.now();
// emptyLoopNs is measured first, once, with min(timeMs, cap) and min(warmupMs, cap).
const s = await measureMicro(() => {}, { timeMs, warmupMs, minSamples: 10, batchTargetMs: 0.1 });
console.log(JSON.stringify({ emptyLoopNs: s.emptyLoopNs, opNs: s.meanNs, ms: performance.now() - t0 }));
