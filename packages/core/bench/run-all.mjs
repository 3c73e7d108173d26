/**
 * `npm run bench:core`: core's speed goals, measured on node, deno and bun in the same run.
 *
 * Runs core-bench.mjs once per runtime and case, each in a fresh child process, against the
 * built dist/ and the peers installed as core's devDependencies (exact versions in package.json):
 * p-limit, @henrygd/queue, fastq and p-queue for limit(); a hand-written ring queue and Effect's
 * Queue for Queue; Promise.all for gather(). What each case does is written at the top of
 * core-bench.mjs. Prints one table per runtime (median ops/s of interleaved rounds, and core's
 * speed as a ratio to each contestant: above 1 means core is faster) and a summary of the
 * targets: limit >= 1.0x the fastest peer, Queue >= 0.95x the ring queue, gather >= 0.95x
 * Promise.all, each with its case's A/A ratio (one contestant against itself) as the noise floor.
 *
 * Usage: node bench/run-all.mjs [node] [deno] [bun] [--strict]
 * Exits 1 when a runtime fails to report a case (crash, hang past 10 minutes, garbage), and with
 * --strict also when a target is missed; exits 2 on a bad argument. Runs on Node: this
 * orchestrator is not part of the published library, so it may use node:* modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RUNTIMES = ['node', 'deno', 'bun'];
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const bad = args.filter((a) => a !== '--strict' && !RUNTIMES.includes(a));
if (bad.length > 0) {
  console.error(`bench:core: unknown argument ${bad[0]} (expected: ${RUNTIMES.join(', ')}, --strict)`);
  process.exit(2);
}
const only = args.filter((a) => RUNTIMES.includes(a));

const here = dirname(fileURLToPath(import.meta.url));
const benchFile = join(here, 'core-bench.mjs');
const coreEntry = join(here, '..', 'dist', 'index.js');
if (!existsSync(coreEntry)) {
  console.error('bench:core: packages/core/dist/index.js is missing; run `npm run build` first');
  process.exit(2);
}

/** A module URL, or undefined when the package is not installed (its contestant is skipped). */
function resolveUrl(specifier) {
  try {
    return import.meta.resolve(specifier);
  } catch {
    return undefined;
  }
}
const urls = JSON.stringify({
  core: pathToFileURL(coreEntry).href,
  pLimit: resolveUrl('p-limit'),
  henrygdQueue: resolveUrl('@henrygd/queue'),
  fastq: resolveUrl('fastq'),
  pQueue: resolveUrl('p-queue'),
  effect: resolveUrl('effect'),
});

/** The workspace's pinned deno/bun binaries, found in the nearest node_modules/.bin. */
function localBin(name) {
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return name;
  }
}

const commands = {
  node: [process.execPath, ['--expose-gc', benchFile]],
  deno: [localBin('deno'), ['run', '-A', '--v8-flags=--expose-gc', benchFile]],
  bun: [localBin('bun'), [benchFile]],
};

function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}

function renderTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Core's ratio against the target's baseline (the fastest peer for limit), or undefined. A
 * contestant that also ran as an A/A pair counts with the median of both runs' samples pooled:
 * the same code measured twice as often, so a steadier figure (the faster of the two medians
 * would favour the baseline, a max of noisy figures being biased upwards).
 */
function targetRatio(c) {
  const core = c.contestants.find((x) => x.role === 'core');
  if (core?.opsPerSec === undefined) return undefined;
  const candidates = c.contestants.filter(
    (x) =>
      x.opsPerSec !== undefined &&
      (c.target.against === 'fastest peer' ? x.role === 'peer' : x.name === c.target.against),
  );
  const pooled = candidates.map((x) => {
    const twin = c.contestants.find((y) => y.role === 'aa' && y.of === x.name && y.samples !== undefined);
    return { name: x.name, opsPerSec: twin ? median([...x.samples, ...twin.samples]) : x.opsPerSec };
  });
  const against = pooled.sort((a, b) => b.opsPerSec - a.opsPerSec)[0];
  if (against === undefined) return undefined;
  return { ratio: core.opsPerSec / against.opsPerSec, against: against.name };
}

function runtimeTable(result) {
  const rows = [['case', 'rounds', 'contestant', 'ops/s (median)', 'core speed vs it']];
  for (const c of result.cases) {
    const core = c.contestants.find((x) => x.role === 'core');
    for (const x of c.contestants) {
      const ratio =
        x.role === 'core' || core?.opsPerSec === undefined || x.opsPerSec === undefined
          ? '-'
          : `${(core.opsPerSec / x.opsPerSec).toFixed(2)}x`;
      const tag = x.role === 'baseline' ? ' (baseline)' : x.role === 'reference' ? ' (reference)' : '';
      rows.push([
        c.label,
        String(c.rounds),
        `${x.name}${tag}`,
        x.skipped ? `SKIPPED (${x.skipped})` : fmt(x.opsPerSec),
        ratio,
      ]);
    }
  }
  return renderTable(rows);
}

let failed = false;
let missed = false;
const summary = [['runtime', 'case', 'core vs target baseline', 'target', 'result', 'A/A noise']];

/** A contestant's ratio to its own second run under another name (A/A): the noise floor. */
function aaRatio(c) {
  const aa = c.contestants.find((x) => x.role === 'aa');
  const first = c.contestants.find((x) => x.name === aa?.of);
  if (first?.opsPerSec === undefined || aa?.opsPerSec === undefined) return '-';
  return `${(first.opsPerSec / aa.opsPerSec).toFixed(2)}x ${first.name}`;
}

const CASES = ['queue', 'limit', 'gather'];

/** Runs one case on one runtime in a fresh process; returns its case record, or undefined. */
function runOne(name, caseId) {
  const [cmd, cmdArgs] = commands[name];
  const child = spawnSync(cmd, [...cmdArgs, urls, caseId], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  const line = (child.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    const result = JSON.parse(line);
    if (!Array.isArray(result.cases) || result.cases.length !== 1) throw new Error('no case');
    return result;
  } catch {
    console.log(
      `\n## ${name} ${caseId}: did not report (exit ${child.status ?? child.error?.message ?? child.signal})`,
    );
    console.log((child.stderr ?? '').trim().split('\n').slice(-10).join('\n'));
    summary.push([name, caseId, 'did not report', '-', 'FAIL', '-']);
    failed = true;
    return undefined;
  }
}

for (const name of RUNTIMES) {
  if (only.length > 0 && !only.includes(name)) continue;
  const reports = CASES.map((caseId) => runOne(name, caseId)).filter((r) => r !== undefined);
  if (reports.length === 0) continue;
  const result = {
    runtime: reports[0].runtime,
    version: reports[0].version,
    cases: reports.flatMap((r) => r.cases),
  };
  console.log(
    `\n## ${result.runtime} ${result.version} (medians of interleaved rounds, one process per case)\n`,
  );
  console.log(runtimeTable(result));
  for (const c of result.cases) {
    const t = targetRatio(c);
    const pass = t !== undefined && t.ratio >= c.target.ratio;
    if (!pass) missed = true;
    summary.push([
      result.runtime,
      c.label,
      t === undefined ? 'n/a (a contestant was skipped)' : `${t.ratio.toFixed(2)}x ${t.against}`,
      `>= ${c.target.ratio}x ${c.target.against}`,
      pass ? 'PASS' : 'MISS',
      aaRatio(c),
    ]);
  }
}
console.log('\n## targets\n');
console.log(renderTable(summary));
console.log(
  '\nWall-clock throughput on this machine at this moment: a shared or busy machine adds noise; compare ratios from one run.',
);
process.exitCode = failed || (strict && missed) ? 1 : 0;
