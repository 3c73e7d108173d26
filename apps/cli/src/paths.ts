/**
 * Where things are. The CLI runs in one of two layouts, told apart from its own location (apps/cli/src
 * in tests, <package>/dist once bundled):
 * - `repo`: apps/cli of an asyncbench checkout. Adapters are packages/adapter-<kind>/dist, results go
 *   to <repo>/results, the commit is the checkout's.
 * - `package`: an installed `asyncbench` package (npm install, npx). Adapters are the package's
 *   dist/adapters/<kind>, results go to ./asyncbench-results in the working directory, the commit is
 *   the one the package was built from (dist/build-info.json). No repository is assumed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeKind } from './runtime-kind.ts';

/** The root package.json's name in an asyncbench checkout. */
const MONOREPO_NAME = 'asyncbench-monorepo';
/** Results of a run outside the repository, relative to the working directory. */
export const PACKAGE_RESULTS_DIR = 'asyncbench-results';
/** Written by build.mjs: what the package was built from. */
export const BUILD_INFO = 'dist/build-info.json';

export interface Layout {
  kind: 'repo' | 'package';
  /** The asyncbench package's directory: apps/cli, or node_modules/asyncbench. */
  packageDir: string;
  /** The checkout's root in the `repo` layout; null when installed. */
  repoRoot: string | null;
}

/** The layout of the CLI at `packageDir` (default: the one running). */
export function cliLayout(
  packageDir: string = resolve(dirname(fileURLToPath(import.meta.url)), '..'),
): Layout {
  const candidate = resolve(packageDir, '../..');
  try {
    const pkg = JSON.parse(readFileSync(join(candidate, 'package.json'), 'utf8')) as { name?: unknown };
    if (pkg.name === MONOREPO_NAME && existsSync(join(candidate, 'packages'))) {
      return { kind: 'repo', packageDir, repoRoot: candidate };
    }
  } catch {
    // No readable package.json two levels up: an installed package.
  }
  return { kind: 'package', packageDir, repoRoot: null };
}

/** The directory holding a runtime kind's adapter bundles (main.js, scenarios.js, workers). */
export function adapterDir(layout: Layout, kind: RuntimeKind): string {
  return layout.repoRoot
    ? join(layout.repoRoot, 'packages', `adapter-${kind}`, 'dist')
    : join(layout.packageDir, 'dist', 'adapters', kind);
}

/** The adapter entry a runtime kind executes (absolute). */
export function adapterBundle(layout: Layout, kind: RuntimeKind): string {
  return join(adapterDir(layout, kind), 'main.js');
}

/** What to tell a user whose adapter bundle is missing. */
export function missingBundleHint(layout: Layout): string {
  return layout.repoRoot ? 'run `npm run build` first' : 'the asyncbench package is incomplete: reinstall it';
}

/** Where pinned runtimes (node_modules/.bin/deno, bun) are looked for: the checkout, or the project in cwd. */
export function binRoot(layout: Layout, cwd: string = process.cwd()): string {
  return layout.repoRoot ?? cwd;
}

/** The CLI's own version, from its package.json. */
export function toolVersion(layout: Layout): string {
  try {
    return String(
      JSON.parse(readFileSync(join(layout.packageDir, 'package.json'), 'utf8')).version ?? '0.0.0',
    );
  } catch {
    return '0.0.0';
  }
}

/** The commit an installed package was built from; null when unknown (or in the repo layout). */
export function builtCommit(layout: Layout): string | null {
  if (layout.repoRoot) return null;
  try {
    const info = JSON.parse(readFileSync(join(layout.packageDir, BUILD_INFO), 'utf8')) as {
      commit?: unknown;
    };
    return typeof info.commit === 'string' ? info.commit : null;
  } catch {
    return null;
  }
}

/** Where results go without --out: <repo>/results in a checkout, ./asyncbench-results otherwise. */
export function defaultResultsDir(layout: Layout, cwd: string = process.cwd()): string {
  return layout.repoRoot ? join(layout.repoRoot, 'results') : resolve(cwd, PACKAGE_RESULTS_DIR);
}
