import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Runs dist/main.js the way the CLI does: `node --expose-gc packages/adapter-node/dist/main.js ARGS`. */
function run(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, ['--expose-gc', main, ...args], {
    cwd,
    encoding: 'utf8',
    // A crashed run that hangs instead of exiting fails here, well before the fault's 10 minutes.
    timeout: 45_000,
  });
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  return { code: result.status, stderr: result.stderr, lines: lines.map((line) => JSON.parse(line)) };
}

describe('dist/main.js on node', () => {
  it('was bundled', () => {
    expect(inject('bundleError')).toBeNull();
  });

  it('--list prints the catalogue as JSON lines', () => {
    const { code, lines, stderr } = run(['--list']);
    expect(code, stderr).toBe(0);
    expect(lines.map((line) => line.id)).toEqual(expect.arrayContaining(['timers', 'http', 'files']));
  });

  it('runs quick scenarios (timers, http, files) and exits by itself with code 0', () => {
    const args = ['--scenarios', 'timers,http,files', '--profile', 'quick', '--seed', '1'];
    const { code, lines, stderr } = run(args, tmpdir());
    expect(code, stderr).toBe(0);
    expect(lines[0]).toMatchObject({ type: 'hello', runtime: 'node', version: process.versions.node });
    expect(lines.filter((line) => line.type === 'scenario-error')).toEqual([]);
    expect(lines.filter((line) => line.type === 'done').map((line) => line.scenario)).toEqual([
      'timers',
      'http',
      'files',
    ]);
    const modes = new Set(lines.filter((line) => line.type === 'result').map((line) => line.result.mode));
    expect(modes).toEqual(new Set(['blocking', 'sequential', 'concurrent']));
  });

  it('shares byte-identical scenario code with the deno and bun bundles', () => {
    const script = fileURLToPath(new URL('../../../scripts/bundle-adapter.mjs', import.meta.url));
    const check = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^identical scenario code in node, deno, bun: \d+ modules/);
  });

  it('ends with a non-zero code when a scenario crashes the process or throws', () => {
    const crash = run(['--scenarios', 'fault-crash', '--profile', 'quick']);
    expect(crash.code).not.toBe(0);
    expect(crash.code).not.toBeNull();
    const thrown = run(['--scenarios', 'fault-throw', '--profile', 'quick']);
    expect(thrown.code).toBe(1);
    expect(thrown.lines.at(-1)).toMatchObject({ type: 'scenario-error', scenario: 'fault-throw' });
  });

  it('answers a bad request with exit code 2', () => {
    const { code, lines } = run(['--no-such-flag']);
    expect(code).toBe(2);
    expect(lines.at(-1)).toMatchObject({ type: 'fatal' });
  });
});
