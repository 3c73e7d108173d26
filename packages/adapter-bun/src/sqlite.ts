/** Platform.openSqlite on Bun (bun:sqlite), also each connection of the async pool. */
import { Database } from 'bun:sqlite';
import type { DriverInfo, SqliteDb } from '@asyncbench/harness';
import { describeSqliteDriver } from '@asyncbench/harness/adapter-kit';

export function openSqlite(path: string): SqliteDb {
  const db = new Database(path, { create: true });
  return {
    exec: (sql) => void db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...(params as never[])),
    all: (sql, params = []) => db.prepare(sql).all(...(params as never[])),
    close: () => db.close(),
  };
}

/** Platform.sqliteDriver: bun:sqlite and the SQLite library it was built with. */
export const sqliteDriver = (): DriverInfo => describeSqliteDriver('bun:sqlite', openSqlite);
