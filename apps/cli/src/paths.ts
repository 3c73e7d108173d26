/**
 * Where things are. The repo root is found from this file's own location (apps/cli/src in tests,
 * apps/cli/dist once bundled), by walking up to the workspaces package.json, so the CLI
 * works from any working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuntimeKind } from './runtime-kind.ts';

/** Walks up from this file to the directory whose package.json declares workspaces. */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ('workspaces' in JSON.parse(readFileSync(pkg, 'utf8'))) return dir;
      } catch {
        // An unreadable package.json is not the root; keep walking.
      }
    }
    const up = dirname(dir);
    if (up === dir) return resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
    dir = up;
  }
}

/** The adapter bundle a runtime kind executes, relative to the repo root. */
export function adapterBundle(kind: RuntimeKind): string {
  return `packages/adapter-${kind}/dist/main.js`;
}

/** The CLI's own version, from apps/cli/package.json. */
export function toolVersion(root: string): string {
  try {
    return String(JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8')).version ?? '0.0.0');
  } catch {
    return '0.0.0';
  }
}

export function defaultResultsDir(root: string): string {
  return join(root, 'results');
}
