/// <reference path="./deno.d.ts" />
/** Entry point (bundled to dist/main.js): runs the requested scenarios, prints JSON lines. */
import {
  exitWhenParentGone,
  PARENT_GONE_EXIT_CODE,
  PARENT_PIPE_ENV,
  type ScenarioModule,
  takeBundleArg,
} from '@asyncbench/harness/adapter-kit';
import { platform } from './platform.ts';

const encoder = new TextEncoder();

/** writeSync may write only part of the bytes to a pipe: loop until all are out. */
function writeLine(line: string): void {
  let bytes = encoder.encode(`${line}\n`);
  while (bytes.length > 0) bytes = bytes.subarray(Deno.stdout.writeSync(bytes));
}

const parent = exitWhenParentGone({
  enabled: Deno.env.get(PARENT_PIPE_ENV) === '1',
  stdin: () => Deno.stdin.readable,
  exit: () => Deno.exit(PARENT_GONE_EXIT_CODE),
});
// The catalogue (./scenarios.js), or the bundle of users' files the CLI names with --bundle.
const { module, rest } = takeBundleArg(Deno.args);
const { runMain, catalogue } = (await import(module)) as ScenarioModule;
const code = await runMain(platform, catalogue, rest, writeLine);
parent.stop();
// Every line is written synchronously by now; exit also stops any worker a scenario left running.
Deno.exit(code);
