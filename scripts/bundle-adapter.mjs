#!/usr/bin/env node
/**
 * Bundles an adapter for its runtime:
 *   node scripts/bundle-adapter.mjs <node|deno|bun|chromium> [--workers-only]
 *   node scripts/bundle-adapter.mjs --check   (all four in memory: scenario code must be identical)
 *
 * packages/adapter-<rt>/dist/ gets:
 *   scenarios.js  the scenario code: harness runMain + benchmarks catalogue (+ core, postgres), built
 *                 ONCE with one set of options and written byte for byte into every adapter, so all
 *                 three runtimes execute the very same code;
 *   main.js       the adapter's src/main.ts + platform glue (its own src/ and the shared
 *                 @asyncbench/harness/adapter-kit), importing runMain/catalogue from
 *                 ./scenarios.js. A separate file, because esbuild renames identifiers across one
 *                 bundle's scope: glue names (different per runtime) would otherwise rename locals
 *                 in the scenario code differently on each runtime;
 *   http-worker.js, get-worker.js, input-worker.js (and sqlite-worker.js where the adapter has one);
 *   chromium instead: main.js, the Node driver (playwright-core stays external), and page.js, the
 *                 page's entry, built for the browser; the page loads the same scenarios.js.
 * Everything is self-contained (Deno never has to resolve node_modules); only node:*, bun:* and
 * better-sqlite3 stay external. Workspace packages come from their TypeScript ("source" condition).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNTIMES = ['node', 'deno', 'bun', 'chromium'];
const WORKERS = ['http-worker', 'get-worker', 'input-worker'];
/** Bundled only where the adapter has them (the SQLite pool's worker, for Platform.openSqliteAsync). */
const OPTIONAL_WORKERS = ['sqlite-worker'];
/** What main.ts may import from the scenario side; dist/scenarios.js exports exactly these. */
const SCENARIO_PACKAGES = ['@asyncbench/harness', '@asyncbench/benchmarks'];
const SCENARIO_ENTRY =
  "export { runMain } from '@asyncbench/harness';\nexport { catalogue } from '@asyncbench/benchmarks';\n";
/** Adapter glue every adapter shares: bundled into each adapter's own files, never into scenarios.js. */
const ADAPTER_KIT = 'packages/harness/src/adapter-kit/';
const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/**
 * Bare Node builtins (`net` in a dependency) become external `node:net`: Deno only knows the
 * prefixed form.
 */
const nodeBuiltins = {
  name: 'node-builtins',
  setup(build) {
    build.onResolve({ filter: /^[a-z_/]+$/ }, (args) =>
      builtins.has(args.path) ? { path: `node:${args.path}`, external: true } : undefined,
    );
  },
};

/** In the adapter's own bundles, the scenario packages are ./scenarios.js (bundled separately). */
const scenariosExternal = {
  name: 'scenarios-external',
  setup(build) {
    build.onResolve({ filter: /^@asyncbench\/(harness|benchmarks)$/ }, (args) =>
      SCENARIO_PACKAGES.includes(args.path) ? { path: './scenarios.js', external: true } : undefined,
    );
  },
};

const common = {
  absWorkingDir: root,
  // Written by hand (writeAtomically): other processes may be running dist/ while we rebuild.
  write: false,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['source'],
  mainFields: ['module', 'main'],
  external: ['node:*', 'bun:*', 'better-sqlite3'],
  legalComments: 'none',
  logLevel: 'silent',
};

/** The scenario code: one build, one set of options, whatever the runtime. */
async function buildScenarios() {
  const result = await esbuild.build({
    ...common,
    stdin: { contents: SCENARIO_ENTRY, resolveDir: root, sourcefile: 'scenarios.js', loader: 'js' },
    outfile: 'scenarios.js',
    // 'neutral': no Node assumptions, as Deno needs; Node and Bun run it unchanged.
    platform: 'neutral',
    plugins: [nodeBuiltins],
  });
  return result.outputFiles[0].contents;
}

/** esbuild's platform for an adapter entry: the chromium page runs in a browser, its driver on Node. */
function platformOf(runtime, entry) {
  if (runtime === 'chromium') return entry === 'page' ? 'browser' : 'node';
  return runtime === 'deno' ? 'neutral' : 'node';
}

/** The adapter's glue: main.ts and worker entries, with the runtime's own platform setting. */
async function buildAdapter(runtime, entries) {
  const dir = join(root, 'packages', `adapter-${runtime}`);
  const platforms = [...new Set(entries.map((name) => platformOf(runtime, name)))];
  const builds = await Promise.all(
    platforms.map((platform) =>
      esbuild.build({
        ...common,
        entryPoints: Object.fromEntries(
          entries
            .filter((name) => platformOf(runtime, name) === platform)
            .map((name) => [name, join(dir, 'src', `${name}.ts`)]),
        ),
        outdir: join(dir, 'dist'),
        platform,
        // The chromium driver loads playwright-core from node_modules at run time.
        external: [...common.external, 'playwright-core'],
        plugins: [scenariosExternal, nodeBuiltins],
      }),
    ),
  );
  return builds.flatMap((result) => result.outputFiles);
}

function entriesOf(runtime, workersOnly) {
  if (runtime === 'chromium') return workersOnly ? [] : ['main', 'page'];
  const optional = OPTIONAL_WORKERS.filter((name) =>
    existsSync(join(root, 'packages', `adapter-${runtime}`, 'src', `${name}.ts`)),
  );
  return workersOnly ? [...WORKERS, ...optional] : ['main', ...WORKERS, ...optional];
}

/** Write then rename, so a process starting dist/main.js mid-build never reads half a file. */
function writeAtomically(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

async function bundle(runtime, workersOnly) {
  const files = await buildAdapter(runtime, entriesOf(runtime, workersOnly));
  if (!workersOnly) {
    const scenarios = await buildScenarios();
    writeAtomically(join(root, 'packages', `adapter-${runtime}`, 'dist', 'scenarios.js'), scenarios);
  }
  for (const file of files) writeAtomically(file.path, file.contents);
  return 0;
}

/** Module paths in an unminified esbuild bundle (its "// path" section headers). */
function modulesIn(code) {
  return [...code.matchAll(/^\/\/ (\S+\.(?:ts|js|mjs|cjs))$/gm)].map((match) => match[1]);
}

/**
 * Proves the property the layout exists for: every runtime's scenarios.js is the same bytes, and no
 * scenario module leaked into an adapter's own bundles (where it could be compiled differently).
 */
async function check() {
  const texts = await Promise.all(RUNTIMES.map(async () => Buffer.from(await buildScenarios())));
  let failures = 0;
  for (const [i, text] of texts.entries()) {
    if (!text.equals(texts[0])) {
      console.error(`scenarios.js differs: ${RUNTIMES[0]} vs ${RUNTIMES[i]}`);
      failures++;
    }
  }
  for (const runtime of RUNTIMES) {
    for (const file of await buildAdapter(runtime, entriesOf(runtime, false))) {
      const leaked = modulesIn(file.text).filter(
        (path) => !path.startsWith(`packages/adapter-${runtime}/`) && !path.startsWith(ADAPTER_KIT),
      );
      for (const path of leaked) console.error(`${runtime} ${file.path}: bundles scenario module ${path}`);
      failures += leaked.length;
    }
  }
  const shared = modulesIn(texts[0].toString());
  if (shared.length === 0) {
    console.error('no modules found in scenarios.js');
    failures++;
  }
  if (failures === 0)
    console.log(
      `identical scenario code in ${RUNTIMES.join(', ')}: ${shared.length} modules in scenarios.js`,
    );
  return failures === 0 ? 0 : 1;
}

/** Exit code 1 with esbuild's messages, without a stack trace. */
async function reportFailure(run) {
  try {
    return await run();
  } catch (error) {
    if (!error.errors) throw error;
    for (const { text, location } of error.errors) {
      console.error(`${location ? `${location.file}:${location.line}:${location.column}: ` : ''}${text}`);
    }
    return 1;
  }
}

const [arg, flag] = process.argv.slice(2);
if (arg === '--check') process.exitCode = await reportFailure(check);
else if (RUNTIMES.includes(arg))
  process.exitCode = await reportFailure(() => bundle(arg, flag === '--workers-only'));
else {
  console.error(`usage: bundle-adapter.mjs <${RUNTIMES.join('|')}> [--workers-only] | --check`);
  process.exitCode = 2;
}
