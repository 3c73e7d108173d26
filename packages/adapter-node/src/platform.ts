/** Platform on Node.js: node:fs, node:http on a worker thread, Atomics.wait for blocking. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpTarget, Platform } from '@asyncbench/harness';
import {
  createBlockingSleep,
  detectYielders,
  type InputWorkerPort,
  inputStreamOver,
  lazyBlockingGet,
} from '@asyncbench/harness/adapter-kit';
import { openSqlite, sqliteDriver } from './sqlite.ts';
import { openSqliteAsync } from './sqlite-async.ts';
import { nextMessage, startWorker } from './workers.ts';

/** The blockingGet helper worker is unref'd so it never holds the process. */
const blockingGet = lazyBlockingGet(() => {
  const worker = startWorker('get-worker');
  worker.unref();
  return worker;
});

async function startHttpServer(): Promise<HttpTarget> {
  const worker = startWorker('http-worker');
  const { port } = await nextMessage<{ port: number }>(worker);
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = nextMessage<string>(worker);
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
}

/** The input events' worker, held (ref'd) from start to stop so the stream keeps the process alive. */
function inputWorker(): InputWorkerPort {
  const worker = startWorker('input-worker');
  return {
    post: (request) => worker.postMessage(request),
    listen(onMessage, onError) {
      worker.on('message', onMessage);
      worker.on('error', onError);
    },
    terminate: async () => void (await worker.terminate()),
  };
}

export const platform: Platform = {
  runtime: 'node',
  version: process.versions.node,
  blockingSleep: createBlockingSleep(),
  yielders: detectYielders(),
  startInputEvents: (intervalMs, onInput) => inputStreamOver(inputWorker(), intervalMs, onInput),
  readFileSync: (path) => readFileSync(path),
  readFile: (path) => readFile(path),
  writeFile: (path, data) => writeFile(path, data),
  makeTempDir: (prefix) => mkdtemp(join(tmpdir(), prefix)),
  removeDir: (path) => rm(path, { recursive: true, force: true }),
  startHttpServer,
  blockingGet,
  memoryUsage: () => {
    const { rss, heapUsed } = process.memoryUsage();
    return { rss, heapUsed };
  },
  // Only when started with --expose-gc; otherwise the harness skips forced collections.
  ...(typeof globalThis.gc === 'function' ? { gc: () => globalThis.gc!() } : {}),
  env: (name) => process.env[name],
  openSqlite,
  openSqliteAsync,
  sqliteDriver,
};
