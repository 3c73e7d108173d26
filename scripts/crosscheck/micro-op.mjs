/**
 * What mitata-case.mjs and ours-case.mjs share: the command line
 * `<adapter dist dir> <profile> <scenario> <case>` (Deno.args on Deno, argv elsewhere) and the
 * micro case it names, taken from the very bundle the adapter runs (<dist>/scenarios.js).
 * Returns { profile, op } with op the case ({ id, kind: 'micro', fn }); throws naming what is missing.
 */
export async function loadMicroOp() {
  const [dist, profile, scenarioId, caseId] = globalThis.Deno ? Deno.args : process.argv.slice(2);
  const { catalogue } = await import(`file://${dist}/scenarios.js`);
  const scenario = catalogue.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  // Micro scenarios build their cases from params alone; they never touch the platform.
  const cases = await scenario.cases(scenario.params[profile], null);
  const op = cases.find((c) => c.id === caseId && c.kind === 'micro');
  if (!op) throw new Error(`no micro case ${scenarioId}/${caseId}`);
  return { profile, op };
}
