// Builds the asyncbench package.
//   node build.mjs          dist/asyncbench.js (the CLI, for Node 20: it cannot strip TypeScript),
//                           dist/lib/ (what users' benchmark files bundle against) and
//                           dist/build-info.json (version and commit)
//   node build.mjs --pack   the same, plus what an installed package needs that a checkout has
//                           elsewhere: each adapter, freshly bundled, in dist/adapters/<kind>/, and
//                           the type declarations dist/lib/api.d.ts. `npm pack` runs this (prepack).
// Workspace packages (@asyncbench/*) are bundled from their TypeScript source via the `source`
// condition; every other package stays external and is a dependency in package.json.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '../..');
const pack = process.argv.includes('--pack');
// chromium's adapter is a Node driver that needs playwright-core (an optional dependency) and a
// chromium on the machine; without them it is recorded missing, as on any machine without chromium.
const ADAPTERS = ['node', 'deno', 'bun', 'chromium'];
/** A dev tool's file, wherever npm installed it (hoisted or not). */
const tool = (path) => createRequire(join(here, 'package.json')).resolve(path);

const external = [];
// The report app may not exist yet while the workspace is being built up; the CLI then notes
// "report skipped" at run time instead of failing to build.
if (!existsSync(join(here, '../report/src/index.ts'))) external.push('@asyncbench/report');

/** Like `packages: 'external'`, except for @asyncbench/* which are bundled from source. */
const externalisePackages = {
  name: 'externalise-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@asyncbench/') && !external.includes(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: [join(here, 'src/main.ts')],
  outfile: join(here, 'dist/asyncbench.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external,
  plugins: [externalisePackages],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __asyncbenchCreateRequire } from 'node:module'; const require = __asyncbenchCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

// What a user's benchmark file imports as `asyncbench` (api), what the bundle's entry imports
// (bundle-kit) and @asyncbench/core for files whose project does not have it. One build with code
// splitting, so the three share a single copy of the harness and core. Runtime-neutral like the
// catalogue's scenarios.js: it ends up inside the bundle every runtime loads.
rmSync(join(here, 'dist/lib'), { recursive: true, force: true });
await build({
  entryPoints: {
    api: join(here, 'src/api.ts'),
    'bundle-kit': join(here, 'src/bundle-kit.ts'),
    core: join(repo, 'packages/core/src/index.ts'),
  },
  outdir: join(here, 'dist/lib'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  mainFields: ['module', 'main'],
  conditions: ['source'],
  // Pure JavaScript, bundled in, so a user bundle needs nothing from node_modules.
  legalComments: 'none',
  logLevel: 'warning',
});

const pkg = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
writeFileSync(
  join(here, 'dist/build-info.json'),
  `${JSON.stringify({ name: pkg.name, version: pkg.version, commit: gitCommit() }, null, 2)}\n`,
);

if (pack) {
  for (const kind of ADAPTERS) {
    // Bundled afresh (the catalogue's scenarios.js identical in each), then copied whole.
    execFileSync(process.execPath, [join(repo, 'scripts/bundle-adapter.mjs'), kind], { stdio: 'inherit' });
    const from = join(repo, 'packages', `adapter-${kind}`, 'dist');
    const to = join(here, 'dist/adapters', kind);
    rmSync(to, { recursive: true, force: true });
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from).filter((f) => f.endsWith('.js')))
      cpSync(join(from, name), join(to, name));
  }
  // Declarations for `import { defineScenario } from 'asyncbench'`, in one file (no workspace paths),
  // from the harness's and results' own declarations, built first.
  for (const dir of ['packages/results', 'packages/harness']) {
    execFileSync(
      process.execPath,
      [tool('typescript/bin/tsc'), '-p', join(repo, dir, 'tsconfig.build.json')],
      {
        stdio: 'inherit',
      },
    );
  }
  execFileSync(
    process.execPath,
    [
      tool('dts-bundle-generator/dist/bin/dts-bundle-generator.js'),
      '--silent',
      '--no-banner',
      '--project',
      join(here, 'tsconfig.dts.json'),
      '--external-inlines',
      '@asyncbench/harness',
      '@asyncbench/results',
      '-o',
      join(here, 'dist/lib/api.d.ts'),
      join(here, 'src/api.ts'),
    ],
    { stdio: 'inherit' },
  );
}

function gitCommit() {
  try {
    return (
      execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim() || null
    );
  } catch {
    return null;
  }
}
