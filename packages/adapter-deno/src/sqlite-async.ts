/** Platform.openSqliteAsync on Deno: `connections` Web Workers, each running sqlite-worker.ts. */
import type { AsyncSqliteDb } from '@asyncbench/harness';
import { createSqlitePool, type SqliteReply, type SqliteWorkerPort } from '@asyncbench/harness/adapter-kit';
import { startWorker } from './workers.ts';

function port(): SqliteWorkerPort {
  const worker = startWorker('sqlite-worker');
  return {
    post: (request) => worker.postMessage(request),
    listen(onReply, onError) {
      worker.onmessage = (event: MessageEvent<SqliteReply>) => onReply(event.data);
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        onError(new Error(`SQLite worker failed: ${event.message}`));
      };
    },
    terminate: () => worker.terminate(),
  };
}

export function openSqliteAsync(path: string, connections: number): Promise<AsyncSqliteDb> {
  return createSqlitePool(path, Array.from({ length: Math.max(1, connections) }, port));
}
