/**
 * How the crosscheck scripts start a script on a runtime: the binaries the CLI itself uses (the
 * pinned devDependencies), gc exposed as the CLI's adapters have it.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** [file, argv] that runs `script args` on runtime (node, deno or bun). */
export function command(runtime, script, args) {
  if (runtime === 'node') return [process.execPath, ['--expose-gc', script, ...args]];
  const bin = join(root, 'node_modules', '.bin', runtime);
  if (runtime === 'deno') return [bin, ['run', '-A', '--v8-flags=--expose-gc', script, ...args]];
  return [bin, [script, ...args]];
}

/** Runs `script args` on runtime and parses the last line it prints as JSON. */
export async function runJson(runtime, script, args) {
  const [file, argv] = command(runtime, script, args);
  const { stdout } = await run(file, argv, { cwd: root, maxBuffer: 1 << 24, timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** The adapter bundle directory of runtime (packages/adapter-<runtime>/dist). */
export const adapterDist = (runtime) => join(root, 'packages', `adapter-${runtime}`, 'dist');
