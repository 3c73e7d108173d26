/** Platform on Node.js: node:fs, node:http on a worker thread, Atomics.wait for blocking. */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { HttpTarget, Platform } from '@asyncbench/harness';
import { blockingGetVia, createGetBuffer } from './get-protocol.ts';
import { openSqlite } from './sqlite.ts';
import { openSqliteAsync } from './sqlite-async.ts';
import { nextMessage, startWorker } from './workers.ts';

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** The blockingGet helper: started on first use, then reused; unref'd so it never holds the process. */
let getWorker: { worker: Worker; sab: SharedArrayBuffer } | undefined;

function blockingGet(url: string): { status: number; bytes: number } {
  if (!getWorker) {
    const worker = startWorker('get-worker');
    worker.unref();
    const sab = createGetBuffer();
    worker.postMessage(sab);
    getWorker = { worker, sab };
  }
  const { worker, sab } = getWorker;
  return blockingGetVia(sab, (target) => worker.postMessage(target), url);
}

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

export const platform: Platform = {
  runtime: 'node',
  version: process.versions.node,
  blockingSleep: (ms) => void Atomics.wait(sleepCell, 0, 0, ms),
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
};
