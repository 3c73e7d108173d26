#!/usr/bin/env node
/**
 * Regenerates the real-run fixtures the tests read, by running asyncbench for real (never by
 * writing figures by hand):
 *
 *   npm run build && node packages/results/scripts/make-fixtures.mjs [quick.json] [sweep.json] [responsiveness.json]
 *
 * test-support/runs/quick.json: `asyncbench run --profile quick --repeats 3` of timers, tasks,
 * http and files on node, deno and bun, plus db-pg without a PostgreSQL URL (skipped by its
 * declared requirement). test-support/runs/sweep.json: timers with `--param concurrency=1,2,4,8,16,32`
 * on the same runtimes, 2 repeats (one scenario per point, ScenarioInfo.sweep).
 * test-support/runs/responsiveness.json: responsiveness on node, deno, bun and chromium, 2 repeats
 * (input delay figures from a worker and from real DOM input). test-support/runs/micro.json: the
 * micro scenarios tasks, queue and errors on node, deno and bun, 2 repeats; work-check.json:
 * scripts/dce/work-check.bench.ts on the same, 2 repeats (the dead-code check's known truth). Stored as compact
 * JSON (same data as the CLI's pretty-printed file). `make-fixtures.mjs sweep.json` writes one.
 * Runs under the shared measurement lock (/tmp/asyncbench-measure.lock) when flock is available.
 *
 * test-support/runs/v1-node.json is not regenerated here: it is a real run written by asyncbench
 * before schemaVersion 2 (commit 010c703), kept to prove old files are still read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const common = ['--profile', 'quick', '--no-report'];
const three = ['--runtimes', 'node,deno,bun'];
const FIXTURES = {
  'quick.json': [...three, '--scenarios', 'timers,tasks,http,files,db-pg', '--repeats', '3'],
  'sweep.json': [...three, '--scenarios', 'timers', '--repeats', '2', '--param', 'concurrency=1,2,4,8,16,32'],
  'responsiveness.json': [
    '--runtimes',
    'node,deno,bun,chromium',
    '--scenarios',
    'responsiveness',
    '--repeats',
    '2',
  ],
  // The dead-code check's real data (flags.ts workRatio): the catalogue's micro scenarios, and ops
  // whose work has no observable effect beside the same work kept.
  'micro.json': [...three, '--scenarios', 'tasks,queue,errors', '--repeats', '2', '--max-time', '0'],
  'work-check.json': [
    ...three,
    join(root, 'scripts/dce/work-check.bench.ts'),
    '--repeats',
    '2',
    '--max-time',
    '0',
  ],
};
const only = process.argv.slice(2);
const env = { ...process.env };
delete env.ASYNCBENCH_PG_URL;
const hasFlock = spawnSync('flock', ['--version']).status === 0;
for (const [name, extra] of Object.entries(FIXTURES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const out = mkdtempSync(join(tmpdir(), 'asyncbench-fixture-'));
  const args = [join(root, 'apps/cli/bin/asyncbench.js'), 'run', ...common, ...extra, '--out', out];
  const [command, argv] = hasFlock
    ? ['flock', ['/tmp/asyncbench-measure.lock', process.execPath, ...args]]
    : [process.execPath, args];
  try {
    execFileSync(command, argv, { cwd: root, env, stdio: 'inherit' });
    const file = readdirSync(out).find((n) => n.endsWith('.json'));
    const run = JSON.parse(readFileSync(join(out, file), 'utf8'));
    const target = join(here, '../test-support/runs', name);
    writeFileSync(target, `${JSON.stringify(run)}\n`);
    console.log(`wrote ${target} (${run.entries.length} entries, load ${loadavg()[0].toFixed(2)})`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
