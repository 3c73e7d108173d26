/**
 * One micro case, alone in this process, through asyncbench's micro runner with the default
 * profile's budget but `timeMs` ms of samples after `warmupMs` ms of warm-up (default: the
 * profile's): how much a shorter process costs in precision (micro-budget-sd.mjs runs it).
 *
 *   <runtime> micro-budget.mjs <adapter dist dir> <scenario> <case> <timeMs>[/<warmupMs>]
 *
 * Prints one JSON line: {"opsPerSec", "ms"} (ms: this process's time from start to the figure).
 */
import { MICRO_BUDGETS, measureMicro } from '../../packages/harness/dist/index.js';
import { loadMicroOps } from './micro-op.mjs';

const [dist, scenario, caseId, timeMs] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const [op] = await loadMicroOps(dist, 'default', scenario, [caseId]);
const [time, warmup] = timeMs.split('/').map(Number);
const s = await measureMicro(op.fn, {
  ...MICRO_BUDGETS.default,
  timeMs: time,
  ...(warmup !== undefined ? { warmupMs: warmup } : {}),
});
console.log(JSON.stringify({ opsPerSec: s.opsPerSec, ms: performance.now() }));
