/**
 * `db`: an embedded SQLite database, so `npm run bench` measures a database with nothing installed.
 * Blocking mode runs the runtime's synchronous driver on the main thread (platform.openSqlite). The
 * async modes go through platform.openSqliteAsync, a pool of worker threads that each hold a connection
 * to the same file: SQLite drivers here are synchronous, so this is the only honest way to have a query
 * in flight while the main thread does something else. Where an adapter has no openSqliteAsync those
 * modes are left out rather than faked by wrapping a synchronous call in a promise.
 */

import type { AsyncSqliteDb, Case, Platform, SqliteDb, WorkloadCase } from '@asyncbench/harness';
import { defineScenario } from '@asyncbench/harness';
import {
  fillRows,
  insertParams,
  pickId,
  pickScanStart,
  QUERY_SHAPES,
  type QueryShape,
  SHAPE_LABELS,
  sqlFor,
} from './db-data.ts';
import { drawInputs, runAsyncUnits } from './db-run.ts';

export type DbParams = {
  /** Rows in the filled table. */
  rows: number;
  /** Queries per case (N). */
  units: number;
  /** Queries in flight in concurrent mode (c), and worker threads in the async pool. */
  concurrency: number;
};

const SQL = sqlFor('sqlite', 'items', 'events');

/** What a case keeps between setup and teardown (teardown gets no platform, so it is kept here). */
interface State<D> {
  platform: Platform;
  dir: string;
  db: D;
}

/** Creates the file, the tables and the rows on the main thread (setup, not timed). */
async function createDatabase(platform: Platform, rows: number): Promise<State<SqliteDb> & { path: string }> {
  if (!platform.openSqlite) throw new Error(`the ${platform.runtime} adapter has no openSqlite`);
  const dir = await platform.makeTempDir('asyncbench-db-');
  const path = `${dir}/bench.sqlite`;
  const db = platform.openSqlite(path);
  // WAL lets the pool's readers run beside a writer; NORMAL skips an fsync per commit, as most apps do.
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec(SQL.createItems);
  db.exec(SQL.createEvents);
  db.exec('BEGIN');
  for (const row of fillRows(rows)) db.run(SQL.insertItem, row);
  db.exec('COMMIT');
  return { platform, dir, path, db };
}

/** Parameters per query, drawn from the run's seeded PRNG. */
function drawFor(shape: QueryShape, random: () => number, rows: number): () => unknown[] {
  if (shape === 'point') return () => [pickId(random, rows)];
  if (shape === 'scan') return () => [pickScanStart(random, rows)];
  return () => insertParams(random, rows);
}

function blockingCase(shape: QueryShape, p: DbParams): WorkloadCase<State<SqliteDb>> {
  return {
    kind: 'workload',
    id: `sqlite-${shape}-blocking`,
    label: `SQLite ${SHAPE_LABELS[shape]}, synchronous driver`,
    mode: 'blocking',
    variant: 'sync-driver',
    units: p.units,
    concurrency: 1,
    unitMs: null,
    async setup(platform) {
      const { dir, db } = await createDatabase(platform, p.rows);
      return { platform, dir, db };
    },
    async run(ctx, { db }) {
      const inputs = drawInputs(p.units, drawFor(shape, ctx.random, p.rows));
      for (const params of inputs) {
        if (shape === 'point') ctx.timeSync(() => db.all(SQL.point, params));
        else if (shape === 'scan') ctx.timeSync(() => db.all(SQL.scan, params));
        else
          ctx.timeSync(() => {
            db.exec('BEGIN IMMEDIATE');
            db.run(SQL.insert, params);
            db.exec('COMMIT');
          });
      }
    },
    async teardown({ platform, dir, db }) {
      db.close();
      await platform.removeDir(dir);
    },
  };
}

/** Sequential (c = 1, each query awaited) or concurrent (c in flight through a Semaphore). */
function asyncCase(shape: QueryShape, p: DbParams, concurrent: boolean): WorkloadCase<State<AsyncSqliteDb>> {
  const c = concurrent ? p.concurrency : 1;
  return {
    kind: 'workload',
    id: `sqlite-${shape}-${concurrent ? 'concurrent' : 'sequential'}`,
    label: `SQLite ${SHAPE_LABELS[shape]}, worker-thread pool`,
    mode: concurrent ? 'concurrent' : 'sequential',
    variant: concurrent ? 'semaphore' : 'loop',
    units: p.units,
    concurrency: c,
    unitMs: null,
    async setup(platform) {
      if (!platform.openSqliteAsync)
        throw new Error(`the ${platform.runtime} adapter has no openSqliteAsync`);
      const created = await createDatabase(platform, p.rows);
      created.db.close();
      // Same pool size in both modes, so the only difference is how many queries are in flight.
      const db = await platform.openSqliteAsync(created.path, p.concurrency);
      return { platform, dir: created.dir, db };
    },
    async run(ctx, { db }) {
      const inputs = drawInputs(p.units, drawFor(shape, ctx.random, p.rows));
      await runAsyncUnits(ctx, p.units, c, (i) => {
        const params = inputs[i]!;
        if (shape === 'point') return db.all(SQL.point, params);
        if (shape === 'scan') return db.all(SQL.scan, params);
        return db.transaction([{ sql: SQL.insert, params }]);
      });
    },
    async teardown({ platform, dir, db }) {
      await db.close();
      await platform.removeDir(dir);
    },
  };
}

export const db = defineScenario<DbParams>({
  id: 'db',
  label: 'Database: embedded SQLite',
  description:
    'Point reads by primary key, small inserts in a transaction and 100-row range scans on a SQLite file ' +
    'the scenario fills itself (fixed seed). blocking: the synchronous driver on the main thread. ' +
    'sequential / concurrent: a pool of worker threads, each with its own connection (WAL), one query ' +
    'awaited at a time or c in flight through a core Semaphore. Where an adapter has no worker pool, ' +
    'only blocking runs. PostgreSQL is the separate db-pg scenario.',
  params: {
    quick: { rows: 1000, units: 200, concurrency: 4 },
    default: { rows: 10_000, units: 1000, concurrency: 4 },
    full: { rows: 50_000, units: 5000, concurrency: 8 },
  },
  modes: ['blocking', 'sequential', 'concurrent'],
  cases(p, platform) {
    const cases: Case[] = [];
    for (const shape of QUERY_SHAPES) {
      if (platform.openSqlite) cases.push(blockingCase(shape, p));
      if (platform.openSqlite && platform.openSqliteAsync) {
        cases.push(asyncCase(shape, p, false), asyncCase(shape, p, true));
      }
    }
    return cases;
  },
});
