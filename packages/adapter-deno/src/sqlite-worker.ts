/// <reference path="./deno.d.ts" />
/** One connection of Platform.openSqliteAsync's pool (a Web Worker): answers SqliteRequests. */
import { answerSqliteRequests } from '@asyncbench/harness/adapter-kit';
import { openSqlite } from './sqlite.ts';

answerSqliteRequests(self, openSqlite);
