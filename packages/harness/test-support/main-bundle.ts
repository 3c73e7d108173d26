/**
 * The end-to-end suite of an adapter's dist/main.js: started as the CLI starts it, it must list the
 * catalogue, run quick scenarios and exit by itself, and signal faults through its exit code. Each
 * adapter supplies how its runtime spawns a process; the expectations are shared. Test-only.
 */
import { describe, expect, it } from 'vitest';
import type { InputSource, RuntimeName } from '../src/platform.ts';

/** What one run of dist/main.js gave back. */
export interface MainRun {
  /** Exit code; null when the process did not exit by itself. */
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface MainBundleOptions {
  runtime: RuntimeName;
  /** The exact version the hello line must carry. */
  version: string;
  /** Why bundling dist/main.js failed, or null (globalSetup's `inject('bundleError')`). */
  bundleError(): string | null;
  /** Runs dist/main.js with `args` the way the CLI does, in `cwd` (the repo root when omitted). */
  run(args: string[], cwd?: string): MainRun | Promise<MainRun>;
  /** A directory outside the repo, to show dist/main.js needs no package.json or node_modules. */
  elsewhere: string;
  /** Scenarios this runtime skips for what it lacks (a browser: files); they must say so. */
  skips?: readonly string[];
  /** How its input events arrive (default `worker-message`). */
  inputSource?: InputSource;
}

/** Runs and parses stdout as the JSON lines the CLI reads. */
async function runLines(options: MainBundleOptions, args: string[], cwd?: string) {
  const { code, stdout, stderr } = await options.run(args, cwd);
  const lines = stdout.split('\n').filter((line) => line !== '');
  return { code, stderr, lines: lines.map((line) => JSON.parse(line)) };
}

/** Declares the `dist/main.js on <runtime>` suite. */
export function describeMainBundle(options: MainBundleOptions): void {
  const { runtime, version } = options;

  describe(`dist/main.js on ${runtime}`, () => {
    it('was bundled', () => {
      expect(options.bundleError()).toBeNull();
    });

    it('--list prints the catalogue as JSON lines, from the repo root (package.json and all)', async () => {
      const { code, lines, stderr } = await runLines(options, ['--list']);
      expect(code, stderr).toBe(0);
      expect(lines.map((line) => line.id)).toEqual(expect.arrayContaining(['timers', 'http', 'files']));
    });

    it('runs quick scenarios (timers, http, files) from another directory and exits by itself with code 0', async () => {
      const args = ['--scenarios', 'timers,http,files', '--profile', 'quick', '--seed', '1'];
      const { code, lines, stderr } = await runLines(options, args, options.elsewhere);
      expect(code, stderr).toBe(0);
      expect(lines[0]).toMatchObject({ type: 'hello', runtime, version });
      expect(lines.filter((line) => line.type === 'scenario-error')).toEqual([]);
      const skips = options.skips ?? [];
      expect(lines.filter((line) => line.type === 'done').map((line) => line.scenario)).toEqual(
        ['timers', 'http', 'files'].filter((id) => !skips.includes(id)),
      );
      expect(lines.filter((line) => line.type === 'skipped').map((line) => line.scenario)).toEqual(
        ['timers', 'http', 'files'].filter((id) => skips.includes(id)),
      );
      const modes = new Set(lines.filter((line) => line.type === 'result').map((line) => line.result.mode));
      expect(modes).toEqual(new Set(['blocking', 'sequential', 'concurrent']));
    });

    it('runs responsiveness: blocking cases handle no input while they work, awaiting and yielding ones do', async () => {
      const args = ['--scenarios', 'responsiveness', '--profile', 'quick'];
      const { code, lines, stderr } = await runLines(options, args, options.elsewhere);
      expect(code, stderr).toBe(0);
      const results = lines.filter((line) => line.type === 'result').map((line) => line.result);
      const ids = results.map((r) => r.case);
      expect(ids).toEqual(
        expect.arrayContaining(['sleep-blocking', 'sleep-sequential', 'sleep-concurrent', 'cpu-blocking']),
      );
      expect(ids).toContain('cpu-yield-settimeout-0');
      for (const r of results) {
        const input = r.workload.input;
        expect(input.source, r.case).toBe(options.inputSource ?? 'worker-message');
        expect(input.expected, r.case).toBeGreaterThan(0);
        // A blocked thread cannot handle an event until it is done: this holds on any machine.
        if (r.mode === 'blocking') expect(input.handled, r.case).toBe(0);
        else expect(input.handled, r.case).toBeGreaterThan(0);
      }
    });

    it('ends with a non-zero code when a scenario crashes the process or throws', async () => {
      const crash = await runLines(options, ['--scenarios', 'fault-crash', '--profile', 'quick']);
      expect(crash.code).not.toBe(0);
      expect(crash.code).not.toBeNull();
      const thrown = await runLines(options, ['--scenarios', 'fault-throw', '--profile', 'quick']);
      expect(thrown.code).toBe(1);
      expect(thrown.lines.at(-1)).toMatchObject({ type: 'scenario-error', scenario: 'fault-throw' });
    });

    it('runs the module named by --bundle instead of its catalogue, with the remaining arguments', async () => {
      const fixture = new URL('./fixture-bundle.js', import.meta.url).href;
      const { code, lines, stderr } = await runLines(options, ['--bundle', fixture, '--list', '--seed', '3']);
      expect(code, stderr).toBe(0);
      expect(lines).toEqual([{ type: 'fixture', runtime, scenarios: 0, argv: ['--list', '--seed', '3'] }]);
    });

    it('passes --params on: the results carry the values set, a bad one is refused with exit 2', async () => {
      const args = [
        '--scenarios',
        'timers',
        '--profile',
        'quick',
        '--params',
        '{"units":4,"unitMs":1,"concurrency":2}',
      ];
      const { code, lines, stderr } = await runLines(options, args);
      expect(code, stderr).toBe(0);
      const results = lines.filter((line) => line.type === 'result').map((line) => line.result);
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) expect(r.params).toEqual({ units: 4, unitMs: 1, concurrency: 2 });
      const limited = results.find((r) => r.case === 'sleep-limit');
      expect(limited.workload).toMatchObject({ units: 4, concurrency: 2, unitMs: 1 });
      const bad = await runLines(options, ['--scenarios', 'timers', '--params', '{"concurrency":0}']);
      expect(bad.code).toBe(2);
      expect(bad.lines.at(-1)).toMatchObject({
        type: 'fatal',
        message: expect.stringContaining('concurrency'),
      });
    });

    it('answers a bad request with exit code 2', async () => {
      const { code, lines } = await runLines(options, ['--no-such-flag']);
      expect(code).toBe(2);
      expect(lines.at(-1)).toMatchObject({ type: 'fatal' });
    });
  });
}
