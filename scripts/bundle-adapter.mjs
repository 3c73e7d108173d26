#!/usr/bin/env node
/**
 * Bundles an adapter for its runtime:
 *   node scripts/bundle-adapter.mjs <node|deno|bun> [--workers-only]
 *   node scripts/bundle-adapter.mjs --check   (all three in memory: scenario code must be identical)
 *
 * packages/adapter-<rt>/src/{main,http-worker,get-worker}.ts -> dist/*.js, one self-contained file
 * each, so every runtime executes the same bundled scenario code and Deno never has to resolve
 * node_modules. Workspace packages are taken from their TypeScript source ("source" condition).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIMES = ['node', 'deno', 'bun'];
const WORKERS = ['http-worker', 'get-worker'];
/** Bundled only where the adapter has them (the SQLite pool's worker, for Platform.openSqliteAsync). */
const OPTIONAL_WORKERS = ['sqlite-worker'];
const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/**
 * Bare Node builtins (`net` in a dependency) become external `node:net`: Deno only knows the
 * prefixed form, and doing it for every runtime keeps the bundles' scenario code identical.
 */
const nodeBuiltins = {
  name: 'node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_/]+$/ }, (args) =>
      builtins.has(args.path) ? { path: `node:${args.path}`, external: true } : undefined,
    );
  },
};

function options(runtime, entries, quiet) {
  const dir = join(root, 'packages', `adapter-${runtime}`);
  return {
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries.map((name) => [name, join(dir, 'src', `${name}.ts`)])),
    outdir: join(dir, 'dist'),
    // Written by hand (writeAtomically): other processes may be running dist/ while we rebuild.
    write: false,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    // Deno gets 'neutral' (no Node assumptions); conditions and mainFields are pinned so every
    // runtime resolves the same module files. --check proves the scenario code came out identical.
    platform: runtime === 'deno' ? 'neutral' : 'node',
    conditions: ['source'],
    mainFields: ['module', 'main'],
    external: ['node:*', 'bun:*', 'better-sqlite3'],
    plugins: [nodeBuiltins],
    legalComments: 'none',
    logLevel: quiet ? 'silent' : 'warning',
  };
}

/** Splits an unminified esbuild bundle into its per-module sections ("// path" headers). */
function sections(code) {
  const out = new Map();
  let current = null;
  for (const line of code.split('\n')) {
    const header = /^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/.exec(line);
    if (header) {
      current = header[1];
      out.set(current, []);
    } else if (current) out.get(current).push(line);
  }
  return new Map([...out].map(([key, lines]) => [key, lines.join('\n')]));
}

async function check() {
  const shared = [];
  const bundles = [];
  for (const runtime of RUNTIMES) {
    const result = await esbuild.build(options(runtime, ['main'], true));
    const main = result.outputFiles.find((file) => file.path.endsWith('main.js'));
    bundles.push([runtime, sections(main.text)]);
  }
  const [[firstRuntime, first]] = bundles;
  const isScenarioCode = (path) => !/^packages\/adapter-/.test(path);
  let failures = 0;
  for (const [path, text] of first) {
    if (!isScenarioCode(path)) continue;
    shared.push(path);
    for (const [runtime, other] of bundles.slice(1)) {
      if (other.get(path) !== text) {
        console.error(`differs: ${path} (${firstRuntime} vs ${runtime})`);
        failures++;
      }
    }
  }
  for (const [runtime, other] of bundles.slice(1)) {
    const extra = [...other.keys()].filter((path) => isScenarioCode(path) && !first.has(path));
    for (const path of extra) console.error(`only in ${runtime}: ${path}`);
    failures += extra.length;
  }
  if (shared.length === 0) {
    console.error('no scenario modules found in the bundles');
    failures++;
  }
  if (failures === 0)
    console.log(`identical scenario code in ${RUNTIMES.join(', ')}: ${shared.length} modules`);
  return failures === 0 ? 0 : 1;
}

async function bundle(runtime, workersOnly) {
  const optional = OPTIONAL_WORKERS.filter((name) =>
    existsSync(join(root, 'packages', `adapter-${runtime}`, 'src', `${name}.ts`)),
  );
  const entries = workersOnly ? [...WORKERS, ...optional] : ['main', ...WORKERS, ...optional];
  const result = await esbuild.build(options(runtime, entries, false));
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  return 0;
}

/** Write then rename, so a process starting dist/main.js mid-build never reads half a file. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Exit code 1 without a stack trace: esbuild has logged its errors (--check builds silently, so it prints them). */
async function reportFailure(run, print) {
  try {
    return await run();
  } catch (error) {
    if (!error.errors) console.error(error);
    else if (print)
      for (const { text, location } of error.errors) console.error(`${location?.file}: ${text}`);
    return 1;
  }
}

const [arg, flag] = process.argv.slice(2);
if (arg === '--check') process.exitCode = await reportFailure(check, true);
else if (RUNTIMES.includes(arg))
  process.exitCode = await reportFailure(() => bundle(arg, flag === '--workers-only'), false);
else {
  console.error(`usage: bundle-adapter.mjs <${RUNTIMES.join('|')}> [--workers-only] | --check`);
  process.exitCode = 2;
}
