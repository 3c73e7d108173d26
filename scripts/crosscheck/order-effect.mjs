#!/usr/bin/env node
/**
 * Does a micro case's figure depend on what ran before it in the same process, and under which
 * measuring tool? For each runtime and scenario, per micro case, the median over --repeats fresh
 * processes of:
 * - adapter: the adapter as a run starts it (`main.js --scenarios <s>`): every case of the
 *   scenario, workload cases included, in catalogue order, in one process;
 * - ours seq / mitata seq / hand seq: the scenario's cases in catalogue order in one process, the
 *   micro cases measured by asyncbench's micro runner, by mitata's measure(), by a hand-timed loop
 *   (micro-case.mjs); the workload cases that need no setup (queue's) run first, untimed, with
 *   --after-workloads (on by default; --no-after-workloads: the micro cases only);
 * - ours alone / mitata alone / hand alone: that case alone in a fresh process.
 * Not a test: it prints ns per op and never fails on figures.
 *
 *   node scripts/crosscheck/order-effect.mjs [--runtimes node,deno,bun] [--scenarios tasks,errors,queue]
 *        [--cases id,id] [--ways adapter,ours,mitata,hand] [--profile default] [--repeats 3]
 *        [--no-after-workloads]
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseFlags } from './flags.mjs';
import { adapterDist, command, root, runJson } from './runtime-command.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const flags = parseFlags(
  'order-effect',
  {
    runtimes: { type: 'string', default: 'node,deno,bun' },
    scenarios: { type: 'string', default: 'tasks,errors,queue' },
    cases: { type: 'string' },
    ways: { type: 'string', default: 'adapter,ours,mitata,hand' },
    profile: { type: 'string', default: 'default' },
    repeats: { type: 'string', default: '3' },
    'after-workloads': { type: 'boolean', default: true },
  },
  '[--runtimes a,b] [--scenarios a,b] [--cases a,b] [--ways adapter,ours,mitata,hand] [--profile p] [--repeats n] [--no-after-workloads]',
  { allowNegative: true },
);
const repeats = Number(flags.repeats);
const ways = flags.ways.split(',');
const only = flags.cases ? new Set(flags.cases.split(',')) : null;
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];

/** The adapter as the CLI starts it; { case: meanNs } of its micro results. */
async function adapterRun(runtime, scenario) {
  const [file, argv] = command(runtime, join(adapterDist(runtime), 'main.js'), [
    '--scenarios',
    scenario,
    '--profile',
    flags.profile,
  ]);
  const { stdout } = await run(file, argv, { cwd: root, maxBuffer: 1 << 24, timeout: 300_000 });
  const out = {};
  for (const line of stdout.trim().split('\n')) {
    const l = JSON.parse(line);
    if (l.type === 'result' && l.result.kind === 'micro')
      out[l.result.case] = { meanNs: l.result.micro.meanNs };
  }
  return out;
}

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`load average before ${load()}; profile ${flags.profile}; median of ${repeats} processes each`);
const head = [
  'runtime',
  'case',
  ...ways.flatMap((w) => (w === 'adapter' ? ['adapter'] : [`${w} seq`, `${w} alone`])),
];
const rows = [];
for (const runtime of flags.runtimes.split(',')) {
  const dist = adapterDist(runtime);
  for (const scenario of flags.scenarios.split(',')) {
    const { catalogue } = await import(`file://${join(adapterDist('node'), 'scenarios.js')}`);
    const s = catalogue.find((x) => x.id === scenario);
    const micro = (await s.cases(s.params[flags.profile], null))
      .filter((c) => c.kind === 'micro')
      .map((c) => c.id);
    const shown = micro.filter((id) => !only || only.has(id));
    if (shown.length === 0) continue;
    // In a sequence, only the cases up to the last one shown matter to it.
    const prefix = micro.slice(0, micro.indexOf(shown.at(-1)) + 1);
    const cells = Object.fromEntries(shown.map((id) => [id, {}]));
    for (const way of ways) {
      const seqRuns = [];
      for (let i = 0; i < repeats; i++) {
        seqRuns.push(
          way === 'adapter'
            ? await adapterRun(runtime, scenario)
            : await runJson(runtime, join(here, 'micro-case.mjs'), [
                dist,
                flags.profile,
                scenario,
                way,
                prefix.join(','),
              ]),
        );
      }
      for (const id of shown) {
        cells[id][way === 'adapter' ? 'adapter' : `${way} seq`] = median(seqRuns.map((r) => r[id].meanNs));
        if (way === 'adapter') continue;
        const alone = [];
        for (let i = 0; i < repeats; i++) {
          const r = await runJson(runtime, join(here, 'micro-case.mjs'), [
            dist,
            flags.profile,
            scenario,
            way,
            id,
          ]);
          alone.push(r[id].meanNs);
        }
        cells[id][`${way} alone`] = median(alone);
      }
    }
    for (const id of shown)
      rows.push([runtime, `${scenario}/${id}`, ...head.slice(2).map((h) => cells[id][h])]);
  }
}
console.log(`load average after ${load()}; ns per op (mean)`);
const fmt = (v) =>
  v === undefined ? '-' : v >= 100 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3);
const body = rows.map((r) => r.map((v, i) => (i < 2 ? v : fmt(v))));
const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
for (const line of [head, ...body]) console.log(line.map((v, i) => v.padEnd(widths[i])).join('  '));
