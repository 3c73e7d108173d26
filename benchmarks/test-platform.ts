/**
 * A minimal Platform made of web APIs only, for running the in-memory scenarios (timers, tasks,
 * queue, errors) in tests without an adapter. Files and HTTP are exercised for real by the
 * adapters' own tests; here they throw so a scenario that reaches for them fails loudly.
 */
import type { Platform } from '@asyncbench/harness';
import { detectYielders } from '@asyncbench/harness/adapter-kit';

const unsupported = (what: string) => (): never => {
  throw new Error(`test platform: ${what} is not available in benchmarks tests`);
};

// Atomics.wait needs an Int32Array on shared memory; nobody ever notifies it, so it always times out.
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export const testPlatform: Platform = {
  runtime: 'node',
  version: 'test',
  blockingSleep(ms) {
    Atomics.wait(sleeper, 0, 0, ms);
  },
  readFileSync: unsupported('readFileSync'),
  readFile: unsupported('readFile'),
  writeFile: unsupported('writeFile'),
  makeTempDir: unsupported('makeTempDir'),
  removeDir: unsupported('removeDir'),
  startHttpServer: unsupported('startHttpServer'),
  blockingGet: unsupported('blockingGet'),
  // Detected from the global object (web APIs and setImmediate), as the adapters do.
  yielders: detectYielders(),
  memoryUsage: () => ({ rss: 0, heapUsed: 0 }),
  env: () => undefined,
};
