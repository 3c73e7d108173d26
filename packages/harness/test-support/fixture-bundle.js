// A stand-in for a user bundle (test-only): exports what dist/scenarios.js exports, and its runMain
// only reports what it was given, so a test sees that the adapter loaded this module, with its own
// platform and the arguments left after --bundle.
export const catalogue = [];
export async function runMain(platform, scenarios, argv, write) {
  write(JSON.stringify({ type: 'fixture', runtime: platform.runtime, scenarios: scenarios.length, argv }));
  return 0;
}
