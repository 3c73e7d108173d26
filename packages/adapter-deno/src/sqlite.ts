/// <reference path="./deno.d.ts" />
/** Platform.openSqlite on Deno (node:sqlite's DatabaseSync), also each connection of the async pool. */
import { DatabaseSync } from 'node:sqlite';
import type { DriverInfo, SqliteDb } from '@asyncbench/harness';

export function openSqlite(path: string): SqliteDb {
  const db = new DatabaseSync(path);
  return {
    exec: (sql) => db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...params),
    all: (sql, params = []) => db.prepare(sql).all(...params),
    close: () => db.close(),
  };
}

/** Platform.sqliteDriver: Deno's node:sqlite and the SQLite library it was built with. */
export function sqliteDriver(): DriverInfo {
  const db = new DatabaseSync(':memory:');
  try {
    const row = db.prepare('select sqlite_version() as v').get() as { v: string };
    return { name: 'node:sqlite', engine: `SQLite ${row.v}` };
  } finally {
    db.close();
  }
}
