/** Entry point (bundled to dist/main.js): runs the requested scenarios, prints JSON lines. */
import { catalogue } from '@asyncbench/benchmarks';
import { runMain } from '@asyncbench/harness';
import { platform } from './platform.ts';

// No top-level await: while the entry module is still evaluating, Bun 1.4 only prints an uncaught
// error from a timer and keeps running, so a crashing scenario would hang instead of exiting with 1.
void runMain(platform, catalogue, Bun.argv.slice(2), (line) => {
  process.stdout.write(`${line}\n`);
}).then((code) => {
  // exitCode, not process.exit(): exit() could cut off stdout still queued for a slow pipe reader.
  process.exitCode = code;
});
