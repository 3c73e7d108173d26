/// <reference path="./deno.d.ts" />
/** One connection of Platform.openSqliteAsync's pool (a Web Worker): answers SqliteRequests. */
import { DatabaseSync } from 'node:sqlite';
import type { SqliteDb } from '@asyncbench/harness';
import { type SqliteReply, type SqliteRequest, serveSqlite } from '@asyncbench/harness/adapter-kit';

function open(path: string): SqliteDb {
  const db = new DatabaseSync(path);
  return {
    exec: (sql) => db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...params),
    all: (sql, params = []) => db.prepare(sql).all(...params),
    close: () => db.close(),
  };
}

const scope = self as unknown as {
  onmessage: (event: MessageEvent<SqliteRequest>) => void;
  postMessage(reply: SqliteReply): void;
};
const state: { db?: SqliteDb } = {};
scope.onmessage = (event) => scope.postMessage(serveSqlite(state, open, event.data));
