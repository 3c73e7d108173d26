/** Platform.openSqlite on Bun (bun:sqlite), also each connection of the async pool. */
import { Database } from 'bun:sqlite';
import type { SqliteDb } from '@asyncbench/harness';

export function openSqlite(path: string): SqliteDb {
  const db = new Database(path, { create: true });
  return {
    exec: (sql) => void db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...(params as never[])),
    all: (sql, params = []) => db.prepare(sql).all(...(params as never[])),
    close: () => db.close(),
  };
}
