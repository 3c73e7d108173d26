/** Platform.openSqliteAsync on Bun: `connections` Web Workers, each running sqlite-worker.ts. */
import type { AsyncSqliteDb } from '@asyncbench/harness';
import { createSqlitePool, type SqliteReply, type SqliteWorkerPort } from '@asyncbench/harness/adapter-kit';
import { startWorker } from './workers.ts';

function port(): SqliteWorkerPort {
  const worker = startWorker('sqlite-worker');
  // Idle workers must not keep the process alive; one with a query in flight must.
  worker.unref();
  return {
    post: (request) => worker.postMessage(request),
    listen(onReply, onError) {
      worker.onmessage = (event: MessageEvent<SqliteReply>) => onReply(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onError(new Error(`SQLite worker failed: ${event.message}`));
      };
    },
    hold: (busy) => void (busy ? worker.ref() : worker.unref()),
    terminate: () => worker.terminate(),
  };
}

export function openSqliteAsync(path: string, connections: number): Promise<AsyncSqliteDb> {
  return createSqlitePool(path, Array.from({ length: Math.max(1, connections) }, port));
}
