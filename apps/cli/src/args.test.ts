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
      files: [],
      params: [],
      runtimes: null,
      scenarios: null,
      profile: 'default',
      repeats: null,
      horizon: null,
      maxTimeMs: null,
      seed: 1,
      out: null,
      json: false,
      runtimeFlags: [],
      timeoutMs: null,
      pgUrl: null,
      report: true,
      pin: null,
      cacheDir: null,
      exportMarkdown: null,
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
    expect(usage(['frob'])).toBe(
      'unknown command "frob" (choose run, report, list, doctor, compare, export or runtimes)',
    );
    expect(usage(['run', '--runtimes', 'node,java'])).toMatch(
      /^unknown runtime "java" \(choose node, deno, bun or chromium/,
    );
    expect(usage(['run', '--bogus'])).toMatch(
      /^unknown flag "--bogus" for run \(choose --runtimes, .*--pin, --cache-dir, --export-markdown or --param\)$/,
    );
    expect(usage(['list', '--profile', 'quick'])).toBe('unknown flag "--profile" for list (choose --json)');
    expect(usage(['run', '--seed'])).toBe('flag --seed needs a value');
    expect(usage(['doctor', 'extra'])).toMatch(/^unexpected argument "extra" for doctor/);
    expect(usage(['compare', 'a.json'])).toMatch(/^compare needs exactly two results files/);
    expect(usage(['run', '--runtime', 'deno'])).toMatch(/^bad --runtime "deno" \(write name=\/path/);
    expect(usage(['run', '--scenarios', ','])).toMatch(/--scenarios needs at least one name/);
  });

  it('takes benchmark files and globs as arguments of run', () => {
    const a = parseCli(['run', 'json.bench.ts', 'bench/*.ts', '--runtimes', 'node']);
    expect(a).toMatchObject({ command: 'run', files: ['json.bench.ts', 'bench/*.ts'], runtimes: ['node'] });
  });

  it('reads --param as a name and one value, or several (a sweep), checking only the form', () => {
    const a = parseCli([
      'run',
      '--param',
      'unitMs=11.5',
      '--param',
      'concurrency=1,2,4',
      '--param',
      'label=a=b',
    ]);
    expect(a).toMatchObject({
      params: [
        { name: 'unitMs', values: ['11.5'] },
        { name: 'concurrency', values: ['1', '2', '4'] },
        { name: 'label', values: ['a=b'] },
      ],
    });
    expect(parseCli(['run', '--param', 'seedOffset=-5'])).toMatchObject({
      params: [{ name: 'seedOffset', values: ['-5'] }],
    });
    expect(usage(['run', '--param', 'units'])).toMatch(/^bad --param "units" \(write name=value/);
    expect(usage(['run', '--param', '=4'])).toMatch(/^bad --param "=4"/);
    expect(usage(['run', '--param', 'c=1,,2'])).toMatch(/^bad --param "c=1,,2"/);
    expect(usage(['run', '--param', 'c=1', '--param', 'c=2'])).toBe('--param c given twice');
    expect(usage(['run', '--param', 'c=1,1'])).toBe('--param c lists a value twice');
    expect(usage(['run', '--param', 'c=1,2', '--param', 'd=3,4'])).toBe(
      'only one --param can sweep at a time (c and d both list several values)',
    );
  });

  it('rejects a --pin that is not a CPU list', () => {
    expect(usage(['run', '--pin', '1;rm'])).toMatch(/^invalid --pin "1;rm" \(a CPU list/);
  });

  it('reads a negative number as a value, so the range check answers (--seed is a uint32)', () => {
    expect(usage(['run', '--seed', '-5'])).toBe(
      'bad number for --seed: "-5" (choose a whole number from 0 to 4294967295)',
    );
    expect(usage(['run', '--repeats', '-1'])).toMatch(
      /^bad number for --repeats: "-1" \(choose .* 1 to 1000\)$/,
    );
    expect(usage(['run', '--timeout-ms', '-100'])).toMatch(/^bad number for --timeout-ms: "-100"/);
    // A flag after a value-taking flag is still a flag, not its value.
    expect(usage(['run', '--seed', '--json'])).toBe('flag --seed needs a value');
    expect(parseCli(['run', '--seed', '4294967295'])).toMatchObject({ seed: 4294967295 });
  });

  it('takes registry specs in --runtimes and names what is wrong with a bad one', () => {
    expect(parseCli(['run', '--runtimes', 'node,node@22,bun@1.2,deno@2.4.3,bun@latest'])).toMatchObject({
      runtimes: ['node', 'node@22', 'bun@1.2', 'deno@2.4.3', 'bun@latest'],
    });
    expect(usage(['run', '--runtimes', 'nodejs@22'])).toMatch(/^unknown runtime "nodejs" in "nodejs@22"/);
    expect(usage(['run', '--runtimes', 'node@'])).toMatch(/^"node@" names no version/);
    expect(usage(['run', '--runtimes', 'node@>=22 <'])).toMatch(
      /is neither a semver range .* nor a dist-tag/,
    );
  });

  it('runtimes: list, install, rm, --clear', () => {
    expect(parseCli(['runtimes'])).toEqual({
      command: 'runtimes',
      action: 'list',
      specs: [],
      cacheDir: null,
      json: false,
    });
    expect(parseCli(['runtimes', '--clear', '--cache-dir', '/c'])).toMatchObject({
      action: 'clear',
      cacheDir: '/c',
    });
    expect(parseCli(['runtimes', 'install', 'node@22', 'bun@1.2'])).toMatchObject({
      action: 'install',
      specs: [
        { label: 'node@22', kind: 'node', range: '22', isTag: false },
        { label: 'bun@1.2', kind: 'bun', range: '1.2', isTag: false },
      ],
    });
    expect(usage(['runtimes', 'rm'])).toBe('runtimes rm needs at least one spec such as node@22');
    expect(usage(['runtimes', 'rm', 'node'])).toMatch(/^runtimes rm: "node" is not a spec/);
    expect(usage(['runtimes', 'prune'])).toMatch(
      /^unknown runtimes action "prune" \(choose install or rm, or --clear\)$/,
    );
    expect(usage(['runtimes', '--clear', 'node@22'])).toMatch(/^runtimes --clear takes no argument/);
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
    expect(parseCli(['list', '--json'])).toEqual({ command: 'list', files: [], json: true });
    expect(parseCli(['list', 'a.bench.ts'])).toEqual({ command: 'list', files: ['a.bench.ts'], json: false });
    expect(parseCli(['doctor', '--pg-url', 'postgres://h'])).toEqual({
      command: 'doctor',
      pgUrl: 'postgres://h',
      runtimeFlags: [],
      cacheDir: null,
    });
    expect(parseCli(['compare', 'a.json', 'b.json', '--json'])).toEqual({
      command: 'compare',
      base: 'a.json',
      candidate: 'b.json',
      json: true,
      failOn: null,
      threshold: 0.05,
      ignoreParams: false,
    });
    expect(parseCli(['compare', 'a.json', 'b.json', '--ignore-params'])).toMatchObject({
      ignoreParams: true,
    });
    expect(usage(['compare', 'a', 'b', '--ignore-params=yes'])).toBe('flag --ignore-params takes no value');
  });

  it('auto-sampling: --horizon as a percentage, --max-time as a duration', () => {
    const run = (...flags: string[]) => parseCli(['run', ...flags]);
    expect(run('--horizon', '10%', '--max-time', '8m', '--repeats', '2')).toMatchObject({
      horizon: 0.1,
      maxTimeMs: 480_000,
      repeats: 2,
    });
    expect(run('--horizon=±2.5%', '--max-time=0')).toMatchObject({ horizon: 0.025, maxTimeMs: 0 });
    for (const bad of ['0%', 'tight', '-10%', '150%', '', '0.1']) {
      expect(usage(['run', `--horizon=${bad}`])).toMatch(
        /^bad --horizon ".*" \(a percentage above 0% up to 100%, e\.g\. 10%; a bare number is percent, 1 or more\)$/,
      );
    }
    for (const bad of ['soon', '-1m', '8 minutes', '']) {
      expect(usage(['run', `--max-time=${bad}`])).toMatch(
        /^bad --max-time ".*" \(a duration such as 90s, 8m or 1h; 0 runs the minimum repeats only\)$/,
      );
    }
    expect(usage(['run', '--horizon'])).toBe('flag --horizon needs a value');
  });

  it('the gate: --fail-on slower with a threshold in percent', () => {
    const gate = (...flags: string[]) => parseCli(['compare', 'base/', 'b.json', ...flags]);
    expect(gate('--fail-on', 'slower')).toMatchObject({ base: 'base/', failOn: 'slower', threshold: 0.05 });
    expect(gate('--fail-on', 'slower', '--threshold', '10%')).toMatchObject({ threshold: 0.1 });
    expect(gate('--fail-on', 'slower', '--threshold', '2.5')).toMatchObject({ threshold: 0.025 });
    expect(gate('--fail-on', 'slower', '--threshold', '0%')).toMatchObject({ threshold: 0 });
    expect(usage(['compare', 'a', 'b', '--fail-on', 'faster'])).toBe(
      'unknown --fail-on "faster" (choose slower)',
    );
    for (const bad of ['-5%', 'five', '5%%', '2000%', '']) {
      expect(usage(['compare', 'a', 'b', '--fail-on', 'slower', `--threshold=${bad}`])).toMatch(
        /^bad --threshold ".*" \(a percentage from 0% to 1000%, e\.g\. 5%\)$/,
      );
    }
    expect(usage(['compare', 'a', 'b', '--threshold', '5%'])).toBe(
      '--threshold applies to --fail-on slower (add --fail-on slower)',
    );
  });

  it('export: one file, a known format, gab direction', () => {
    expect(parseCli(['export', 'r.json', '--format', 'csv', '--out', 'r.csv'])).toEqual({
      command: 'export',
      file: 'r.json',
      format: 'csv',
      direction: 'bigger',
      out: 'r.csv',
    });
    expect(parseCli(['export', 'r.json', '--format', 'gab', '--direction', 'smaller'])).toMatchObject({
      direction: 'smaller',
      out: null,
    });
    expect(usage(['export', 'r.json'])).toBe(
      'export needs --format (choose markdown, csv, json, bmf or gab)',
    );
    expect(usage(['export', 'r.json', '--format', 'xml'])).toBe(
      'unknown format "xml" (choose markdown, csv, json, bmf or gab)',
    );
    expect(usage(['export', '--format', 'csv'])).toMatch(/^export needs exactly one results file/);
    expect(usage(['export', 'r.json', '--format', 'csv', '--direction', 'smaller'])).toBe(
      '--direction applies to --format gab only',
    );
    expect(usage(['export', 'r.json', '--format', 'gab', '--direction', 'up'])).toBe(
      'unknown --direction "up" (choose bigger or smaller)',
    );
    expect(parseCli(['run', '--export-markdown', 'out.md'])).toMatchObject({ exportMarkdown: 'out.md' });
  });
});
