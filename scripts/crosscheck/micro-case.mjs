/**
 * The micro measurements of `npm run bench:crosscheck` and order-effect.mjs: micro cases taken
 * from the very bundle the adapter runs (packages/adapter-<runtime>/dist/scenarios.js), measured
 * one way, one after another in this process, in the order given:
 * - ours: asyncbench's micro runner (measureMicro, the profile's budget);
 * - mitata: mitata's measure() with its defaults; avg is its mean of batch samples (the two lowest
 *   and two highest dropped), per op;
 * - hand: a hand-timed loop compiled for that op alone (hand-loop.mjs).
 * Given one case, it is that case alone in a fresh process. Given several, it shows what the
 * earlier ones leave behind for the later ones. Mind that mitata builds its sampling loop with
 * `new AsyncFunction(source)` and the source is the same for every op of a kind: V8 then shares
 * one compiled loop (and its call-site feedback) across ops, which makes mitata up to 2-3x slower
 * on whichever op comes later in one process, on top of what the ops themselves leave behind.
 *
 *   <runtime> micro-case.mjs <adapter dist dir> <profile> <scenario> ours|mitata|hand <case,case,...> [after-workloads]
 *
 * after-workloads: first run the scenario's workload cases that need no setup (queue's), each in
 * rounds for ~1 s with a context that records nothing, as a run does before its micro cases.
 *
 * Prints one JSON line: {"<case>": {"meanNs", "p50Ns"?}, ...} (p50Ns: ours and mitata, the median
 * batch).
 */
import { measure } from 'mitata';
import { MICRO_BUDGETS, measureMicro } from '../../packages/harness/dist/index.js';
import { handLoop } from './hand-loop.mjs';
import { loadMicroOps } from './micro-op.mjs';

const [dist, profile, scenario, way, list, after] = globalThis.Deno ? Deno.args : process.argv.slice(2);
if (!['ours', 'mitata', 'hand'].includes(way))
  throw new Error(`unknown way "${way}" (expected ours, mitata, hand)`);
const ops = await loadMicroOps(dist, profile, scenario, list.split(','));
if (after === 'after-workloads') await runWorkloads(dist, profile, scenario);
const out = {};
for (const op of ops) {
  if (way === 'ours') {
    const s = await measureMicro(op.fn, MICRO_BUDGETS[profile]);
    out[op.id] = { meanNs: s.meanNs, p50Ns: s.p50Ns };
  } else if (way === 'mitata') {
    const s = await measure(op.fn);
    out[op.id] = { meanNs: s.avg, p50Ns: s.p50 };
  } else {
    out[op.id] = await handLoop(op.fn);
  }
}
console.log(JSON.stringify(out));

/** Runs the scenario's workload cases that need no setup, each in rounds for about a second. */
async function runWorkloads(dist, profile, scenarioId) {
  const { catalogue } = await import(`file://${dist}/scenarios.js`);
  const scenario = catalogue.find((s) => s.id === scenarioId);
  const cases = await scenario.cases(scenario.params[profile], null);
  const ctx = {
    platform: null,
    random: Math.random,
    now: () => performance.now(),
    record() {},
    time: (f) => f(),
    timeSync: (f) => f(),
  };
  for (const c of cases) {
    if (c.kind !== 'workload' || c.setup) continue;
    const end = performance.now() + 1000;
    do await c.run(ctx, undefined);
    while (performance.now() < end);
  }
}
