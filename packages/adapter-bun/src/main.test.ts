import { tmpdir } from 'node:os';
import { describe, expect, inject, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const main = new URL('../dist/main.js', import.meta.url).pathname;

/** Runs dist/main.js the way the CLI does: `bun packages/adapter-bun/dist/main.js ARGS`. */
function run(args: string[], cwd = root) {
  const result = Bun.spawnSync({
    cmd: [process.execPath, main, ...args],
    cwd,
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const lines = result.stdout
    .toString()
    .split('\n')
    .filter((line) => line !== '');
  return {
    code: result.exitCode,
    stderr: result.stderr.toString(),
    lines: lines.map((line) => JSON.parse(line)),
  };
}

describe('dist/main.js on bun', () => {
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
    expect(lines[0]).toMatchObject({ type: 'hello', runtime: 'bun', version: Bun.version });
    expect(lines.filter((line) => line.type === 'scenario-error')).toEqual([]);
    expect(lines.filter((line) => line.type === 'done').map((line) => line.scenario)).toEqual([
      'timers',
      'http',
      'files',
    ]);
    const modes = new Set(lines.filter((line) => line.type === 'result').map((line) => line.result.mode));
    expect(modes).toEqual(new Set(['blocking', 'sequential', 'concurrent']));
  });

  it('ends with a non-zero code when a scenario crashes the process or throws', () => {
    const crash = run(['--scenarios', 'fault-crash', '--profile', 'quick']);
    expect(crash.code).not.toBe(0);
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
