#!/usr/bin/env node
/**
 * `npm run bench:crosscheck`: asyncbench's figures beside independent measurements of the same
 * thing, per runtime, with their ratio. Not a test: it prints figures and never fails on them.
 *
 *   node scripts/crosscheck/crosscheck.mjs [--runtimes node,deno,bun] [--profile default|quick|full]
 *                                          [--repeats n] [--only http,micro] [--seconds s]
 *
 * asyncbench is run as users run it: the built CLI (apps/cli/bin/asyncbench.js run --json) with
 * the built adapters, scenarios http-raw, tasks, errors and queue; its figure is the median over
 * the profile's process repeats. The independent side:
 * - http-raw: plain-client.mjs (fetch in c closed loops, c as in the profile, and 1 loop for the
 *   sequential case) against plain-server.mjs, a server of the same runtime in its own process
 *   with the same 64-byte body; and wrk (Debian) against that server: what the server alone does.
 *   raw-fetch-loops is the same client code inside asyncbench, so its ratio checks the measuring;
 *   raw-session's ratio adds what HttpSession costs over plain fetch. http-ramp.ts (Deno) shows
 *   how the raw-fetch-loops rate rises from the first request, which the HTTP cases' minimum
 *   warm-up rests on.
 * - micro cases: mitata-case.mjs, mitata's measure() on the same op from the same bundle, in a
 *   fresh process per case (median of three); compared on mean time per op, and also on p50 (the
 *   median batch, robust to a busy machine's interruptions). "fresh ratio": asyncbench's own
 *   runner on that case alone in a fresh process (ours-case.mjs), against mitata: where it agrees
 *   and the run's figure does not, the earlier cases of the run's process made the difference.
 * ratio = asyncbench / independent, on throughput for HTTP and on time per op for micro cases;
 * "ok" when within 15%.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const MICRO_SCENARIOS = ['tasks', 'errors', 'queue'];
const TOLERANCE = 0.15;

const { values: flags } = parseArgs({
  options: {
    runtimes: { type: 'string', default: 'node,deno,bun' },
    profile: { type: 'string', default: 'default' },
    repeats: { type: 'string' },
    only: { type: 'string', default: 'http,micro' },
    seconds: { type: 'string', default: '3' },
  },
});
const runtimes = flags.runtimes.split(',');
const only = new Set(flags.only.split(','));
const seconds = Number(flags.seconds);
for (const r of runtimes) {
  if (!['node', 'deno', 'bun'].includes(r)) usage(`unknown runtime "${r}" (expected node, deno, bun)`);
}
if (!['quick', 'default', 'full'].includes(flags.profile)) usage(`unknown profile "${flags.profile}"`);
if (!(seconds > 0)) usage('--seconds must be a positive number');
for (const o of only) if (o !== 'http' && o !== 'micro') usage(`--only takes http and/or micro, not "${o}"`);

function usage(message) {
  console.error(`crosscheck: ${message}`);
  process.exit(2);
}

/** How to start a script on a runtime: the binaries the CLI itself uses (pinned devDependencies). */
function command(runtime, script, args) {
  if (runtime === 'node') return [process.execPath, ['--expose-gc', script, ...args]];
  const bin = join(root, 'node_modules', '.bin', runtime);
  if (runtime === 'deno') return [bin, ['run', '-A', '--v8-flags=--expose-gc', script, ...args]];
  return [bin, [script, ...args]];
}

async function runJson(runtime, script, args) {
  const [file, argv] = command(runtime, script, args);
  const { stdout } = await run(file, argv, { cwd: root, maxBuffer: 1 << 24, timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** Starts plain-server.mjs on the runtime; resolves { url, stop } once it printed its port. */
function startServer(runtime) {
  const [file, argv] = command(runtime, join(here, 'plain-server.mjs'), []);
  const child = spawn(file, argv, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${runtime} plain-server exited with ${code}`)));
    child.stdout.once('data', (chunk) => {
      const port = Number(String(chunk).trim());
      resolve({
        url: `http://127.0.0.1:${port}/`,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** wrk against url with c connections on one thread: requests per second of the server alone. */
async function wrk(url, c) {
  const { stdout } = await run('wrk', ['-t1', `-c${c}`, `-d${seconds}s`, url], { timeout: 60_000 });
  const match = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  if (!match) throw new Error(`wrk printed no Requests/sec:\n${stdout}`);
  return Number(match[1]);
}

/** One asyncbench run through the built CLI; returns the results file. */
async function asyncbench(scenarios) {
  const out = mkdtempSync(join(tmpdir(), 'asyncbench-crosscheck-'));
  try {
    const argv = [
      join(root, 'apps/cli/bin/asyncbench.js'),
      'run',
      '--runtimes',
      runtimes.join(','),
      '--scenarios',
      scenarios.join(','),
      '--profile',
      flags.profile,
      '--out',
      out,
      '--no-report',
    ];
    if (flags.repeats) argv.push('--repeats', flags.repeats);
    console.log(`asyncbench ${argv.slice(1).join(' ')}`);
    // Exit 1 (a failed process) still leaves a results file; the table shows what is missing.
    await run(process.execPath, argv, { cwd: root, maxBuffer: 1 << 26 }).catch((error) => {
      if (error.code !== 1) throw error;
    });
    const file = readdirSync(out).find((f) => f.endsWith('.json'));
    return JSON.parse(readFileSync(join(out, file), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Median figure of one case on one runtime, or null. */
function figure(results, runtime, scenario, caseId, name) {
  const entry = results.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
  const c = entry?.cases.find((x) => x.case === caseId);
  return c?.figures[name]?.median ?? null;
}

const rows = [];
/**
 * p50: [ours, theirs] medians where both tools have them (micro cases), to tell noise from bias;
 * fresh: asyncbench's runner on the same case alone in a fresh process, to tell what the earlier
 * cases of a run leave behind in its process from what the runner does.
 */
function row(runtime, what, ours, theirs, unit, independent, p50 = null, fresh = null) {
  const ratio = ours !== null && theirs ? ours / theirs : null;
  const ratioP50 = p50 && p50[0] !== null && p50[1] ? p50[0] / p50[1] : null;
  const ratioFresh = fresh !== null && theirs ? fresh / theirs : null;
  rows.push({ runtime, what, ours, theirs, unit, independent, ratio, ratioP50, ratioFresh });
}

const fmt = (v) =>
  v === null ? '-' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3).toString();

function print() {
  const head = [
    'runtime',
    'case',
    'asyncbench',
    'independent',
    'by',
    'ratio',
    '',
    'p50 ratio',
    'fresh ratio',
  ];
  const body = rows.map((r) => [
    r.runtime,
    r.what,
    `${fmt(r.ours)} ${r.unit}`,
    `${fmt(r.theirs)} ${r.unit}`,
    r.independent,
    r.ratio === null ? '-' : r.ratio.toFixed(2),
    r.ratio === null ? '' : Math.abs(r.ratio - 1) <= TOLERANCE ? 'ok' : 'OFF',
    r.ratioP50 === null ? '' : r.ratioP50.toFixed(2),
    r.ratioFresh === null ? '' : r.ratioFresh.toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  for (const line of [head, ...body]) console.log(line.map((v, i) => v.padEnd(widths[i])).join('  '));
}

const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const scenarios = [...(only.has('http') ? ['http-raw'] : []), ...(only.has('micro') ? MICRO_SCENARIOS : [])];
const results = await asyncbench(scenarios);
const params = (id) => results.scenarios.find((s) => s.id === id)?.params;

if (only.has('http')) {
  const c = Number(params('http-raw').concurrency);
  for (const runtime of runtimes) {
    const server = await startServer(runtime);
    try {
      // Three runs each, alternating, the median: a closed loop of fetch on 2 shared cores varies
      // by a quarter from one process to the next (Node's most).
      const client = join(here, 'plain-client.mjs');
      const concRuns = [];
      const seqRuns = [];
      for (let i = 0; i < 3; i++) {
        concRuns.push(await runJson(runtime, client, [server.url, String(c), String(seconds), '1']));
        seqRuns.push(await runJson(runtime, client, [server.url, '1', String(seconds / 2), '1']));
      }
      const median = (runs) => runs.sort((a, b) => a.perSecond - b.perSecond)[1];
      const conc = median(concRuns);
      const seq = median(seqRuns);
      const alone = await wrk(server.url, c);
      const ours = (id) => figure(results, runtime, 'http-raw', id, 'throughput');
      const plain = `fetch x${c}, x3`;
      row(
        runtime,
        `http-raw raw-fetch-loops (c=${c})`,
        ours('raw-fetch-loops'),
        conc.perSecond,
        'req/s',
        plain,
      );
      row(runtime, `http-raw raw-session (c=${c})`, ours('raw-session'), conc.perSecond, 'req/s', plain);
      row(runtime, 'http-raw raw-sequential', ours('raw-sequential'), seq.perSecond, 'req/s', 'fetch x1, x3');
      row(
        runtime,
        'http-raw raw-fetch-loops: server alone',
        ours('raw-fetch-loops'),
        alone,
        'req/s',
        `wrk -c${c}`,
      );
    } finally {
      await server.stop();
    }
  }
}

if (only.has('micro')) {
  for (const runtime of runtimes) {
    const dist = join(root, 'packages', `adapter-${runtime}`, 'dist');
    for (const scenario of MICRO_SCENARIOS) {
      const entry = results.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
      for (const c of entry?.cases.filter((x) => x.kind === 'micro') ?? []) {
        // Three fresh processes each, the median: asyncbench's side is a median over repeats too.
        const args = [dist, flags.profile, scenario, c.case];
        const median3 = async (script, key) => {
          const runs = [];
          for (let i = 0; i < 3; i++) runs.push(await runJson(runtime, join(here, script), args));
          return runs.sort((a, b) => a[key] - b[key])[1];
        };
        const m = await median3('mitata-case.mjs', 'avgNs');
        const fresh = await median3('ours-case.mjs', 'meanNs');
        const ours = (name) => figure(results, runtime, scenario, c.case, name);
        row(
          runtime,
          `${scenario}/${c.case}`,
          ours('meanNs'),
          m.avgNs,
          'ns',
          'mitata x3',
          [ours('p50Ns'), m.p50Ns],
          fresh.meanNs,
        );
      }
    }
  }
}

const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`profile ${flags.profile}; load average before ${loadBefore}, after ${loadAfter}`);
print();
