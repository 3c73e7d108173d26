/** Platform on Bun: Bun.file/Bun.write, Bun.serve on a Web Worker, bun:sqlite, Atomics.wait for blocking. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The blockingGet helper worker is unref'd so it never holds the process. */
const blockingGet = lazyBlockingGet(() => {
  const worker = startWorker('get-worker');
  worker.unref();
  return worker;
});

async function startHttpServer(): Promise<HttpTarget> {
  const worker = startWorker('http-worker');
  const { port } = await nextWorkerMessage<{ port: number }>(worker);
  // A server a failed scenario never closed must not keep the process from exiting.
  worker.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      worker.ref();
      const closed = nextWorkerMessage<string>(worker);
      worker.postMessage('close');
      await closed;
      worker.terminate();
    },
  };
}

export const platform: Platform = {
  runtime: 'bun',
  version: Bun.version,
  blockingSleep: createBlockingSleep(),
  yielders: detectYielders(),
  startInputEvents: (intervalMs, onInput) =>
    inputStreamOver(inputWorkerPort(startWorker('input-worker')), intervalMs, onInput),
  // Bun has no synchronous file API of its own; node:fs is Bun's native implementation of it.
  readFileSync: (path) => readFileSync(path),
  readFile: (path) => Bun.file(path).bytes(),
  writeFile: async (path, data) => void (await Bun.write(path, data)),
  makeTempDir: (prefix) => mkdtemp(join(tmpdir(), prefix)),
  removeDir: (path) => rm(path, { recursive: true, force: true }),
  startHttpServer,
  blockingGet,
  memoryUsage: () => {
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  },
  gc: () => Bun.gc(true),
  env: (name) => Bun.env[name],
  openSqlite,
  openSqliteAsync,
  sqliteDriver,
};
