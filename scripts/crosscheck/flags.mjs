/**
 * Command-line flags for the crosscheck scripts: node:util parseArgs, with bad input answered
 * the way the CLI answers it (one line naming the script and the usage, exit 2, no stack trace).
 */
import { parseArgs } from 'node:util';

/** The parsed `values` of `options` from this process's arguments; exits 2 on a bad flag. */
export function parseFlags(script, options, synopsis, extra = {}) {
  const args = globalThis.Deno ? Deno.args : process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`usage: ${script} ${synopsis}`);
    process.exit(0);
  }
  try {
    return parseArgs({ args, options, ...extra }).values;
  } catch (err) {
    console.error(`${script}: ${err instanceof Error ? err.message : String(err)} (usage: ${synopsis})`);
    process.exit(2);
  }
}
