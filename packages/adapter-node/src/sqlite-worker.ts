/** One connection of Platform.openSqliteAsync's pool: answers SqliteRequests from the main thread. */
import { parentPort } from 'node:worker_threads';
import type { SqliteDb } from '@asyncbench/harness';
import { type SqliteRequest, serveSqlite } from '@asyncbench/harness/adapter-kit';
import { openSqlite } from './sqlite.ts';

const state: { db?: SqliteDb } = {};
parentPort!.on('message', (request: SqliteRequest) => {
  parentPort!.postMessage(serveSqlite(state, openSqlite, request));
});
