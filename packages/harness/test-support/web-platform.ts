/**
 * A Platform for tests, built from web-standard APIs only. Sleeps are real (Atomics.wait and
 * setTimeout); what the tests never exercise (files, HTTP, SQLite) throws so misuse is loud.
 */
import type { Platform } from '../src/platform.ts';

const unused = (name: string) => () => {
  throw new Error(`test platform: ${name} is not available in tests`);
};

/** Builds the test platform; `gcCalls` counts gc() so tests can see it ran between cases. */
export function webPlatform(): Platform & { gcCalls: number } {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const platform = {
    runtime: 'node' as const,
    version: '0.0.0-test',
    gcCalls: 0,
    blockingSleep(ms: number) {
      Atomics.wait(cell, 0, 0, ms);
    },
    readFileSync: unused('readFileSync'),
    readFile: unused('readFile'),
    writeFile: unused('writeFile'),
    makeTempDir: unused('makeTempDir'),
    removeDir: unused('removeDir'),
    startHttpServer: unused('startHttpServer'),
    blockingGet: unused('blockingGet'),
    memoryUsage: () => ({ rss: 1000, heapUsed: 500 }),
    gc() {
      platform.gcCalls++;
    },
    env: () => undefined,
  };
  return platform;
}

/** Resolves after ms on a real timer. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
