import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const script = fileURLToPath(new URL('../../../scripts/bundle-adapter.mjs', import.meta.url));

/**
 * Bundles dist/ from the current source before any test: the page tests load dist/page.js and
 * dist/scenarios.js, the end-to-end test runs dist/main.js. When it does not bundle, the
 * end-to-end test reports why.
 */
export default function setup(project: TestProject): void {
  const full = spawnSync('node', [script, 'chromium'], { encoding: 'utf8' });
  project.provide('bundleError', full.status === 0 ? null : full.stderr || `exit ${full.status}`);
}
