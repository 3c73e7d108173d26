#!/usr/bin/env node
/**
 * A/B check with a known truth (issue 9): the timers scenario with each unit waiting d = 20 ms as
 * A, and with d raised by 15% to 23 ms as B (`--param unitMs=...` on both sides, the rest of the
 * profile unchanged). Timers' throughput is d-bound in every mode (N*d one after another,
 * d*ceil(N/c) concurrently), so B's throughput is A's / 1.15, and `asyncbench compare
 * --ignore-params` must call each case's throughput slower with a 95% CI that holds the truth.
 * The truth is a little above 1/1.15 = 0.870: every wait step ("slot") takes d plus a lateness δ
 * (the timer firing late, the round's own bookkeeping), the same δ on both sides, so the true
 * ratio is (d + δ) / (1.15 d + δ). δ is taken from run A alone (its efficiency e = d / slot time,
 * so a slot lasts d / e), a prediction run B can contradict: truth = (d/e) / (d/e + 3 ms). Both the
 * nominal 0.870 and the lateness-corrected truth are printed, with how many intervals hold each.
 * Why not the profile's own d (quick 5, default 10 ms) times 1.15: setTimeout truncates a
 * fractional delay to whole ms (Node's timers docs; WHATWG's timeout argument is a `long`), so
 * 5.75 ms waits 5 and only the blocking mode (Atomics.wait, fractional) would see the change.
 *
 *   node scripts/ab-check.mjs [--profile quick|default|full] [--runtimes node,deno,bun]
 *                             [--horizon 7%] [--max-time 2m]
 *
 * Prints, with the load average, per runtime x case: b/a, its CI, the verdict and whether the CI
 * holds 0.870; then how many were called slower and how many intervals hold the truth. Run it
 * under the shared lock: `flock /tmp/asyncbench-measure.lock npm run bench:ab`.
 * Exit 0 once printed, 1 when a run failed to write results, 2 on bad input.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareJson,
  load,
  mark,
  median,
  parseCheckArgs,
  runCli,
  samplingLine,
} from './known-truth/runs.mjs';

const SYNOPSIS = '[--profile quick|default|full] [--runtimes a,b] [--horizon p] [--max-time d]';
const PASSED = ['--runtimes', '--horizon', '--max-time'];
const { profile, passed } = parseCheckArgs('ab-check', process.argv.slice(2), PASSED, SYNOPSIS);

// Whole milliseconds on both sides (see above), 15% apart.
const d = 20;
const raised = 23; // d * 1.15, whole ms
const truth = d / raised;

console.log(
  `A/B check, ${profile} profile, timers d = ${d} ms (A) vs ${raised} ms (B), true b/a ${truth.toFixed(3)}; load average (1 min) ${load()}`,
);
const dir = mkdtempSync(join(tmpdir(), 'asyncbench-ab-'));
try {
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  const common = ['--profile', profile, '--scenarios', 'timers', ...passed];
  const a = runCli([...common, '--param', `unitMs=${d}`], join(dir, 'a'));
  const b = runCli([...common, '--param', `unitMs=${raised}`], join(dir, 'b'));
  const { rows, notes } = compareJson(a.file, b.file, ['--ignore-params']);
  const main = rows.filter((r) => r.main && r.figure === 'throughput');
  console.log('');
  console.log(samplingLine('run a', a));
  console.log(samplingLine('run b', b));
  console.log(`load average (1 min) after: ${load()}`);
  console.log('');
  const f = (v) => (v === null || v === undefined ? '—' : v.toFixed(3));
  const holds = (r, t) => t !== null && r.ciLow !== null && r.ciLow <= t && t <= r.ciHigh;
  const slotMs = slotTimes(a.run);
  const corrected = (r) => {
    const slot = slotMs.get(`${r.runtime}/${r.case}`);
    return slot === undefined ? null : slot / (slot + raised - d);
  };
  console.log(`  ${''.padEnd(35)} b/a   [95% CI]       verdict${''.padEnd(19)} 0.870  slot A  truth  holds`);
  for (const r of main) {
    const t = corrected(r);
    const slot = slotMs.get(`${r.runtime}/${r.case}`);
    console.log(
      `  ${r.runtime.padEnd(6)} ${r.case.padEnd(28)} ${f(r.ratio)} [${f(r.ciLow)}–${f(r.ciHigh)}] ${r.verdict.padEnd(26)} ${holds(r, truth) ? 'yes' : 'no '}    ${slot === undefined ? '—' : `${slot.toFixed(2)}ms`} ${f(t)}  ${holds(r, t) ? 'yes' : 'no'}`,
    );
  }
  const slower = main.filter((r) => r.verdict === 'slower').length;
  const holdingNominal = main.filter((r) => holds(r, truth)).length;
  const holding = main.filter((r) => holds(r, corrected(r))).length;
  console.log('');
  console.log(`throughput figures                  ${main.length}`);
  console.log(
    `called slower (target all)          ${slower}   ${mark(slower === main.length && main.length > 0)}`,
  );
  console.log(`CI holds 1/1.15 = ${truth.toFixed(3)} exactly          ${holdingNominal}`);
  // Intervals are 95% ones: about 1 in 20 may miss the truth by chance alone.
  const expected = Math.floor(main.length * 0.95 - 2 * Math.sqrt(main.length * 0.95 * 0.05));
  console.log(
    `CI holds the lateness-corrected truth (target >= ${expected} of ${main.length}: 95% coverage less 2 sd) ${holding}   ${mark(holding >= expected && main.length > 0)}`,
  );
  const differing = notes.filter((n) => n.includes('compared anyway')).length;
  console.log(`cases compared with differing params ${differing} (unitMs, by design)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Run A's time per wait step ("slot"), ms, per `runtime/case`: d / efficiency, the median over
 * its repeats (efficiency = ideal / observed wall time, ideal = d per slot).
 */
function slotTimes(run) {
  const slots = new Map();
  for (const entry of run.entries) {
    const byCase = new Map();
    for (const repeat of entry.repeats) {
      for (const c of repeat.results ?? []) {
        const eff = c.workload?.efficiency;
        if (typeof eff !== 'number' || !(eff > 0)) continue;
        byCase.set(c.case, [...(byCase.get(c.case) ?? []), d / eff]);
      }
    }
    for (const [name, values] of byCase) slots.set(`${entry.runtime}/${name}`, median(values));
  }
  return slots;
}
