import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describeMainBundle } from '@asyncbench/harness/testing';
import { expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describeMainBundle({
  runtime: 'node',
  version: process.versions.node,
  bundleError: () => inject('bundleError'),
  elsewhere: tmpdir(),
  /** As the CLI does: `node --expose-gc packages/adapter-node/dist/main.js ARGS`. */
  run(args, cwd = root) {
    const result = spawnSync(process.execPath, ['--expose-gc', main, ...args], {
      cwd,
      encoding: 'utf8',
      // A crashed run that hangs instead of exiting fails here, well before the fault's 10 minutes.
      timeout: 45_000,
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  },
});

it('dist/main.js shares byte-identical scenario code with the deno, bun and chromium bundles', () => {
  const script = fileURLToPath(new URL('../../../scripts/bundle-adapter.mjs', import.meta.url));
  const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout).toMatch(/^identical scenario code in node, deno, bun, chromium: \d+ modules/);
});
