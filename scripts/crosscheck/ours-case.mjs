/**
 * A diagnostic for `npm run bench:crosscheck`: one asyncbench micro case measured by asyncbench's own
 * micro runner (measureMicro, the profile's budget) in a fresh process, as mitata-case.mjs measures
 * it, instead of after the scenario's earlier cases as a run does. Where this agrees with mitata
 * and the run does not, the difference is what the earlier cases left behind in the process (type
 * feedback of shared helpers, compiled code), not the runner.
 *
 *   <runtime> ours-case.mjs <adapter dist dir> <profile> <scenario> <case>
 *
 * Prints one JSON line: {"meanNs", "p50Ns"}.
 */
import { MICRO_BUDGETS, measureMicro } from '../../packages/harness/dist/index.js';
import { loadMicroOp } from './micro-op.mjs';

const { profile, op } = await loadMicroOp();
const stats = await measureMicro(op.fn, MICRO_BUDGETS[profile]);
console.log(JSON.stringify({ meanNs: stats.meanNs, p50Ns: stats.p50Ns }));
