#!/usr/bin/env node
/**
 * A/A check (issue 9): two runs of the same code and profile, then `asyncbench compare`. Nothing
 * changed, so every verdict other than "no significant difference" is a false alarm.
 *
 *   node scripts/aa-check.mjs [--profile quick|default|full] [--runtimes node,deno,bun]
 *                             [--scenarios a,b] [--horizon 7%] [--max-time 7.5m]
 *   node scripts/aa-check.mjs --runs a.json b.json     (two runs made before: the figures only)
 *
 * Prints, with the load average: each run's wall time and sampling record; the share of compared
 * figures flagged faster or slower (target <= 5%); how many were "insufficient data" (target 0);
 * the median 95% CI hi/lo over the main figures' ratios (throughput, ops/s; target <= 1.21 in
 * default); and the wall time of each run (target <= 8 min for default). Run it under the shared
 * lock on a quiet machine: `flock /tmp/asyncbench-measure.lock npm run bench:aa`.
 * Exit 0 once printed (the targets are figures to read, not a gate), 1 when a run failed to
 * write results, 2 on bad input.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareJson,
  load,
  mark,
  median,
  minutes,
  parseCheckArgs,
  readRun,
  runCli,
  samplingLine,
} from './known-truth/runs.mjs';

const SYNOPSIS =
  '[--profile quick|default|full] [--runtimes a,b] [--scenarios a,b] [--horizon p] [--max-time d] | --runs a.json b.json';
const PASSED = ['--runtimes', '--scenarios', '--horizon', '--max-time'];
// --runs a.json b.json: the figures of two runs made before (their own elapsed time, without the
// CLI's start-up), e.g. when the comparison step failed after two long runs.
const argv = process.argv.slice(2);
const given = argv[0] === '--runs' ? argv.slice(1) : null;
if (given && given.length !== 2) {
  console.error(`aa-check: --runs takes two results files (usage: ${SYNOPSIS})`);
  process.exit(2);
}
const runs = given ? given.map((f) => readRun('aa-check', f)) : null;
const { profile, passed } = runs
  ? { profile: runs[0].run.profile, passed: [] }
  : parseCheckArgs('aa-check', argv, PASSED, SYNOPSIS);

const started = new Date();
console.log(`A/A check, ${profile} profile, ${started.toISOString()}; load average (1 min) ${load()}`);
const dir = mkdtempSync(join(tmpdir(), 'asyncbench-aa-'));
try {
  const args = ['--profile', profile, ...passed];
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  const [a, b] = runs ?? [runCli(args, join(dir, 'a')), runCli(args, join(dir, 'b'))];
  const { rows, notes } = compareJson(a.file, b.file);
  const flagged = rows.filter((r) => r.verdict === 'faster' || r.verdict === 'slower');
  const insufficient = rows.filter((r) => r.verdict === 'insufficient data');
  const spans = (figure) =>
    rows.filter((r) => r.main && r.figure === figure && r.ciLow > 0).map((r) => r.ciHigh / r.ciLow);
  const throughput = spans('throughput');
  const ops = spans('opsPerSec');
  const all = [...throughput, ...ops];
  const share = rows.length ? flagged.length / rows.length : 0;
  const fmt = (v) => (v === null ? '—' : v.toFixed(3));
  const defaultTargets = profile === 'default';
  console.log('');
  console.log(samplingLine('run a', a));
  console.log(samplingLine('run b', b));
  console.log(`load average (1 min) after: ${load()}`);
  console.log('');
  console.log(`compared figures                      ${rows.length}`);
  console.log(
    `flagged faster/slower (target <= 5%)  ${flagged.length} = ${(100 * share).toFixed(1)}%   ${mark(share <= 0.05)}`,
  );
  console.log(
    `insufficient data (target 0)          ${insufficient.length}   ${mark(insufficient.length === 0)}`,
  );
  const target = defaultTargets ? '  (target <= 1.21)' : '  (the 1.21 target is for default)';
  console.log(
    `median CI hi/lo, throughput ratios    ${fmt(median(throughput))} over ${throughput.length}${target}`,
  );
  console.log(`median CI hi/lo, ops/s ratios         ${fmt(median(ops))} over ${ops.length}`);
  const m = median(all);
  console.log(
    `median CI hi/lo, both                 ${fmt(m)} over ${all.length}   ${defaultTargets ? mark(m !== null && m <= 1.21) : ''}`,
  );
  const longest = Math.max(a.elapsedMs, b.elapsedMs);
  console.log(
    `longest run (target <= 8 min default) ${minutes(longest)}   ${defaultTargets ? mark(longest <= 8 * 60_000) : ''}`,
  );
  if (flagged.length > 0) {
    console.log('\nflagged (false alarms):');
    for (const r of flagged)
      console.log(
        `  ${r.runtime} ${r.scenario} ${r.case} ${r.figure}: b/a ${r.ratio?.toFixed(3)} [${r.ciLow?.toFixed(3)}–${r.ciHigh?.toFixed(3)}] ${r.verdict}`,
      );
  }
  if (insufficient.length > 0) {
    console.log('\ninsufficient data (fewer than 2 repeats on a side, or a value <= 0 that has no log):');
    for (const r of insufficient) {
      const values = (s) => s.values.map((v) => Number(v.toPrecision(3))).join(', ');
      console.log(
        `  ${r.runtime} ${r.scenario} ${r.case} ${r.figure}: a [${values(r.base)}] b [${values(r.candidate)}]`,
      );
    }
  }
  if (notes.length > 0) console.log(`\nnotes:\n  ${notes.join('\n  ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
