/// <reference path="./deno.d.ts" />
import { describeMainBundle } from '@asyncbench/harness/testing';
import { inject } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const main = new URL('../dist/main.js', import.meta.url).pathname;

describeMainBundle({
  runtime: 'deno',
  version: Deno.version.deno,
  bundleError: () => inject('bundleError'),
  elsewhere: '/',
  /** As the CLI does: `deno run -A --v8-flags=--expose-gc <main> ARGS`. */
  async run(args, cwd = root) {
    const output = await new Deno.Command(Deno.execPath(), {
      args: ['run', '-A', '--v8-flags=--expose-gc', main, ...args],
      cwd,
      stdout: 'piped',
      stderr: 'piped',
      // A crashed run that hangs instead of exiting fails here, well before the fault's 10 minutes.
      signal: AbortSignal.timeout(45_000),
    }).output();
    const decoder = new TextDecoder();
    return {
      code: output.code,
      stdout: decoder.decode(output.stdout),
      stderr: decoder.decode(output.stderr),
    };
  },
});
