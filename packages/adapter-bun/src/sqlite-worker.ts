/** One connection of Platform.openSqliteAsync's pool (a Web Worker): answers SqliteRequests. */
import { Database } from 'bun:sqlite';
import type { SqliteDb } from '@asyncbench/harness';
import { type SqliteReply, type SqliteRequest, serveSqlite } from '@asyncbench/harness/adapter-kit';

/** Bun's own typing for a Web Worker's global scope (bun-types recommends this declaration). */
declare var self: Worker;

function open(path: string): SqliteDb {
  const db = new Database(path, { create: true });
  return {
    exec: (sql) => void db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...(params as never[])),
    all: (sql, params = []) => db.prepare(sql).all(...(params as never[])),
    close: () => db.close(),
  };
}

const scope = self as unknown as {
  onmessage: (event: MessageEvent<SqliteRequest>) => void;
  postMessage(reply: SqliteReply): void;
};
const state: { db?: SqliteDb } = {};
scope.onmessage = (event) => scope.postMessage(serveSqlite(state, open, event.data));
