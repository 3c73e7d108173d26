/** Entry point (bundled to dist/main.js): runs the requested scenarios, prints JSON lines. */
import { catalogue } from '@asyncbench/benchmarks';
import { runMain } from '@asyncbench/harness';
import { platform } from './platform.ts';

const code = await runMain(platform, catalogue, Bun.argv.slice(2), (line) => {
  process.stdout.write(`${line}\n`);
});
// exitCode, not process.exit(): exit() could cut off stdout still queued for a slow pipe reader.
process.exitCode = code;
