/** Entry point (bundled to dist/main.js): runs the requested scenarios, prints JSON lines. */
import { Readable } from 'node:stream';
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
  stdin: () => Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>,
  exit: () => process.exit(PARENT_GONE_EXIT_CODE),
});
// The catalogue (./scenarios.js), or the bundle of users' files the CLI names with --bundle.
const { module, rest } = takeBundleArg(process.argv.slice(2));
const { runMain, catalogue } = (await import(module)) as ScenarioModule;
const code = await runMain(platform, catalogue, rest, (line) => {
  process.stdout.write(`${line}\n`);
});
// Stop reading stdin, or the open pipe would keep the process alive.
parent.stop();
// exitCode, not process.exit(): exit() could cut off stdout still queued for a slow pipe reader.
process.exitCode = code;
