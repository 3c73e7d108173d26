/**
 * `db`: an embedded SQLite database, so `npm run bench` measures a database with nothing installed.
 * Blocking mode runs the runtime's synchronous driver on the main thread (platform.openSqlite). The
 * async modes go through platform.openSqliteAsync, a pool of worker threads that each hold a connection
 * to the same file: SQLite drivers here are synchronous, so this is the only honest way to have a query
 * in flight while the main thread does something else. An adapter without openSqliteAsync fails those
 * cases with a clear error; they are never faked by wrapping a synchronous call in a promise.
 */

import type { Case, WorkloadCase } from '@asyncbench/harness';
import { defineScenario } from '@asyncbench/harness';
import {
  insertParams,
  pickId,
  pickScanStart,
  QUERY_SHAPES,
  type QueryShape,
  SHAPE_LABELS,
} from './db-data.ts';
import { drawInputs, onShared, runAsyncUnits } from './db-run.ts';
import { SQL, SqliteFixture } from './db-sqlite-fixture.ts';
import { COUNT } from './support.ts';

export type DbParams = {
  /** Rows in the filled table. */
  rows: number;
  /** Queries per case (N). */
  units: number;
  /** Queries in flight in concurrent mode (c), and worker threads in the async pool. */
  concurrency: number;
};

/** Parameters per query, drawn from the run's seeded PRNG. */
function drawFor(shape: QueryShape, random: () => number, rows: number): () => unknown[] {
  if (shape === 'point') return () => [pickId(random, rows)];
  if (shape === 'scan') return () => [pickScanStart(random, rows)];
  return () => insertParams(random, rows);
}

function blockingCase(shape: QueryShape, p: DbParams, fixture: SqliteFixture): WorkloadCase {
  return {
    kind: 'workload',
    id: `sqlite-${shape}-blocking`,
    label: `SQLite ${SHAPE_LABELS[shape]}, synchronous driver`,
    mode: 'blocking',
    variant: 'sync-driver',
    units: p.units,
    concurrency: 1,
    unitMs: null,
    arrangement:
      'SQLite file (WAL) in the temp directory; the runtime’s synchronous driver on the main thread',
    ...onShared(
      fixture,
      (platform) => fixture.sync(platform),
      async (ctx, db) => {
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
    ),
  };
}

/** Sequential (c = 1, each query awaited) or concurrent (c in flight through a Semaphore). */
function asyncCase(
  shape: QueryShape,
  p: DbParams,
  fixture: SqliteFixture,
  concurrent: boolean,
): WorkloadCase {
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
    arrangement: `SQLite file (WAL) in the temp directory; a pool of ${p.concurrency} worker threads, one connection each`,
    // The pool has `concurrency` workers; one query at a time always lands on the first (least busy).
    ...onShared(
      fixture,
      (platform) => fixture.pool(platform),
      async (ctx, db) => {
        const inputs = drawInputs(p.units, drawFor(shape, ctx.random, p.rows));
        await runAsyncUnits(ctx, p.units, c, (i) => {
          const params = inputs[i]!;
          if (shape === 'point') return db.all(SQL.point, params);
          if (shape === 'scan') return db.all(SQL.scan, params);
          return db.transaction([{ sql: SQL.insert, params }]);
        });
      },
    ),
  };
}

export const db = defineScenario<DbParams>({
  id: 'db',
  label: 'Database: embedded SQLite',
  description:
    'Point reads by primary key, small inserts in a transaction and 100-row range scans on a SQLite file ' +
    'the scenario fills itself (fixed seed). blocking: the synchronous driver on the main thread. ' +
    'sequential / concurrent: a pool of worker threads, each with its own connection (WAL), one query ' +
    'awaited at a time or c in flight through a core Semaphore (never a sync call wrapped in a promise). ' +
    'PostgreSQL is the separate db-pg scenario.',
  params: {
    quick: { rows: 1000, units: 100, concurrency: 4 },
    default: { rows: 10_000, units: 1000, concurrency: 4 },
    full: { rows: 50_000, units: 5000, concurrency: 8 },
  },
  paramRules: { rows: COUNT, units: COUNT, concurrency: COUNT },
  modes: ['blocking', 'sequential', 'concurrent'],
  unit: { singular: 'query', plural: 'queries' },
  requires: ['sqlite'],
  cases(p) {
    // One file and one pool for the run's cases (see db-sqlite-fixture.ts).
    const fixture = new SqliteFixture(p.rows, p.concurrency, QUERY_SHAPES.length * 3);
    const cases: Case[] = [];
    for (const shape of QUERY_SHAPES) {
      cases.push(
        blockingCase(shape, p, fixture),
        asyncCase(shape, p, fixture, false),
        asyncCase(shape, p, fixture, true),
      );
    }
    return cases;
  },
});
