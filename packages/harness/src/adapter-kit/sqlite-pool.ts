/**
 * Platform.openSqliteAsync, runtime-neutral part: a pool of worker threads, each holding its own
 * synchronous connection to the same SQLite file, so a query runs off the main thread and several run
 * at once (WAL lets readers proceed beside a writer; writers wait on busy_timeout). Every adapter uses
 * this one copy; only its worker entry (sqlite-worker.ts) and how a worker starts differ.
 */

import type { DriverInfo } from '@asyncbench/results/schema';
import type { AsyncSqliteDb, SqliteDb, SqlStatement } from '../platform.ts';

/** Main thread -> worker. The first message a worker gets is `{ id: 0, op: 'open', path }`. */
export type SqliteRequest =
  | { id: number; op: 'open'; path: string }
  | { id: number; op: 'exec'; sql: string }
  | { id: number; op: 'run' | 'all'; sql: string; params: readonly unknown[] }
  | { id: number; op: 'tx'; statements: readonly SqlStatement[] }
  | { id: number; op: 'close' };

/** Worker -> main thread: one reply per request, in the order the worker got them. */
export type SqliteReply =
  | { id: number; ok: true; rows?: unknown[] }
  | { id: number; ok: false; message: string };

/** A started worker, whatever the runtime's Worker API looks like. */
export interface SqliteWorkerPort {
  post(request: SqliteRequest): void;
  /** Called once: every reply and every worker error goes to these. */
  listen(onReply: (reply: SqliteReply) => void, onError: (error: Error) => void): void;
  /** Whether the process may exit while the worker is idle (Node/Bun unref); optional. */
  hold?(busy: boolean): void;
  terminate(): Promise<void> | void;
}

/** Worker side: answers one request on its own connection. Synchronous, as the driver is. */
export function serveSqlite(
  state: { db?: SqliteDb },
  open: (path: string) => SqliteDb,
  request: SqliteRequest,
): SqliteReply {
  const { id } = request;
  try {
    switch (request.op) {
      case 'open': {
        const db = open(request.path);
        // Per-connection settings: wait for a writer instead of failing with SQLITE_BUSY.
        db.exec('PRAGMA busy_timeout = 5000');
        db.exec('PRAGMA synchronous = NORMAL');
        state.db = db;
        return { id, ok: true };
      }
      case 'exec':
        state.db!.exec(request.sql);
        return { id, ok: true };
      case 'run':
        state.db!.run(request.sql, request.params);
        return { id, ok: true };
      case 'all':
        return { id, ok: true, rows: state.db!.all(request.sql, request.params) };
      case 'tx': {
        const db = state.db!;
        // IMMEDIATE takes the write lock up front, so two connections never deadlock upgrading.
        db.exec('BEGIN IMMEDIATE');
        try {
          for (const s of request.statements) db.run(s.sql, s.params ?? []);
          db.exec('COMMIT');
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
        return { id, ok: true };
      }
      case 'close':
        state.db?.close();
        state.db = undefined;
        return { id, ok: true };
    }
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

interface Slot {
  port: SqliteWorkerPort;
  /** Requests sent and not answered yet. */
  pending: Map<number, { resolve: (rows: unknown[] | undefined) => void; reject: (error: Error) => void }>;
}

/** Main-thread side: opens the file in every worker, then sends each query to the least busy one. */
export async function createSqlitePool(
  path: string,
  ports: readonly SqliteWorkerPort[],
): Promise<AsyncSqliteDb> {
  let nextId = 1;
  let closed = false;
  const slots: Slot[] = ports.map((port) => ({ port, pending: new Map() }));

  for (const slot of slots) {
    slot.port.listen(
      (reply) => {
        const waiter = slot.pending.get(reply.id);
        if (!waiter) return;
        slot.pending.delete(reply.id);
        if (slot.pending.size === 0) slot.port.hold?.(false);
        if (reply.ok) waiter.resolve(reply.rows);
        else waiter.reject(new Error(`SQLite: ${reply.message}`));
      },
      (error) => {
        // A dead worker fails what it held; later requests to it fail too rather than hang.
        for (const waiter of slot.pending.values()) waiter.reject(error);
        slot.pending.clear();
      },
    );
  }

  function send(slot: Slot, request: SqliteRequest): Promise<unknown[] | undefined> {
    return new Promise((resolve, reject) => {
      if (slot.pending.size === 0) slot.port.hold?.(true);
      slot.pending.set(request.id, { resolve, reject });
      slot.port.post(request);
    });
  }

  function leastBusy(): Slot {
    let best = slots[0]!;
    for (const slot of slots) if (slot.pending.size < best.pending.size) best = slot;
    return best;
  }

  function request(make: (id: number) => SqliteRequest): Promise<unknown[] | undefined> {
    if (closed) return Promise.reject(new Error('SQLite pool is closed'));
    return send(leastBusy(), make(nextId++));
  }

  async function shutdown(): Promise<void> {
    closed = true;
    await Promise.allSettled(slots.map((slot) => send(slot, { id: nextId++, op: 'close' })));
    await Promise.all(slots.map((slot) => slot.port.terminate()));
  }

  try {
    await Promise.all(slots.map((slot) => send(slot, { id: 0, op: 'open', path })));
  } catch (error) {
    await Promise.all(slots.map((slot) => slot.port.terminate()));
    throw error;
  }

  return {
    size: slots.length,
    exec: async (sql) => void (await request((id) => ({ id, op: 'exec', sql }))),
    run: async (sql, params = []) => void (await request((id) => ({ id, op: 'run', sql, params }))),
    all: async (sql, params = []) => (await request((id) => ({ id, op: 'all', sql, params }))) ?? [],
    transaction: async (statements) => void (await request((id) => ({ id, op: 'tx', statements }))),
    close: shutdown,
  };
}

/**
 * Platform.sqliteDriver for an adapter: `name` and the SQLite library's version, asked of an
 * in-memory database opened with the adapter's own openSqlite.
 */
export function describeSqliteDriver(name: string, open: (path: string) => SqliteDb): DriverInfo {
  const db = open(':memory:');
  try {
    const [row] = db.all('select sqlite_version() as v') as { v: string }[];
    return { name, engine: `SQLite ${row!.v}` };
  } finally {
    db.close();
  }
}
