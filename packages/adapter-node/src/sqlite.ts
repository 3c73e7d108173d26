import { createRequire } from 'node:module';
import type { SqliteDb } from '@asyncbench/harness';

/** The statement/database shape node:sqlite's DatabaseSync and better-sqlite3 share. */
interface Driver {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  close(): unknown;
}

/**
 * node:sqlite where this Node has it (22.13+); Node 20 does not, so better-sqlite3 then. Both load
 * synchronously (getBuiltinModule / createRequire), so openSqlite stays sync.
 */
function loadDriver(): new (path: string) => Driver {
  const builtin = process.getBuiltinModule?.('node:sqlite') as
    | { DatabaseSync: new (path: string) => Driver }
    | undefined;
  if (builtin) return builtin.DatabaseSync;
  return createRequire(import.meta.url)('better-sqlite3') as new (
    path: string,
  ) => Driver;
}

let Driver: (new (path: string) => Driver) | undefined;

export function openSqlite(path: string): SqliteDb {
  Driver ??= loadDriver();
  const db = new Driver(path);
  return {
    exec: (sql) => void db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...params),
    all: (sql, params = []) => db.prepare(sql).all(...params),
    close: () => void db.close(),
  };
}
