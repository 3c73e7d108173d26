import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const script = fileURLToPath(new URL('../../../scripts/bundle-adapter.mjs', import.meta.url));
const bundle = (...args: string[]) => spawnSync('node', [script, 'node', ...args], { encoding: 'utf8' });

/**
 * Bundles dist/ from the current source before any test: the platform tests need the worker bundles
 * (Node 20 cannot start a .ts worker) and the end-to-end test runs dist/main.js. When main.ts does not
 * bundle (a broken catalogue), the workers still do, and the end-to-end test reports why.
 */
export default function setup(project: TestProject): void {
  const full = bundle();
  project.provide('bundleError', full.status === 0 ? null : full.stderr || `exit ${full.status}`);
  if (full.status === 0) return;
  const workers = bundle('--workers-only');
  if (workers.status !== 0) throw new Error(`bundling the workers failed:\n${workers.stderr}`);
}
