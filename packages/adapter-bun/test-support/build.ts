import type { TestProject } from 'vitest/node';

const script = new URL('../../../scripts/bundle-adapter.mjs', import.meta.url).pathname;

/**
 * Bundles dist/ from the current source before any test, for main.test.ts (which runs dist/main.js).
 * When main.ts does not bundle (a broken catalogue), the end-to-end test reports why.
 */
export default function setup(project: TestProject): void {
  const { exitCode, stderr } = Bun.spawnSync({
    cmd: ['node', script, 'bun'],
    stdout: 'pipe',
    stderr: 'pipe',
  });
  project.provide('bundleError', exitCode === 0 ? null : stderr.toString() || `exit ${exitCode}`);
}
