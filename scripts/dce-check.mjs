#!/usr/bin/env node
/**
 * The dead-code check's figures (issue 9, item 4): does a micro op's time grow with its work? The
 * harness times batches of n and 2n ops, interleaved, and records workRatio = time(2n) / time(n);
 * results flags dead-code below MIN_WORK_RATIO (packages/results/src/flags.ts). This prints, per
 * runtime x case, ns per op, the batch, workRatio and the dead-code reasons, for
 *   1. the catalogue's micro cases (tasks, queue, errors): real work, must stay near 2;
 *   2. scripts/dce/work-check.bench.ts: ops whose work has no observable effect, beside the same
 *      work kept (the known truth: what a JIT may delete);
 * then, per known-truth op, the dead-code flag expected and got (a mismatch marked ✗), the lowest
 * workRatio of each group per runtime, and the check's cost: its batches over the case's measuring
 * time, both from the results (samples x batch x ns per op; the check's pairs are not recorded,
 * so an upper bound: at least 3, at most 10 pairs of n + 2n ops, more only while within 3% of the
 * profile's measuring budget, harness micro.ts).
 *
 *   node scripts/dce-check.mjs [--profile quick|default|full] [--runtimes node,deno,bun] [--repeats n]
 *                              [--only catalogue|known]
 *   node scripts/dce-check.mjs run.json ...      (print the same from existing results files)
 *
 * Run it under the shared lock: `flock /tmp/asyncbench-measure.lock node scripts/dce-check.mjs`.
 * The threshold is a constant of the results package, read from its build (npm run build first).
 * Exit 0 once printed, 1 when a run wrote no results or a known-truth op was not flagged as
 * expected, 2 on bad input.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MICRO_BUDGETS } from '@asyncbench/harness';
import { MIN_WORK_RATIO } from '@asyncbench/results';
import { load, parseCheckArgs, root, runCli, usage } from './known-truth/runs.mjs';

const SYNOPSIS =
  '[--profile quick|default|full] [--runtimes a,b] [--repeats n] [--only catalogue|known] | run.json ...';
const KNOWN = join(root, 'scripts/dce/work-check.bench.ts');
/** The work check's pairs of n + 2n ops and budget share (harness micro.ts WORK_MIN_PAIRS, …). */
const MIN_PAIRS = 3;
const MAX_PAIRS = 10;
const BUDGET_SHARE = 0.03;
/**
 * The known truth of work-check.bench.ts, by case id: `empty` for work a JIT may delete (caught by
 * the empty-loop or 1 ns rules), `work` for a cost paid once per turn (caught by the work check),
 * null for work kept (never flagged).
 */
const EXPECTED = {
  'empty-body': 'empty',
  'unused-math-sqrt': 'empty',
  'unused-object': 'empty',
  'kept-arithmetic': null,
  'kept-array-map': null,
  'store-set-render-once-per-turn': 'work',
};

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
/** The dead-code flag's reasons in a word each (flags.ts wording): `empty`, `<1ns`, `work`. */
function reasons(flag) {
  if (!flag) return [];
  return [
    ...(flag.detail.includes('of the empty loop') ? ['empty'] : []),
    ...(flag.detail.includes('under 1 ns') ? ['<1ns'] : []),
    ...(flag.detail.includes('2× the ops took') ? ['work'] : []),
  ];
}
/** Whether the got reasons meet an expectation of EXPECTED. */
function asExpected(expected, got) {
  if (expected === null) return got.length === 0;
  if (expected === 'work') return got.includes('work');
  return got.includes('empty') || got.includes('<1ns');
}
const budgetMs = MICRO_BUDGETS[profile]?.timeMs ?? MICRO_BUDGETS.default.timeMs;
const shares = [];
let mismatches = 0;
for (const { label, run } of runs) {
  const known = label === 'work-check.bench.ts' || run.entries.some((e) => e.scenario === 'work-check');
  console.log(
    `\n${label}: runtime, scenario/case, ns per op, batch, workRatio per repeat, work check's share of ` +
      `measuring (at most), dead-code reasons${known ? ' expected → got' : ''}`,
  );
  const lowest = new Map();
  for (const e of run.entries) {
    for (const c of e.cases.filter((x) => x.kind === 'micro')) {
      const stats = e.repeats.flatMap((r) =>
        r.status === 'ok' ? r.results.filter((x) => x.case === c.case).map((x) => x.micro) : [],
      );
      const ratios = stats.map((m) => m.workRatio).filter((v) => v !== undefined);
      const ns = stats.map((m) => m.meanNs);
      const batch = Math.max(...stats.map((m) => m.batch));
      // The check's time, at most (see the module comment), over the time tinybench measured.
      const share = Math.max(
        ...stats.map((m) => {
          const pairMs = (3 * m.batch * m.p50Ns) / 1e6;
          const checkMs = Math.min(
            MAX_PAIRS * pairMs,
            Math.max(MIN_PAIRS * pairMs, BUDGET_SHARE * budgetMs + pairMs),
          );
          return m.workRatio === undefined ? 0 : checkMs / ((m.samples * m.batch * m.meanNs) / 1e6);
        }),
      );
      shares.push(share);
      const got = reasons((c.flags ?? []).find((x) => x.kind === 'dead-code'));
      const gotText = got.length > 0 ? `dead-code (${got.join('+')})` : '—';
      let verdict = gotText;
      if (known) {
        const expected = EXPECTED[c.case];
        const expectedText =
          expected === undefined
            ? '?'
            : expected === null
              ? '—'
              : `dead-code (${expected === 'empty' ? 'empty or <1ns' : expected})`;
        const ok = expected !== undefined && asExpected(expected, got);
        if (!ok) mismatches++;
        verdict = `${expectedText} → ${gotText}  ${ok ? 'ok' : '✗ MISMATCH'}`;
      }
      console.log(
        `  ${e.runtime.padEnd(5)} ${`${e.scenario}/${c.case}`.padEnd(42)} ${f(Math.min(...ns)).padStart(10)} ns  ` +
          `${String(batch).padStart(8)}  ${ratios
            .map((r) => f(r))
            .join(' ')
            .padEnd(16)} ` +
          `≤ ${f(100 * share, 1).padStart(4)}%  ${verdict}`,
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
if (shares.length > 0) {
  const sorted = [...shares].sort((a, b) => a - b);
  console.log(
    `\nthe work check's share of measuring time, at most: median ${f(100 * sorted[sorted.length >> 1], 1)}%, ` +
      `highest ${f(100 * sorted[sorted.length - 1], 1)}% over ${shares.length} cases ` +
      `(${MIN_PAIRS}-${MAX_PAIRS} pairs of n + 2n ops, more only within ${BUDGET_SHARE * 100}% of the ${budgetMs} ms budget)`,
  );
}
if (mismatches > 0) {
  console.log(`${mismatches} known-truth op${mismatches === 1 ? '' : 's'} not flagged as expected (✗ above)`);
  process.exit(1);
}
