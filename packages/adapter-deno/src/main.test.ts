/// <reference path="./deno.d.ts" />
import { describe, expect, inject, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const main = new URL('../dist/main.js', import.meta.url).pathname;

/** Runs dist/main.js the way the CLI does: `deno run -A --v8-flags=--expose-gc <main> ARGS`. */
async function run(args: string[], cwd = root) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ['run', '-A', '--v8-flags=--expose-gc', main, ...args],
    cwd,
    stdout: 'piped',
    stderr: 'piped',
    // A crashed run that hangs instead of exiting fails here, well before the fault's 10 minutes.
    signal: AbortSignal.timeout(45_000),
  }).output();
  const lines = new TextDecoder()
    .decode(output.stdout)
    .split('\n')
    .filter((line) => line !== '');
  return {
    code: output.code,
    stderr: new TextDecoder().decode(output.stderr),
    lines: lines.map((line) => JSON.parse(line)),
  };
}

describe('dist/main.js on deno', () => {
  it('was bundled', () => {
    expect(inject('bundleError')).toBeNull();
  });

  it('--list prints the catalogue as JSON lines, from the repo root (package.json and all)', async () => {
    const { code, lines, stderr } = await run(['--list']);
    expect(code, stderr).toBe(0);
    expect(lines.map((line) => line.id)).toEqual(expect.arrayContaining(['timers', 'http', 'files']));
  });

  it('runs quick scenarios (timers, http, files) from another directory, exit code 0', async () => {
    const args = ['--scenarios', 'timers,http,files', '--profile', 'quick', '--seed', '1'];
    const { code, lines, stderr } = await run(args, '/');
    expect(code, stderr).toBe(0);
    expect(lines[0]).toMatchObject({ type: 'hello', runtime: 'deno', version: Deno.version.deno });
    expect(lines.filter((line) => line.type === 'scenario-error')).toEqual([]);
    expect(lines.filter((line) => line.type === 'done').map((line) => line.scenario)).toEqual([
      'timers',
      'http',
      'files',
    ]);
    const modes = new Set(lines.filter((line) => line.type === 'result').map((line) => line.result.mode));
    expect(modes).toEqual(new Set(['blocking', 'sequential', 'concurrent']));
  });

  it('ends with a non-zero code when a scenario crashes the process or throws', async () => {
    const crash = await run(['--scenarios', 'fault-crash', '--profile', 'quick']);
    expect(crash.code).not.toBe(0);
    const thrown = await run(['--scenarios', 'fault-throw', '--profile', 'quick']);
    expect(thrown.code).toBe(1);
    expect(thrown.lines.at(-1)).toMatchObject({ type: 'scenario-error', scenario: 'fault-throw' });
  });

  it('answers a bad request with exit code 2', async () => {
    const { code, lines } = await run(['--no-such-flag']);
    expect(code).toBe(2);
    expect(lines.at(-1)).toMatchObject({ type: 'fatal' });
  });
});
