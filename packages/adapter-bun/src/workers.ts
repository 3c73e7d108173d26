/** Bun's Worker also has ref()/unref(), which the DOM typings (the base tsconfig's lib) lack. */
export type BunWorker = Worker & { ref(): void; unref(): void };

/**
 * Starts one of the worker entries as a Web Worker. dist/main.js finds the bundled .js beside itself;
 * from source (tests) Bun runs the .ts entry directly, resolving @asyncbench/* through the "source"
 * condition the test script sets.
 */
export function startWorker(
  name: 'http-worker' | 'get-worker' | 'sqlite-worker' | 'input-worker',
): BunWorker {
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return new Worker(new URL(`./${name}.${extension}`, import.meta.url), { type: 'module' }) as BunWorker;
}
