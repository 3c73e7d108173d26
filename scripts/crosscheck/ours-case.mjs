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

const [dist, profile, scenarioId, caseId] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const { catalogue } = await import(`file://${dist}/scenarios.js`);
const scenario = catalogue.find((s) => s.id === scenarioId);
if (!scenario) throw new Error(`no scenario ${scenarioId}`);
// Micro scenarios build their cases from params alone; they never touch the platform.
const cases = await scenario.cases(scenario.params[profile], null);
const op = cases.find((c) => c.id === caseId && c.kind === 'micro');
if (!op) throw new Error(`no micro case ${scenarioId}/${caseId}`);
const stats = await measureMicro(op.fn, MICRO_BUDGETS[profile]);
console.log(JSON.stringify({ meanNs: stats.meanNs, p50Ns: stats.p50Ns }));
