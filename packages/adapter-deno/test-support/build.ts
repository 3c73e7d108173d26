/// <reference path="../src/deno.d.ts" />
import type { TestProject } from 'vitest/node';

const script = new URL('../../../scripts/bundle-adapter.mjs', import.meta.url).pathname;

async function bundle(...args: string[]): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await new Deno.Command('node', {
    args: [script, 'deno', ...args],
    stdout: 'piped',
    stderr: 'piped',
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

/**
 * Bundles dist/ from the current source before any test, for main.test.ts (which runs dist/main.js).
 * When main.ts does not bundle (a broken catalogue), the end-to-end test reports why.
 */
export default async function setup(project: TestProject): Promise<void> {
  const full = await bundle();
  project.provide('bundleError', full.code === 0 ? null : full.stderr || `exit ${full.code}`);
}
