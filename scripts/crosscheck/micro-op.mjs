/**
 * What the crosscheck's micro scripts share: the micro cases they name, taken from the very bundle
 * the adapter runs (<dist>/scenarios.js), built with the profile's parameters.
 */

/**
 * The micro cases `caseIds` of scenario `scenarioId` in `<dist>/scenarios.js`, in the order given
 * ({ id, kind: 'micro', fn } each); throws naming what is missing.
 */
export async function loadMicroOps(dist, profile, scenarioId, caseIds) {
  const { catalogue } = await import(`file://${dist}/scenarios.js`);
  const scenario = catalogue.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  // Micro scenarios build their cases from params alone; they never touch the platform.
  const cases = await scenario.cases(scenario.params[profile], null);
  return caseIds.map((caseId) => {
    const op = cases.find((c) => c.id === caseId && c.kind === 'micro');
    if (!op) throw new Error(`no micro case ${scenarioId}/${caseId}`);
    return op;
  });
}
