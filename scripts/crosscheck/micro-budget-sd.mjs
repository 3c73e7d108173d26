#!/usr/bin/env node
/**
 * What a micro case's sample time buys: for each runtime x case, `--procs` fresh processes at each
 * sample time (`--times`, ms, or ms/warm-up ms), interleaved (a, b, a, b, ...: both see the same drift), each printing
 * the case's ops/s alone in its process (micro-budget.mjs). Prints per sample time the spread of
 * ops/s between processes (sd of log values, %), what a process cost (wall ms), and the A/A
 * interval that spread gives (hi/lo of a Welch 95% CI of run a over run b with n processes each,
 * n = 3, 5). The question: the run's repeats (processes) narrow a micro figure's interval, so is a
 * shorter sample in more processes the better use of the same time?
 *
 *   node scripts/crosscheck/micro-budget-sd.mjs [--procs 6] [--times 400,200] [--runtimes node,deno,bun]
 *                                               [--cases tasks/gather-10,errors/throw-catch,...]
 *
 * Run under the shared lock on a quiet machine: flock -o /tmp/asyncbench-measure.lock node ...
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseFlags } from './flags.mjs';
import { adapterDist, command, root } from './runtime-command.mjs';

const run = promisify(execFile);
const values = parseFlags(
  'micro-budget-sd',
  {
    procs: { type: 'string', default: '6' },
    times: { type: 'string', default: '400,200' },
    runtimes: { type: 'string', default: 'node,deno,bun' },
    cases: {
      type: 'string',
      default:
        'tasks/await-async-call,tasks/gather-10,tasks/task-group-100,errors/throw-catch,errors/task-group-10-ok,queue/put-get,queue/semaphore-acquire-release',
    },
  },
  '[--procs 6] [--times 400,200] [--runtimes node,deno,bun] [--cases scenario/case,...]',
);
if (!(Number(values.procs) >= 3)) {
  console.error('micro-budget-sd: --procs must be a number >= 3');
  process.exit(2);
}
const procs = Number(values.procs);
const times = values.times.split(',');
const T975 = { 4: 2.776, 8: 2.306 }; // Student's t, 0.975, df = 2n - 2 for n = 3, 5 (equal sd)
const sdLog = (xs) => {
  const l = xs.map(Math.log);
  const m = l.reduce((a, b) => a + b, 0) / l.length;
  return Math.sqrt(l.reduce((a, b) => a + (b - m) ** 2, 0) / (l.length - 1));
};
const aa = (s, n) => Math.exp(2 * T975[2 * n - 2] * s * Math.sqrt(2 / n));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

console.log('runtime  case                                      ms   sd%   proc ms  A/A n=3  A/A n=5');
const summary = new Map(times.map((t) => [t, []]));
for (const runtime of values.runtimes.split(',')) {
  for (const id of values.cases.split(',')) {
    const [scenario, caseId] = id.split('/');
    const got = new Map(times.map((t) => [t, []]));
    for (let i = 0; i < procs; i++) {
      for (const t of times) {
        const [file, argv] = command(runtime, 'scripts/crosscheck/micro-budget.mjs', [
          adapterDist(runtime),
          scenario,
          caseId,
          t,
        ]);
        const t0 = performance.now();
        const { stdout } = await run(file, argv, { cwd: root, timeout: 60_000 });
        const ms = performance.now() - t0;
        got.get(t).push({ ops: JSON.parse(stdout.trim().split('\n').at(-1)).opsPerSec, ms });
      }
    }
    for (const t of times) {
      const xs = got.get(t);
      const s = sdLog(xs.map((x) => x.ops));
      summary.get(t).push({ s, ms: median(xs.map((x) => x.ms)) });
      console.log(
        `${runtime.padEnd(8)} ${id.padEnd(38)} ${t.padStart(7)} ${(100 * s).toFixed(1).padStart(5)} ${median(
          xs.map((x) => x.ms),
        )
          .toFixed(0)
          .padStart(8)}  ${aa(s, 3).toFixed(3)}    ${aa(s, 5).toFixed(3)}`,
      );
    }
  }
}
console.log('');
for (const t of times) {
  const rows = summary.get(t);
  const s = median(rows.map((r) => r.s));
  const ms = median(rows.map((r) => r.ms));
  console.log(
    `sample ${t} ms: median sd ${(100 * s).toFixed(1)}%, median process ${ms.toFixed(0)} ms, A/A hi/lo at median sd: n=3 ${aa(s, 3).toFixed(3)}, n=5 ${aa(s, 5).toFixed(3)}`,
  );
}
