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
 * - micro cases: micro-case.mjs, mitata's measure() on the same op from the same bundle, in a
 *   fresh process per case (median of three); compared on mean time per op, and also on p50 (the
 *   median batch, robust to a busy machine's interruptions). "fresh ratio": asyncbench's own
 *   runner on that case alone in a fresh process (micro-case.mjs ours), against mitata; a run
 *   measures every micro case alone too, so the two should agree. "hand loop": a third
 *   measurement, a plain hand-timed loop on that case alone in a fresh process (hand-loop.mjs,
 *   median of three), with asyncbench's and mitata's ratios to it: where the two disagree, the
 *   one near 1.00 agrees with a loop that has nothing of either.
 * ratio = asyncbench / independent, on throughput for HTTP and on time per op for micro cases;
 * "ok" when within 15%.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseFlags } from './flags.mjs';
import { adapterDist, command, root, runJson } from './runtime-command.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const MICRO_SCENARIOS = ['tasks', 'errors', 'queue'];
const TOLERANCE = 0.15;

const flags = parseFlags(
  'crosscheck',
  {
    runtimes: { type: 'string', default: 'node,deno,bun' },
    profile: { type: 'string', default: 'default' },
    repeats: { type: 'string' },
    only: { type: 'string', default: 'http,micro' },
    seconds: { type: 'string', default: '3' },
  },
  '[--runtimes node,deno,bun] [--profile default|quick|full] [--repeats n] [--only http,micro] [--seconds s]',
);
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
const ratioOf = (a, b) => (a !== null && a !== undefined && b ? a / b : null);
/**
 * One row: asyncbench's figure (ours) beside the independent one (theirs). Micro rows add
 * p50: [ours, theirs] medians, to tell noise from bias; fresh: asyncbench's runner on the case
 * alone in a fresh process; hand: a hand-timed loop on the case alone in a fresh process, the third
 * measurement that shows which side of an OFF row is off.
 */
function row(runtime, what, ours, theirs, unit, independent, micro = {}) {
  const { p50 = null, fresh = null, hand = null } = micro;
  rows.push({
    runtime,
    what,
    ours,
    theirs,
    unit,
    independent,
    ratio: ratioOf(ours, theirs),
    ratioP50: p50 && ratioOf(p50[0], p50[1]),
    ratioFresh: ratioOf(fresh, theirs),
    hand,
    oursHand: ratioOf(ours, hand),
    theirsHand: ratioOf(theirs, hand),
  });
}

const fmt = (v) =>
  v === null ? '-' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3).toString();
const fmtRatio = (v) => (v === null ? '' : v.toFixed(2));

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
    'hand loop',
    'asyncbench/hand',
    'independent/hand',
  ];
  const body = rows.map((r) => [
    r.runtime,
    r.what,
    `${fmt(r.ours)} ${r.unit}`,
    `${fmt(r.theirs)} ${r.unit}`,
    r.independent,
    r.ratio === null ? '-' : r.ratio.toFixed(2),
    r.ratio === null ? '' : Math.abs(r.ratio - 1) <= TOLERANCE ? 'ok' : 'OFF',
    fmtRatio(r.ratioP50),
    fmtRatio(r.ratioFresh),
    r.hand === null ? '' : `${fmt(r.hand)} ${r.unit}`,
    fmtRatio(r.oursHand),
    fmtRatio(r.theirsHand),
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
    for (const scenario of MICRO_SCENARIOS) {
      const entry = results.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
      for (const c of entry?.cases.filter((x) => x.kind === 'micro') ?? []) {
        // Three fresh processes each, the median: asyncbench's side is a median over repeats too.
        const median3 = async (way) => {
          const args = [adapterDist(runtime), flags.profile, scenario, way, c.case];
          const runs = [];
          for (let i = 0; i < 3; i++)
            runs.push((await runJson(runtime, join(here, 'micro-case.mjs'), args))[c.case]);
          return runs.sort((a, b) => a.meanNs - b.meanNs)[1];
        };
        const m = await median3('mitata');
        const fresh = await median3('ours');
        const hand = await median3('hand');
        const ours = (name) => figure(results, runtime, scenario, c.case, name);
        row(runtime, `${scenario}/${c.case}`, ours('meanNs'), m.meanNs, 'ns', 'mitata x3', {
          p50: [ours('p50Ns'), m.p50Ns],
          fresh: fresh.meanNs,
          hand: hand.meanNs,
        });
      }
    }
  }
}

const loadAfter = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`profile ${flags.profile}; load average before ${loadBefore}, after ${loadAfter}`);
print();
