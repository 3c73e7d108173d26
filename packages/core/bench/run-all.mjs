/**
 * `npm run bench:core`: runs core-bench.mjs once per runtime (node, deno, bun), each in its own
 * child process against the built dist/, and prints one table per runtime. Runs on Node; this
 * orchestrator is not part of the published library, so it may use node:* modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benchFile = join(here, 'core-bench.mjs');
const distUrl = pathToFileURL(`${join(here, '..', 'dist')}/`).href;
const pLimitUrl = import.meta.resolve('p-limit');

/** The workspace's pinned deno/bun binaries, found in the nearest node_modules/.bin. */
function localBin(name) {
  for (let dir = here; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return name;
  }
}

const runtimes = [
  { name: 'node', cmd: process.execPath, args: ['--expose-gc', benchFile] },
  { name: 'deno', cmd: localBin('deno'), args: ['run', '-A', '--v8-flags=--expose-gc', benchFile] },
  { name: 'bun', cmd: localBin('bun'), args: [benchFile] },
];
// Arguments: runtime names to run (default all), and --strict to exit non-zero when a target is
// missed. Without --strict only a runtime that fails to report is an error: speed on a shared
// machine is a figure to read, not a gate.
const strict = process.argv.includes('--strict');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}

function table(result) {
  const rows = [['case', 'core ops/s', 'baseline ops/s', 'ratio', 'target', 'result']];
  for (const c of result.cases) {
    if (c.skipped) {
      rows.push([c.label, '-', '-', '-', `>=${c.target}x`, `SKIPPED (${c.skipped})`]);
      continue;
    }
    rows.push([
      c.label,
      fmt(c.core),
      `${fmt(c.baseline)} (${c.baselineName})`,
      `${c.ratio.toFixed(2)}x`,
      `>=${c.target}x`,
      c.pass ? 'PASS' : 'FAIL',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

let failed = false;
let missed = false;
for (const rt of runtimes) {
  if (only.length > 0 && !only.includes(rt.name)) continue;
  const child = spawnSync(rt.cmd, [...rt.args, distUrl, pLimitUrl], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  const line = (child.stdout ?? '').trim().split('\n').pop();
  let result;
  try {
    result = JSON.parse(line);
  } catch {
    console.log(`\n## ${rt.name}: bench did not report (exit ${child.status ?? child.error?.message})`);
    console.log((child.stderr ?? '').trim().split('\n').slice(-10).join('\n'));
    failed = true;
    continue;
  }
  console.log(`\n## ${result.runtime} ${result.version} (median of ${result.rounds} interleaved rounds)\n`);
  console.log(table(result));
  if (result.cases.some((c) => c.pass === false)) missed = true;
}
console.log(
  '\nFigures are wall-clock throughput on this machine at this moment; a shared or busy machine adds noise.',
);
process.exitCode = failed || (strict && missed) ? 1 : 0;
