/**
 * Glue for runtimes whose workers are Web Workers (Deno, Bun): waiting for a worker's message, the
 * SQLite pool's and the input events' ports over a worker, and worker scopes answering them. Node's worker_threads have
 * another API, so adapter-node keeps its own.
 */
import type { SqliteDb } from '../platform.ts';
import {
  answerInputRequests,
  type InputMessage,
  type InputRequest,
  type InputWorkerPort,
} from './input-events.ts';
import { type SqliteReply, type SqliteRequest, type SqliteWorkerPort, serveSqlite } from './sqlite-pool.ts';

/** Waits for the next message from a worker (or its error). */
export function nextWorkerMessage<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<T>) => resolve(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      reject(new Error(`worker failed: ${event.message}`));
    };
  });
}

/**
 * The SQLite pool's port over a worker that runs answerSqliteRequests. `hold` where the runtime can
 * let an idle worker not keep the process alive (Bun's ref/unref).
 */
export function sqliteWorkerPort(worker: Worker, hold?: (busy: boolean) => void): SqliteWorkerPort {
  return {
    post: (request) => worker.postMessage(request),
    listen(onReply, onError) {
      worker.onmessage = (event: MessageEvent<SqliteReply>) => onReply(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onError(new Error(`SQLite worker failed: ${event.message}`));
      };
    },
    ...(hold ? { hold } : {}),
    terminate: () => worker.terminate(),
  };
}

/** Worker side: the worker's global `scope` answers each SqliteRequest on its own connection. */
export function answerSqliteRequests(
  scope: { postMessage(reply: SqliteReply): void },
  open: (path: string) => SqliteDb,
): void {
  const port = scope as typeof scope & { onmessage: (event: MessageEvent<SqliteRequest>) => void };
  const state: { db?: SqliteDb } = {};
  port.onmessage = (event) => port.postMessage(serveSqlite(state, open, event.data));
}

/** The input events' port over a worker that runs answerInputRequestsInWorker. */
export function inputWorkerPort(worker: Worker): InputWorkerPort {
  return {
    post: (request) => worker.postMessage(request),
    listen(onMessage, onError) {
      worker.onmessage = (event: MessageEvent<InputMessage>) => onMessage(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onError(new Error(`input worker failed: ${event.message}`));
      };
    },
    terminate: () => worker.terminate(),
  };
}

/** Worker side: the worker's global `scope` posts input events between start and stop. */
export function answerInputRequestsInWorker(scope: { postMessage(message: InputMessage): void }): void {
  const port = scope as typeof scope & { onmessage: (event: MessageEvent<InputRequest>) => void };
  answerInputRequests(
    (message) => port.postMessage(message),
    (onRequest) => {
      port.onmessage = (event) => onRequest(event.data);
    },
  );
}
