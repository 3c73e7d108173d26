/**
 * The SQLite file the `db` cases share within one run: created and filled once, its worker pool
 * started once. Starting worker threads and filling the table are setup, not measurement, and paying
 * for them per case made a quick run take seconds on a loaded machine. Reads hit the fixed `items`
 * table; inserts go to `events`, so earlier cases never change what later ones read.
 */
import type { AsyncSqliteDb, Platform, SqliteDb } from '@asyncbench/harness';
import { fillRows, sqlFor } from './db-data.ts';
import { SharedFixture } from './db-run.ts';

export const SQL = sqlFor('sqlite', 'items', 'events');

interface Opened {
  platform: Platform;
  dir: string;
  path: string;
  sync: SqliteDb;
  pool?: Promise<AsyncSqliteDb>;
}

export class SqliteFixture extends SharedFixture<Opened> {
  readonly #rows: number;
  readonly #poolSize: number;

  constructor(rows: number, poolSize: number, cases: number) {
    super(cases);
    this.#rows = rows;
    this.#poolSize = poolSize;
  }

  /** The synchronous connection on the main thread (blocking mode). */
  async sync(platform: Platform): Promise<SqliteDb> {
    return (await this.acquire(platform)).sync;
  }

  /** The worker pool (sequential and concurrent modes): `poolSize` connections to the same file. */
  async pool(platform: Platform): Promise<AsyncSqliteDb> {
    const openAsync = platform.openSqliteAsync;
    if (!openAsync) throw new Error(`the ${platform.runtime} adapter has no openSqliteAsync`);
    const opened = await this.acquire(platform);
    opened.pool ??= openAsync(opened.path, this.#poolSize);
    return opened.pool;
  }

  protected async dispose(opened: Opened): Promise<void> {
    try {
      if (opened.pool) await (await opened.pool).close();
    } finally {
      opened.sync.close();
      await opened.platform.removeDir(opened.dir);
    }
  }

  /** Creates the file, the tables and the rows on the main thread. */
  protected async create(platform: Platform): Promise<Opened> {
    if (!platform.openSqlite) throw new Error(`the ${platform.runtime} adapter has no openSqlite`);
    const dir = await platform.makeTempDir('asyncbench-db-');
    const path = `${dir}/bench.sqlite`;
    const sync = platform.openSqlite(path);
    // WAL lets the pool's readers run beside a writer; NORMAL skips an fsync per commit, as most apps do.
    sync.exec('PRAGMA journal_mode = WAL');
    sync.exec('PRAGMA synchronous = NORMAL');
    sync.exec('PRAGMA busy_timeout = 5000');
    sync.exec(SQL.createItems);
    sync.exec(SQL.createEvents);
    sync.exec('BEGIN');
    for (const row of fillRows(this.#rows)) sync.run(SQL.insertItem, row);
    sync.exec('COMMIT');
    return { platform, dir, path, sync };
  }
}
