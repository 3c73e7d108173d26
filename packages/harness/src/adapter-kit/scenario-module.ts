/**
 * Which scenario code an adapter runs: its own dist/scenarios.js (the catalogue), or a bundle of
 * users' benchmark files that the CLI built for this run (`--bundle <file URL>`, first on the
 * command line). Either module exports the same two names, so every runtime runs the same code in
 * the same way: one file, loaded as it is, by each runtime.
 */
import type { runMain } from '../main.ts';
import type { Scenario } from '../scenario.ts';

/** What dist/scenarios.js and a user bundle export. */
export interface ScenarioModule {
  runMain: typeof runMain;
  catalogue: readonly Scenario[];
}

/** The catalogue's module, beside the adapter's main.js. */
export const CATALOGUE_MODULE = './scenarios.js';

/**
 * Splits `--bundle <url>` (or `--bundle=<url>`) off an adapter's arguments: the module to import
 * (CATALOGUE_MODULE without it) and the rest, for runMain. A `--bundle` without a value is left in
 * `rest`, where runMain refuses it as an unknown argument.
 */
export function takeBundleArg(argv: readonly string[]): { module: string; rest: string[] } {
  const [first, second] = argv;
  if (first === '--bundle' && second !== undefined) return { module: second, rest: argv.slice(2) };
  if (first?.startsWith('--bundle=') && first.length > '--bundle='.length) {
    return { module: first.slice('--bundle='.length), rest: argv.slice(1) };
  }
  return { module: CATALOGUE_MODULE, rest: [...argv] };
}
