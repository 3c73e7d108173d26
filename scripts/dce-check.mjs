#!/usr/bin/env node
/**
 * The dead-code check's figures (issue 9, item 4): does a micro op's time grow with its work? The
 * harness times batches of n and 2n ops, interleaved, and records workRatio = time(2n) / time(n);
 * results flags dead-code below MIN_WORK_RATIO (packages/results/src/flags.ts). This prints, per
 * runtime x case, ns per op, the batch, workRatio and the dead-code reasons, for
 *   1. the catalogue's micro cases (tasks, queue, errors): real work, must stay near 2;
 *   2. scripts/dce/work-check.bench.ts: ops whose work has no observable effect, beside the same
 *      work kept (the known truth: what a JIT may delete);
 * then the lowest workRatio of each group per runtime, and the check's cost: its batches (10 pairs
 * of n + 2n ops at most, from the measured batch x ns per op) over the case's measuring budget.
 *
 *   node scripts/dce-check.mjs [--profile quick|default|full] [--runtimes node,deno,bun] [--repeats n]
 *                              [--only catalogue|known]
 *   node scripts/dce-check.mjs run.json ...      (print the same from existing results files)
 *
 * Run it under the shared lock: `flock /tmp/asyncbench-measure.lock node scripts/dce-check.mjs`.
 * The threshold is a constant of the results package, read from its build (npm run build first).
 * Exit 0 once printed, 1 when a run wrote no results, 2 on bad input.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIN_WORK_RATIO } from '@asyncbench/results';
import { load, parseCheckArgs, root, runCli, usage } from './known-truth/runs.mjs';

const SYNOPSIS =
  '[--profile quick|default|full] [--runtimes a,b] [--repeats n] [--only catalogue|known] | run.json ...';
const KNOWN = join(root, 'scripts/dce/work-check.bench.ts');
/** The harness's profile budgets (packages/harness/src/profiles.ts): measuring + warm-up, ms. */
const CASE_MS = { quick: 150 + 30, default: 500 + 100, full: 1500 + 250 };
/** At most this many pairs of n + 2n ops (harness micro.ts WORK_MAX_PAIRS). */
const MAX_PAIRS = 10;

const argv = process.argv.slice(2);
const files = argv.filter((a) => a.endsWith('.json'));
let runs;
let profile;
if (files.length > 0) {
  runs = files.map((f) => ({ label: f, run: JSON.parse(readFileSync(f, 'utf8')) }));
  profile = runs[0].run.profile ?? 'default';
} else {
  // --only catalogue|known: one of the two runs.
  const at = argv.indexOf('--only');
  const only = at >= 0 ? argv.splice(at, 2)[1] : null;
  if (only !== null && only !== 'catalogue' && only !== 'known')
    usage('dce-check', `--only takes catalogue or known, not "${only}"`, SYNOPSIS);
  const parsed = parseCheckArgs('dce-check', argv, ['--runtimes', '--repeats'], SYNOPSIS);
  profile = parsed.profile;
  const common = ['--profile', profile, '--max-time', '0', ...parsed.passed];
  if (!parsed.passed.includes('--repeats')) common.push('--repeats', '1');
  console.log(`dead-code check, ${profile} profile; load average (1 min) ${load()}`);
  const dir = mkdtempSync(join(tmpdir(), 'asyncbench-dce-'));
  runs = [];
  try {
    for (const [name, label, args] of [
      ['catalogue', 'catalogue', ['--scenarios', 'tasks,queue,errors']],
      ['known', 'work-check.bench.ts', [KNOWN]],
    ]) {
      if (only !== null && only !== name) continue;
      mkdirSync(join(dir, name));
      runs.push({ label, run: runCli([...args, ...common], join(dir, name)).run });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`load average (1 min) after: ${load()}`);
}

const f = (v, digits = 2) => (v === undefined || v === null ? '—' : v.toFixed(digits));
for (const { label, run } of runs) {
  console.log(`\n${label}: runtime, scenario/case, ns per op, batch, workRatio per repeat, dead-code flag`);
  const lowest = new Map();
  for (const e of run.entries) {
    for (const c of e.cases.filter((x) => x.kind === 'micro')) {
      const stats = e.repeats.flatMap((r) =>
        r.status === 'ok' ? r.results.filter((x) => x.case === c.case).map((x) => x.micro) : [],
      );
      const ratios = stats.map((m) => m.workRatio).filter((v) => v !== undefined);
      const ns = stats.map((m) => m.meanNs);
      const batch = Math.max(...stats.map((m) => m.batch));
      // The check's batches, at most: MAX_PAIRS x (n + 2n) ops at the measured ns per op.
      const costMs = (MAX_PAIRS * 3 * batch * Math.max(...ns)) / 1e6;
      const flag = (c.flags ?? []).find((x) => x.kind === 'dead-code');
      console.log(
        `  ${e.runtime.padEnd(5)} ${`${e.scenario}/${c.case}`.padEnd(42)} ${f(Math.min(...ns)).padStart(10)} ns  ` +
          `${String(batch).padStart(8)}  ${ratios
            .map((r) => f(r))
            .join(' ')
            .padEnd(16)} ` +
          `cost ≤ ${f((100 * costMs) / CASE_MS[profile], 1)}%  ${flag ? `DEAD-CODE: ${flag.detail}` : ''}`,
      );
      if (ratios.length > 0) {
        const min = Math.min(...ratios);
        const prev = lowest.get(e.runtime);
        if (!prev || min < prev.min) lowest.set(e.runtime, { min, where: `${e.scenario}/${c.case}` });
      }
    }
  }
  for (const [runtime, { min, where }] of lowest)
    console.log(`  lowest workRatio on ${runtime}: ${f(min)} (${where}); flagged below ${MIN_WORK_RATIO}`);
}
