/// <reference path="./deno.d.ts" />
/** Platform.openSqlite on Deno (node:sqlite's DatabaseSync), also each connection of the async pool. */
import { DatabaseSync } from 'node:sqlite';
import type { DriverInfo, SqliteDb } from '@asyncbench/harness';
import { describeSqliteDriver } from '@asyncbench/harness/adapter-kit';

export function openSqlite(path: string): SqliteDb {
  const db = new DatabaseSync(path);
  return {
    exec: (sql) => db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...params),
    all: (sql, params = []) => db.prepare(sql).all(...params),
    close: () => db.close(),
  };
}

/** Platform.sqliteDriver: node:sqlite and the SQLite library it was built with. */
export const sqliteDriver = (): DriverInfo => describeSqliteDriver('node:sqlite', openSqlite);
