#!/usr/bin/env node
/**
 * What blocking costs in input delay, per runtime, from one asyncbench run of the responsiveness
 * scenario:
 *
 *   node scripts/responsiveness-check.mjs [--profile quick|default|full] [results.json]
 *
 * Without a results file it runs `asyncbench run --runtimes node,deno,bun,chromium --scenarios
 * responsiveness` (quick profile unless told) into a temporary directory first; run it under the
 * shared lock on a quiet machine (`flock /tmp/asyncbench-measure.lock node scripts/...`).
 *
 * Prints, per runtime, each blocking case's input delay p99 (and share of events handled during
 * the work, and the work's throughput) beside its non-blocking counterparts (the same sleeps
 * awaited or concurrent; the same CPU job in slices with each yielder) and the p99 ratio blocking
 * / non-blocking, all from the same run, with the load average before and after. Exit code 1 when, on some runtime, a
 * blocking p99 is less than 5x a counterpart's (the goal of issue 11), 2 on bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const GOAL = 5;

function usage(message) {
  console.error(`responsiveness-check: ${message} (usage: [--profile quick|default|full] [results.json])`);
  process.exit(2);
}

const argv = process.argv.slice(2);
let profile = 'quick';
let file = null;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--help' || argv[i] === '-h') {
    console.log('usage: responsiveness-check [--profile quick|default|full] [results.json]');
    process.exit(0);
  } else if (argv[i] === '--profile') {
    profile = argv[++i];
    if (!['quick', 'default', 'full'].includes(profile)) usage(`unknown profile "${profile}"`);
  } else if (argv[i].startsWith('--')) usage(`unknown flag "${argv[i]}"`);
  else file = argv[i];
}

const load = () => loadavg()[0].toFixed(2);
let temporary = null;
if (file === null) {
  console.log(`load average (1 min) before the run: ${load()}`);
  temporary = mkdtempSync(join(tmpdir(), 'asyncbench-responsiveness-'));
  const args = [
    '--runtimes',
    'node,deno,bun,chromium',
    '--scenarios',
    'responsiveness',
    '--profile',
    profile,
  ];
  console.log(`asyncbench run ${args.join(' ')}`);
  const run = spawnSync(
    process.execPath,
    [join(root, 'apps/cli/bin/asyncbench.js'), 'run', ...args, '--out', temporary, '--no-report'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`load average (1 min) after the run: ${load()}`);
  const name = readdirSync(temporary).find((n) => n.endsWith('.json'));
  if (!name) usage(`the run wrote no results (exit ${run.status})`);
  file = join(temporary, name);
}

let results;
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  usage(`cannot read ${file}: ${error.message}`);
}
if (temporary) rmSync(temporary, { recursive: true, force: true });

const p99 = (c) => c.figures?.inputP99Ms?.median ?? null;
const throughput = (c) => c?.figures?.throughput?.median ?? null;
const rate = (v) => (v === null ? '—' : Math.round(v).toLocaleString('en-US'));
const handled = (c) => c.figures?.inputHandledPct?.median ?? null;
const pct = (v) => (v === null ? '—' : `${v.toFixed(0)}%`);
const fmt = (ms) =>
  ms === null ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);

const host = results.host ?? {};
console.log(
  `profile ${results.profile}, ${host.cpuModel} x ${host.cpuCount}, ` +
    `runtimes ${results.runtimes.map((r) => `${r.name} ${r.version ?? 'missing'}`).join(', ')}`,
);
let shortfalls = 0;
const rows = [];
for (const entry of results.entries.filter((e) => e.scenario === 'responsiveness')) {
  if (entry.status !== 'ok') {
    rows.push([entry.runtime, '—', '—', '—', '—', '—', '—', '—', `${entry.status}: ${entry.reason ?? ''}`]);
    shortfalls++;
    continue;
  }
  const byId = new Map(entry.cases.map((c) => [c.case, c]));
  const pairs = [
    ['sleep-blocking', entry.cases.filter((c) => c.case.startsWith('sleep-') && c.mode !== 'blocking')],
    ['cpu-blocking', entry.cases.filter((c) => c.case.startsWith('cpu-yield-'))],
  ];
  for (const [blockingId, others] of pairs) {
    const blocking = byId.get(blockingId);
    for (const other of others) {
      const ratio = blocking && p99(other) ? p99(blocking) / p99(other) : null;
      const ok = ratio !== null && ratio >= GOAL;
      if (!ok) shortfalls++;
      rows.push([
        entry.runtime,
        blockingId,
        `${fmt(blocking ? p99(blocking) : null)} (${pct(blocking ? handled(blocking) : null)})`,
        rate(throughput(blocking)),
        other.case,
        `${fmt(p99(other))} (${pct(handled(other))})`,
        rate(throughput(other)),
        ratio === null ? '—' : `${ratio.toFixed(1)}x`,
        ok ? 'ok' : `below ${GOAL}x`,
      ]);
    }
  }
}

const header = [
  'runtime',
  'blocking case',
  'input p99 ms (handled)',
  'units/s',
  'counterpart',
  'input p99 ms (handled)',
  'units/s',
  'p99 ratio',
  '',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) =>
  cells
    .map((c, i) => String(c).padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(
  shortfalls === 0
    ? `every blocking input delay p99 is at least ${GOAL}x its yielding or concurrent counterpart's`
    : `${shortfalls} comparison(s) fall short of ${GOAL}x`,
);
process.exitCode = shortfalls === 0 ? 0 : 1;
