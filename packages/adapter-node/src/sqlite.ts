import { createRequire } from 'node:module';
import type { DriverInfo, SqliteDb } from '@asyncbench/harness';
import { describeSqliteDriver } from '@asyncbench/harness/adapter-kit';

/** The statement/database shape node:sqlite's DatabaseSync and better-sqlite3 share. */
interface Driver {
  exec(sql: string): unknown;
  prepare(sql: string): {
    run(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  };
  close(): unknown;
}

type Open = (path: string) => Driver;

/**
 * Set by the CLI for a Node without node:sqlite whose ABI the installed better-sqlite3 was not built
 * for: the path of a better_sqlite3.node built for this Node (better-sqlite3's `nativeBinding`).
 */
const BINDING_ENV = 'ASYNCBENCH_BETTER_SQLITE3_BINDING';
/** Set by the CLI when it could not provide a driver for this Node: the reason, reported as the error. */
const UNAVAILABLE_ENV = 'ASYNCBENCH_SQLITE_UNAVAILABLE';

/**
 * node:sqlite where this Node has it (22.13+ and 23.4+; 22.5-22.12 and 23.0-23.3 behind
 * --experimental-sqlite, which the CLI passes); otherwise better-sqlite3 (Node 20, 22.0-22.4). Both
 * load synchronously (getBuiltinModule / createRequire), so openSqlite stays sync.
 */
function loadDriver(): { open: Open; name: string } {
  const unavailable = process.env[UNAVAILABLE_ENV];
  if (unavailable) throw new Error(unavailable);
  const builtin = process.getBuiltinModule?.('node:sqlite') as
    | { DatabaseSync: new (path: string) => Driver }
    | undefined;
  if (builtin) return { open: (path) => new builtin.DatabaseSync(path), name: 'node:sqlite' };
  const require = createRequire(import.meta.url);
  const binding = process.env[BINDING_ENV];
  try {
    const BetterSqlite3 = require('better-sqlite3') as new (
      path: string,
      options?: { nativeBinding?: string },
    ) => Driver;
    const version = (require('better-sqlite3/package.json') as { version: string }).version;
    const open: Open = (path) => new BetterSqlite3(path, binding ? { nativeBinding: binding } : {});
    // Loading the addon happens on first open: fail here, with the reason, rather than mid-case.
    open(':memory:').close();
    return { open, name: `better-sqlite3 ${version}` };
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(
      `no SQLite driver on Node ${process.versions.node}: node:sqlite needs Node 22.5+, and better-sqlite3 did not load (${why})`,
    );
  }
}

let driver: { open: Open; name: string } | undefined;

export function openSqlite(path: string): SqliteDb {
  driver ??= loadDriver();
  const db = driver.open(path);
  return {
    exec: (sql) => void db.exec(sql),
    run: (sql, params = []) => void db.prepare(sql).run(...params),
    all: (sql, params = []) => db.prepare(sql).all(...params),
    close: () => void db.close(),
  };
}

/** Platform.sqliteDriver: the driver openSqlite uses and its SQLite version. */
export function sqliteDriver(): DriverInfo {
  driver ??= loadDriver();
  return describeSqliteDriver(driver.name, openSqlite);
}
