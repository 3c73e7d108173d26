/** Entry point (bundled to dist/main.js): runs the requested scenarios, prints JSON lines. */
import {
  exitWhenParentGone,
  PARENT_GONE_EXIT_CODE,
  PARENT_PIPE_ENV,
  type ScenarioModule,
  takeBundleArg,
} from '@asyncbench/harness/adapter-kit';
import { platform } from './platform.ts';

const parent = exitWhenParentGone({
  enabled: process.env[PARENT_PIPE_ENV] === '1',
  stdin: () => Bun.stdin.stream(),
  exit: () => process.exit(PARENT_GONE_EXIT_CODE),
});
// No top-level await: while the entry module is still evaluating, Bun 1.4 only prints an uncaught
// error from a timer and keeps running, so a crashing scenario would hang instead of exiting with 1.
// The catalogue (./scenarios.js), or the bundle of users' files the CLI names with --bundle.
const { module, rest } = takeBundleArg(Bun.argv.slice(2));
void (import(module) as Promise<ScenarioModule>)
  .then(({ runMain, catalogue }) =>
    runMain(platform, catalogue, rest, (line) => {
      process.stdout.write(`${line}\n`);
    }),
  )
  .then((code) => {
    // Stop reading stdin, or the open pipe would keep the process alive.
    parent.stop();
    // exitCode, not process.exit(): exit() could cut off stdout still queued for a slow pipe reader.
    process.exitCode = code;
  });
