import { tmpdir } from 'node:os';
import { describeMainBundle } from '@asyncbench/harness/testing';
import { inject } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const main = new URL('../dist/main.js', import.meta.url).pathname;

describeMainBundle({
  runtime: 'bun',
  version: Bun.version,
  bundleError: () => inject('bundleError'),
  elsewhere: tmpdir(),
  /** As the CLI does: `bun packages/adapter-bun/dist/main.js ARGS`. */
  run(args, cwd = root) {
    const result = Bun.spawnSync({
      cmd: [process.execPath, main, ...args],
      cwd,
      stdout: 'pipe',
      stderr: 'pipe',
    });
    return { code: result.exitCode, stdout: result.stdout.toString(), stderr: result.stderr.toString() };
  },
});
