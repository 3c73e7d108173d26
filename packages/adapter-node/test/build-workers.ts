import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds dist/http-worker.js and dist/get-worker.js from the current source before any test. */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../../scripts/bundle-adapter.mjs', import.meta.url));
  execFileSync('node', [script, 'node', '--workers-only'], { stdio: 'inherit' });
}
