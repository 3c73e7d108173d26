/** Platform.openSqliteAsync on Deno: `connections` Web Workers, each running sqlite-worker.ts. */
import type { AsyncSqliteDb } from '@asyncbench/harness';
import { createSqlitePool, sqliteWorkerPort } from '@asyncbench/harness/adapter-kit';
import { startWorker } from './workers.ts';

export function openSqliteAsync(path: string, connections: number): Promise<AsyncSqliteDb> {
  const ports = Array.from({ length: Math.max(1, connections) }, () =>
    sqliteWorkerPort(startWorker('sqlite-worker')),
  );
  return createSqlitePool(path, ports);
}
