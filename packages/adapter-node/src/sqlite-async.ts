/** Platform.openSqliteAsync on Node: `connections` worker_threads, each running sqlite-worker.ts. */
import type { AsyncSqliteDb } from '@asyncbench/harness';
import { createSqlitePool, type SqliteWorkerPort } from '@asyncbench/harness/adapter-kit';
import { startWorker } from './workers.ts';

function port(): SqliteWorkerPort {
  const worker = startWorker('sqlite-worker');
  // Idle workers must not keep the process alive; one with a query in flight must.
  worker.unref();
  return {
    post: (request) => worker.postMessage(request),
    listen(onReply, onError) {
      worker.on('message', onReply);
      worker.on('error', onError);
    },
    hold: (busy) => (busy ? worker.ref() : worker.unref()),
    terminate: async () => void (await worker.terminate()),
  };
}

export function openSqliteAsync(path: string, connections: number): Promise<AsyncSqliteDb> {
  return createSqlitePool(path, Array.from({ length: Math.max(1, connections) }, port));
}
