/// <reference path="./deno.d.ts" />
/** One connection of Platform.openSqliteAsync's pool (a Web Worker): answers SqliteRequests. */
import type { SqliteDb } from '@asyncbench/harness';
import { type SqliteReply, type SqliteRequest, serveSqlite } from '@asyncbench/harness/adapter-kit';
import { openSqlite } from './sqlite.ts';

const scope = self as unknown as {
  onmessage: (event: MessageEvent<SqliteRequest>) => void;
  postMessage(reply: SqliteReply): void;
};
const state: { db?: SqliteDb } = {};
scope.onmessage = (event) => scope.postMessage(serveSqlite(state, openSqlite, event.data));
