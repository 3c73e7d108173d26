/**
 * Bundles users' benchmark files once per run (esbuild) into one ES module that every runtime's
 * adapter loads with `--bundle <file URL>` in place of its own scenarios.js: the same file, byte for
 * byte, on node, deno and bun. It carries the files, what they import, and the harness (through the
 * package `asyncbench`, which this resolves to the running CLI's own copy, so the file's API and the
 * runner always match); `@asyncbench/core` is the user's own when installed, else the CLI's copy.
 * Options match the catalogue's scenarios.js (scripts/bundle-adapter.mjs): ESM, es2022, platform
 * neutral (Deno resolves nothing), Node builtins kept as `node:` imports.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';
import { UsageError } from './errors.ts';
import type { Layout } from './paths.ts';
import type { UserFileRef } from './user-files.ts';

/** The module files a bundle's entry and users' imports resolve to, per layout. */
export function bundleSources(layout: Layout): {
  api: string;
  kit: string;
  core: string;
  conditions: string[];
} {
  if (layout.repoRoot) {
    // From source, as the catalogue's scenarios.js is built.
    return {
      api: join(layout.packageDir, 'src/api.ts'),
      kit: join(layout.packageDir, 'src/bundle-kit.ts'),
      core: join(layout.repoRoot, 'packages/core/src/index.ts'),
      conditions: ['source'],
    };
  }
  // Prebuilt ESM shipped in the package (build.mjs: one shared chunk, so one harness).
  const lib = join(layout.packageDir, 'dist/lib');
  return {
    api: join(lib, 'api.js'),
    kit: join(lib, 'bundle-kit.js'),
    core: join(lib, 'core.js'),
    conditions: [],
  };
}

export interface UserBundle {
  /** The bundle on disk (removed when the CLI exits). */
  path: string;
  /** What the adapters are given: `--bundle <file URL>`. */
  adapterArgs: string[];
  bytes: number;
}

const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

function resolvePlugin(sources: ReturnType<typeof bundleSources>): Plugin {
  return {
    name: 'asyncbench-user-files',
    setup(b) {
      b.onResolve({ filter: /^asyncbench$/ }, () => ({ path: sources.api }));
      b.onResolve({ filter: /^@asyncbench\/core$/ }, async (args) => {
        if (args.pluginData === 'own-attempt') return undefined;
        const own = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'own-attempt',
        });
        return own.errors.length === 0 ? own : { path: sources.core };
      });
      // Deno knows only the prefixed form of Node's builtins; Bun and Deno supply bun:/node: themselves.
      b.onResolve({ filter: /^[a-z_/]+$/ }, (args) =>
        builtins.has(args.path) ? { path: `node:${args.path}`, external: true } : undefined,
      );
    },
  };
}

/** The entry: each file imported lazily, so an error while loading one is told apart from the others. */
function entrySource(files: readonly UserFileRef[], kit: string): string {
  const items = files.map(
    (f) => `  { file: ${JSON.stringify(f.display)}, load: () => import(${JSON.stringify(f.path)}) },`,
  );
  return [
    `import { loadUserFiles, userMain } from ${JSON.stringify(kit)};`,
    `const loaded = await loadUserFiles([\n${items.join('\n')}\n]);`,
    'export const catalogue = loaded.catalogue;',
    'export const runMain = userMain(loaded);',
    '',
  ].join('\n');
}

/** `bench.ts:3:7: Could not resolve "left-pad"`: esbuild's first error as one line. */
function describeError(errors: readonly Message[], cwd: string): string {
  const first = errors[0];
  if (!first) return 'does not bundle';
  const loc = first.location;
  // esbuild names files relative to cwd; one outside it reads better as an absolute path.
  const file = loc ? resolve(cwd, loc.file) : '';
  const shown = relative(cwd, file).startsWith('..') ? file : relative(cwd, file);
  const where = loc ? `${shown}:${loc.line}:${loc.column + 1}: ` : '';
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return `${where}${first.text}${more}`;
}

/**
 * Bundles the files. Throws UsageError (exit 2) with one line naming the file and the problem when
 * they do not bundle; what a file does when it loads is checked afterwards by listing the bundle.
 */
export async function bundleUserFiles(
  files: readonly UserFileRef[],
  layout: Layout,
  cwd: string = process.cwd(),
): Promise<UserBundle> {
  const sources = bundleSources(layout);
  let code: Uint8Array;
  try {
    const result = await build({
      stdin: {
        contents: entrySource(files, sources.kit),
        resolveDir: cwd,
        sourcefile: 'asyncbench-user-entry.js',
        loader: 'js',
      },
      absWorkingDir: cwd,
      write: false,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      conditions: sources.conditions,
      external: ['node:*', 'bun:*'],
      plugins: [resolvePlugin(sources)],
      legalComments: 'none',
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.contents;
  } catch (err) {
    const errors = (err as { errors?: Message[] }).errors;
    if (!errors) throw err;
    throw new UsageError(`benchmark file does not bundle: ${describeError(errors, cwd)}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'asyncbench-bundle-'));
  // Gone with the CLI, however it exits; the run's results do not need it.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'scenarios.mjs');
  writeFileSync(path, code);
  return { path, adapterArgs: ['--bundle', pathToFileURL(path).href], bytes: code.byteLength };
}
