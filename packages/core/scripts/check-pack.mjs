/**
 * `npm run check:pack`: proves the published package is what it should be. Packs core with
 * `npm pack` (which runs the prepack/postpack manifest clean-up), then checks that the tarball
 * holds only ESM, .d.ts, README.md and package.json (no tests, test-support, bench or sources),
 * that its manifest points only at files it contains, and that a fresh consumer project that
 * installs the tarball can import it and run a limiter and a task on node, deno and bun, and
 * type-check against its .d.ts. Also runs `deno publish --dry-run` for the JSR side (offline).
 * Exits 1 on the first failed check with one line saying which. Runs on Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'core-pack-'));

function fail(message) {
  console.error(`check:pack: ${message}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

/** Runs a command; a failure ends the check with one line naming the command. */
function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const detail = `${err.stderr ?? ''}${err.stdout ?? ''}`.trim().split('\n').slice(-2).join(' / ');
    fail(`${[cmd.split('/').pop(), ...args].join(' ')} failed${detail ? `: ${detail}` : ''}`);
  }
}

/** The workspace's pinned deno/bun binaries (nearest node_modules/.bin), else from PATH. */
function localBin(name) {
  for (let dir = pkgDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return name;
  }
}

// 1. Pack, and look inside.
const tarball = join(
  work,
  run('npm', ['pack', '--silent', '--pack-destination', work], pkgDir).trim().split('\n').pop(),
);
run('tar', ['xzf', tarball], work);
const root = join(work, 'package');
const files = [];
(function walk(dir, prefix) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) walk(join(dir, entry.name), path);
    else files.push(path);
  }
})(root, '');
const unexpected = files.filter(
  (f) => !(f === 'README.md' || f === 'package.json' || /^dist\/[\w-]+\.(js|d\.ts)$/.test(f)),
);
if (unexpected.length > 0) fail(`unexpected files in the tarball: ${unexpected.join(', ')}`);
if (!files.includes('dist/index.js') || !files.includes('dist/index.d.ts'))
  fail('dist/index.js or .d.ts missing');
if (files.some((f) => f.includes('.test.'))) fail('a test file was packed');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const targets = JSON.stringify(manifest.exports).match(/"\.\/[^"]+"/g) ?? [];
for (const t of targets)
  if (!files.includes(JSON.parse(t).slice(2))) fail(`exports points at ${t}, not in the tarball`);
for (const key of ['devDependencies', 'scripts', 'clean-package'])
  if (key in manifest) fail(`manifest still has ${key}`);
if (readFileSync(join(pkgDir, 'package.json'), 'utf8').includes('"source"') === false) {
  fail('the workspace package.json lost its source condition (postpack did not restore it)');
}

// 2. A consumer installs the tarball and uses it on each runtime.
const consumer = join(work, 'consumer');
run('mkdir', ['-p', consumer]);
writeFileSync(
  join(consumer, 'package.json'),
  JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
);
run('npm', ['install', '--no-audit', '--no-fund', '--offline', tarball], consumer);
const smoke = `import { limit, createTask, TaskGroup, Queue } from '@asyncbench/core';
const run = limit(2);
const out = await Promise.all([1, 2, 3].map((n) => run(() => n * 2)));
const q = new Queue();
const task = createTask((signal) => q.get({ signal }));
await null;
q.putNowait('item');
task.cancel();
const got = await task;
const total = await TaskGroup.run((tg) => tg.createTask(async () => 40).then((v) => v + 2));
if (out.join() !== '2,4,6' || got !== 'item' || total !== 42) throw new Error('wrong results');
console.log('ok');
`;
writeFileSync(join(consumer, 'smoke.mjs'), smoke);
const runtimes = {
  node: [process.execPath, ['smoke.mjs']],
  deno: [localBin('deno'), ['run', '-A', 'smoke.mjs']],
  bun: [localBin('bun'), ['smoke.mjs']],
};
for (const [name, [cmd, args]] of Object.entries(runtimes)) {
  const output = run(cmd, args, consumer).trim();
  if (output !== 'ok') fail(`${name} printed ${output}`);
}
writeFileSync(
  join(consumer, 'types.ts'),
  `import { limit, type Limiter, LimiterCleared } from '@asyncbench/core';
const run: Limiter = limit({ concurrency: 2 });
const n: Promise<number> = run(async () => 1);
export const checks = [n, LimiterCleared] as const;
`,
);
writeFileSync(
  join(consumer, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      strict: true,
      noEmit: true,
      lib: ['ES2023', 'DOM'],
    },
    files: ['types.ts'],
  }),
);
run(
  process.execPath,
  [join(pkgDir, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', consumer],
  consumer,
);

// 3. JSR: a dry run of `deno publish` (offline; it checks the public API for slow types).
run(localBin('deno'), ['publish', '--dry-run', '--allow-dirty'], pkgDir);

rmSync(work, { recursive: true, force: true });
console.log(
  `check:pack: ok — ${files.length} files (${files.filter((f) => f.endsWith('.js')).length} .js, ${files.filter((f) => f.endsWith('.d.ts')).length} .d.ts, README.md, package.json); installed and used on node, deno and bun; types check; deno publish --dry-run passes`,
);
