/** One connection of Platform.openSqliteAsync's pool (a Web Worker): answers SqliteRequests. */
import type { SqliteDb } from '@asyncbench/harness';
import { type SqliteReply, type SqliteRequest, serveSqlite } from '@asyncbench/harness/adapter-kit';
import { openSqlite } from './sqlite.ts';

/** Bun's own typing for a Web Worker's global scope (bun-types recommends this declaration). */
declare var self: Worker;

const scope = self as unknown as {
  onmessage: (event: MessageEvent<SqliteRequest>) => void;
  postMessage(reply: SqliteReply): void;
};
const state: { db?: SqliteDb } = {};
scope.onmessage = (event) => scope.postMessage(serveSqlite(state, openSqlite, event.data));
