import { describe, expect, it } from 'vitest';
import { parseCli } from './args.ts';
import { UsageError } from './errors.ts';

function usage(argv: string[]): string {
  try {
    parseCli(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCli', () => {
  it('defaults for run', () => {
    expect(parseCli(['run'])).toEqual({
      command: 'run',
      runtimes: null,
      scenarios: null,
      profile: 'default',
      repeats: null,
      seed: 1,
      out: null,
      json: false,
      runtimeFlags: [],
      timeoutMs: null,
      pgUrl: null,
      report: true,
      pin: null,
    });
  });

  it('reads every run flag', () => {
    const a = parseCli([
      'run',
      '--runtimes',
      'node, deno-canary',
      '--scenarios=tasks,queue,tasks',
      '--profile',
      'quick',
      '--repeats',
      '2',
      '--seed',
      '0',
      '--out',
      '/tmp/x',
      '--json',
      '--runtime',
      'deno-canary=/opt/deno',
      '--runtime',
      'bun=./bun',
      '--timeout-ms',
      '3000',
      '--pg-url',
      'postgres://u:p@h/db',
      '--no-report',
      '--pin',
      '0-1',
    ]);
    expect(a).toMatchObject({
      runtimes: ['node', 'deno-canary'],
      scenarios: ['tasks', 'queue'],
      profile: 'quick',
      repeats: 2,
      seed: 0,
      out: '/tmp/x',
      json: true,
      runtimeFlags: [
        { name: 'deno-canary', path: '/opt/deno' },
        { name: 'bun', path: './bun' },
      ],
      timeoutMs: 3000,
      pgUrl: 'postgres://u:p@h/db',
      report: false,
      pin: '0-1',
    });
  });

  it('names the valid choices in one line', () => {
    expect(usage(['run', '--profile', 'fast'])).toBe(
      'unknown profile "fast" (choose quick, default or full)',
    );
    expect(usage(['frob'])).toBe('unknown command "frob" (choose run, report, list, doctor or compare)');
    expect(usage(['run', '--runtimes', 'node,java'])).toMatch(
      /^unknown runtime "java" \(choose node, deno or bun/,
    );
    expect(usage(['run', '--bogus'])).toMatch(
      /^unknown flag "--bogus" for run \(choose --runtimes, .*--no-report or --pin\)$/,
    );
    expect(usage(['list', '--profile', 'quick'])).toBe('unknown flag "--profile" for list (choose --json)');
    expect(usage(['run', '--seed'])).toBe('flag --seed needs a value');
    expect(usage(['run', 'extra'])).toMatch(/^unexpected argument "extra" for run/);
    expect(usage(['compare', 'a.json'])).toMatch(/^compare needs exactly two results files/);
    expect(usage(['run', '--runtime', 'deno'])).toMatch(/^bad --runtime "deno" \(write name=\/path/);
    expect(usage(['run', '--scenarios', ','])).toMatch(/--scenarios needs at least one name/);
  });

  it('rejects a --pin that is not a CPU list', () => {
    expect(usage(['run', '--pin', '1;rm'])).toMatch(/^invalid --pin "1;rm" \(a CPU list/);
  });

  it('rejects bad numbers', () => {
    for (const bad of ['1.5', '-1', '0', 'ten', '', '1e3', '0x10']) {
      expect(usage(['run', `--repeats=${bad}`])).toMatch(
        /^bad number for --repeats: ".*" \(choose a whole number from 1 to 1000\)$/,
      );
    }
    expect(usage(['run', '--timeout-ms', '5'])).toMatch(/from 100 to/);
  });

  it('accepts a runtime label defined with --runtime', () => {
    const a = parseCli(['run', '--runtimes', 'canary', '--runtime', 'canary=/x/deno']);
    expect(a).toMatchObject({ runtimes: ['canary'] });
  });

  it('help and version', () => {
    expect(parseCli([])).toEqual({ command: 'help', topic: null });
    expect(parseCli(['--help'])).toEqual({ command: 'help', topic: null });
    expect(parseCli(['run', '--help'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseCli(['help', 'compare'])).toEqual({ command: 'help', topic: 'compare' });
    expect(parseCli(['--version'])).toEqual({ command: 'version' });
  });

  it('report, list, doctor, compare', () => {
    expect(parseCli(['report', 'a.json', 'b.json', '--out', 'r.html'])).toEqual({
      command: 'report',
      files: ['a.json', 'b.json'],
      out: 'r.html',
    });
    expect(parseCli(['list', '--json'])).toEqual({ command: 'list', json: true });
    expect(parseCli(['doctor', '--pg-url', 'postgres://h'])).toEqual({
      command: 'doctor',
      pgUrl: 'postgres://h',
      runtimeFlags: [],
    });
    expect(parseCli(['compare', 'a.json', 'b.json', '--json'])).toEqual({
      command: 'compare',
      base: 'a.json',
      candidate: 'b.json',
      json: true,
    });
  });
});
