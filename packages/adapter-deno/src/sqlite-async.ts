/** Platform.openSqliteAsync on Deno: `connections` Web Workers, each running sqlite-worker.ts. */
import type { AsyncSqliteDb } from '@asyncbench/harness';
import { createSqlitePool, type SqliteReply, type SqliteWorkerPort } from './sqlite-pool.ts';

function port(): SqliteWorkerPort {
  // dist/main.js finds the bundled .js beside itself; from source (tests) Deno runs the .ts entry.
  const extension = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const worker = new Worker(new URL(`./sqlite-worker.${extension}`, import.meta.url), { type: 'module' });
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
