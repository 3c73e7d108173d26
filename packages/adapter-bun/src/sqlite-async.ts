/** Platform.openSqliteAsync on Bun: `connections` Web Workers, each running sqlite-worker.ts. */
import type { AsyncSqliteDb } from '@asyncbench/harness';
import { createSqlitePool, type SqliteWorkerPort, sqliteWorkerPort } from '@asyncbench/harness/adapter-kit';
import { startWorker } from './workers.ts';

function port(): SqliteWorkerPort {
  const worker = startWorker('sqlite-worker');
  // Idle workers must not keep the process alive; one with a query in flight must.
  worker.unref();
  return sqliteWorkerPort(worker, (busy) => void (busy ? worker.ref() : worker.unref()));
}

export function openSqliteAsync(path: string, connections: number): Promise<AsyncSqliteDb> {
  return createSqlitePool(path, Array.from({ length: Math.max(1, connections) }, port));
}
