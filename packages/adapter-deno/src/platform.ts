/// <reference path="./deno.d.ts" />
/** Platform on Deno: Deno.* files and memory, Deno.serve on a Web Worker, Atomics.wait for blocking. */
import type { HttpTarget, Platform } from '@asyncbench/harness';
import {
  createBlockingSleep,
  detectYielders,
  inputStreamOver,
  inputWorkerPort,
  lazyBlockingGet,
  nextWorkerMessage,
} from '@asyncbench/harness/adapter-kit';
import { openSqlite, sqliteDriver } from './sqlite.ts';
import { openSqliteAsync } from './sqlite-async.ts';
import { startWorker } from './workers.ts';

const blockingGet = lazyBlockingGet(() => startWorker('get-worker'));

async function startHttpServer(): Promise<HttpTarget> {
  const worker = startWorker('http-worker');
  const { port } = await nextWorkerMessage<{ port: number }>(worker);
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = nextWorkerMessage<string>(worker);
      worker.postMessage('close');
      // A graceful shutdown waits for open requests; do not let a stuck one hang the run.
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 2_000)))]);
      clearTimeout(timer);
      worker.terminate();
    },
  };
}

async function removeDir(path: string): Promise<void> {
  try {
    await Deno.remove(path, { recursive: true });
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
}

const gc = (globalThis as { gc?: () => void }).gc;

export const platform: Platform = {
  runtime: 'deno',
  version: Deno.version.deno,
  blockingSleep: createBlockingSleep(),
  yielders: detectYielders(),
  startInputEvents: (intervalMs, onInput) =>
    inputStreamOver(inputWorkerPort(startWorker('input-worker')), intervalMs, onInput),
  readFileSync: (path) => Deno.readFileSync(path),
  readFile: (path) => Deno.readFile(path),
  writeFile: (path, data) => Deno.writeFile(path, data),
  makeTempDir: (prefix) => Deno.makeTempDir({ prefix }),
  removeDir,
  startHttpServer,
  blockingGet,
  memoryUsage: () => {
    const { rss, heapUsed } = Deno.memoryUsage();
    return { rss, heapUsed };
  },
  // Only with --v8-flags=--expose-gc; otherwise the harness skips forced collections.
  ...(typeof gc === 'function' ? { gc: () => gc() } : {}),
  env: (name) => Deno.env.get(name),
  openSqlite,
  openSqliteAsync,
  sqliteDriver,
};
