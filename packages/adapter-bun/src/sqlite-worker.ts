/** One connection of Platform.openSqliteAsync's pool (a Web Worker): answers SqliteRequests. */
import { answerSqliteRequests } from '@asyncbench/harness/adapter-kit';
import { openSqlite } from './sqlite.ts';

/** Bun's own typing for a Web Worker's global scope (bun-types recommends this declaration). */
declare var self: Worker;

answerSqliteRequests(self, openSqlite);
