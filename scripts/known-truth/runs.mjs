/**
 * What the known-truth checks (aa-check.mjs, ab-check.mjs) share: run the built CLI into a folder
 * and time it, compare two runs as JSON, and the few figures they print. No asyncbench internals:
 * only the command line a user has, so the checks test what a user would see.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = join(root, 'apps/cli/bin/asyncbench.js');

/** The 1-minute load average, two decimals. */
export const load = () => loadavg()[0].toFixed(2);

/** One line and exit 2: bad input to a check script. */
export function usage(script, message, synopsis) {
  console.error(`${script}: ${message} (usage: ${synopsis})`);
  process.exit(2);
}

/**
 * `asyncbench run <args> --out <dir> --no-report`, its progress on our stderr; returns the results
 * file it wrote, the run read back, and the wall time of the whole command (ms). Exits 1 when the
 * run wrote no results file.
 */
export function runCli(args, dir) {
  const full = ['run', ...args, '--out', dir, '--no-report'];
  console.log(`$ asyncbench ${full.join(' ')}    (load ${load()})`);
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...full], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const elapsedMs = performance.now() - started;
  const files = readdirSync(dir).filter((n) => n.endsWith('.json'));
  if (files.length !== 1) {
    console.error(`asyncbench run exited ${r.status} and wrote ${files.length} results files in ${dir}`);
    process.exit(1);
  }
  const file = join(dir, files[0]);
  const run = JSON.parse(readFileSync(file, 'utf8'));
  return { file, run, elapsedMs, exitCode: r.status };
}

/**
 * A results file written before, in runCli's shape: its elapsedMs is the run's own (from its first
 * process to its last), without the CLI's start-up and summary. Exits 2 when it cannot be read.
 */
export function readRun(script, file) {
  try {
    const run = JSON.parse(readFileSync(file, 'utf8'));
    return { file, run, elapsedMs: run.elapsedMs, exitCode: run.status === 'complete' ? 0 : 1 };
  } catch (err) {
    console.error(`${script}: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}

/** `asyncbench compare a b --json [extra]`: the parsed comparison ({ rows, notes }). */
export function compareJson(a, b, extra = []) {
  const args = ['compare', a, b, '--json', ...extra];
  console.log(`$ asyncbench ${args.join(' ')}`);
  // A default A/A's comparison is ~1 MB of JSON: past spawnSync's default 1 MB buffer, which
  // kills the child (status null) and lost a 16-minute check's figures once.
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    console.error(
      `asyncbench compare exited ${r.status ?? r.signal}: ${r.error?.message ?? r.stderr.trim()}`,
    );
    process.exit(1);
  }
  return JSON.parse(r.stdout);
}

/** The median of numbers (mean of the middle two for an even count); null for none. */
export function median(values) {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** `7m 12s`. */
export function minutes(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** One line on a run's sampling: minimum repeats, rounds added, why it stopped, what stayed wide. */
export function samplingLine(label, { run, elapsedMs, exitCode }) {
  const s = run.sampling;
  const processes = run.entries.reduce((n, e) => n + e.repeats.length, 0);
  const what = s
    ? `horizon ±${(s.horizon * 100).toFixed(1)}%, min ${s.minRepeats} repeats, +${s.rounds} rounds, stopped by ${s.stoppedBy}, ${s.inconclusive} inconclusive main figures`
    : 'no sampling record';
  return `${label}: ${minutes(elapsedMs)} wall, ${processes} processes, exit ${exitCode}; ${what}`;
}

/**
 * A check's flags: `--profile quick|default|full` (default: default) and the run flags it passes
 * on (`names`, each with one value; `--runtimes` defaults to node,deno,bun). Bad or unknown:
 * usage(); `--help`: the usage, exit 0. Returns the profile and the run arguments to pass.
 */
export function parseCheckArgs(script, argv, names, synopsis) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`usage: ${script} ${synopsis}`);
    process.exit(0);
  }
  let profile = 'default';
  const passed = ['--runtimes', 'node,deno,bun'];
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--profile' && ['quick', 'default', 'full'].includes(value)) profile = value;
    else if (names.includes(flag) && value !== undefined && !value.startsWith('--')) {
      const at = passed.indexOf(flag);
      if (at >= 0) passed.splice(at, 2);
      passed.push(flag, value);
    } else usage(script, `bad or unknown flag "${flag}${value === undefined ? '' : ` ${value}`}"`, synopsis);
  }
  return { profile, passed };
}

/** `ok` or `MISSED` against a target, for the printed table. */
export const mark = (ok) => (ok ? 'ok' : 'MISSED');
