/**
 * `db-pg`: the same three queries as `db`, on a real PostgreSQL server given by the ASYNCBENCH_PG_URL
 * environment variable (the CLI's --pg-url; `npm run pg:up` starts a local one). A separate scenario
 * from `db` so an unreachable server costs only these cases, never the SQLite figures.
 *
 * Only sequential and concurrent modes: the driver (`postgres`) is asynchronous and no synchronous
 * PostgreSQL driver runs on all three runtimes, so there is no blocking mode. A server-side delay case
 * (SELECT pg_sleep) has a known unit time, so its ideal wall time and efficiency are reported.
 * Without a URL, cases() returns no cases: the scenario is skipped, not failed and not faked.
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
import { connect, describePgError, pgTarget } from './db-pg-client.ts';
import { PG_URL_ENV, PgFixture } from './db-pg-fixture.ts';
import { drawInputs, onShared, runAsyncUnits } from './db-run.ts';
import { COUNT, MILLISECONDS } from './support.ts';

export { PG_URL_ENV };

export type DbPgParams = {
  /** Rows in the filled table. */
  rows: number;
  /** Queries per case (N). */
  units: number;
  /** Queries in flight in concurrent mode (c), and the pool's connection count. */
  concurrency: number;
  /** d, the server-side delay of one pg_sleep query, ms. */
  sleepMs: number;
  /** N for the pg_sleep cases (fewer: each takes d). */
  sleepUnits: number;
};

type PgShape = QueryShape | 'sleep';
const PG_SHAPES: readonly PgShape[] = [...QUERY_SHAPES, 'sleep'];

function pgCase(shape: PgShape, p: DbPgParams, fixture: PgFixture, concurrent: boolean): WorkloadCase {
  const c = concurrent ? p.concurrency : 1;
  const sleep = shape === 'sleep';
  const units = sleep ? p.sleepUnits : p.units;
  return {
    kind: 'workload',
    id: `pg-${shape}-${concurrent ? 'concurrent' : 'sequential'}`,
    label: sleep
      ? `PostgreSQL SELECT pg_sleep(${p.sleepMs} ms), server-side delay`
      : `PostgreSQL ${SHAPE_LABELS[shape]}`,
    mode: concurrent ? 'concurrent' : 'sequential',
    variant: concurrent ? 'semaphore' : 'loop',
    units,
    concurrency: c,
    unitMs: sleep ? p.sleepMs : null,
    arrangement: `PostgreSQL server in its own process (ASYNCBENCH_PG_URL); the pure-JS postgres driver with a pool of ${p.concurrency} connections`,
    // The pool has `concurrency` connections; one query at a time uses one of them.
    ...onShared(
      fixture,
      (platform) => fixture.open(platform),
      async (ctx, { sql, q }) => {
        const seconds = p.sleepMs / 1000;
        const inputs = drawInputs(units, (): any[] => {
          if (shape === 'point') return [pickId(ctx.random, p.rows)];
          if (shape === 'scan') return [pickScanStart(ctx.random, p.rows)];
          if (shape === 'insert') return insertParams(ctx.random, p.rows);
          return [seconds];
        });
        await runAsyncUnits(ctx, units, c, (i) => {
          const params = inputs[i]!;
          if (shape === 'point') return sql.unsafe(q.point, params, { prepare: true });
          if (shape === 'scan') return sql.unsafe(q.scan, params, { prepare: true });
          if (shape === 'insert') return sql.begin((tx) => tx.unsafe(q.insert, params, { prepare: true }));
          return sql.unsafe('SELECT pg_sleep($1)', params, { prepare: true });
        });
      },
    ),
  };
}

/** How long the first connection may take before the scenario gives up on the server. */
const PROBE_MS = 10_000;

/**
 * Connects once with one connection, so a bad URL fails the scenario with one line before any case.
 * The driver's own connect_timeout covers a silent server; the race also covers a network that
 * drops packets, where the socket may never report anything.
 */
async function probe(url: string): Promise<void> {
  const sql = await connect(url, 1);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const giveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_MS / 1000} s`)), PROBE_MS);
  });
  try {
    await Promise.race([sql`SELECT 1`, giveUp]);
  } catch (error) {
    throw describePgError(error, url);
  } finally {
    clearTimeout(timer);
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** The cases of one run, once the server has answered (exported for tests, which have no server). */
export function pgCases(p: DbPgParams): Case[] {
  // One pool and one table for the run's cases (see db-pg-fixture.ts).
  const fixture = new PgFixture(p.rows, p.concurrency, PG_SHAPES.length * 2);
  const cases: Case[] = [];
  for (const shape of PG_SHAPES)
    cases.push(pgCase(shape, p, fixture, false), pgCase(shape, p, fixture, true));
  return cases;
}

export const dbPg = defineScenario<DbPgParams>({
  id: 'db-pg',
  label: 'Database: PostgreSQL',
  description:
    'The db queries (point read by primary key, small insert in a transaction, 100-row range scan) ' +
    'plus SELECT pg_sleep(d) on the PostgreSQL server named by ASYNCBENCH_PG_URL (--pg-url), through ' +
    'the pure-JS postgres driver with a pool of c connections: sequential (one query awaited at a ' +
    'time) and concurrent (c in flight through a core Semaphore). No blocking mode: there is no ' +
    'synchronous PostgreSQL driver for these runtimes. Requires ASYNCBENCH_PG_URL: without it the CLI ' +
    'skips the scenario with a note (and the scenario itself builds no cases).',
  params: {
    quick: { rows: 1000, units: 50, concurrency: 4, sleepMs: 10, sleepUnits: 20 },
    // sleepUnits*sleepMs near the profile's timed duration: a sequential pg_sleep round runs once.
    default: { rows: 10_000, units: 200, concurrency: 4, sleepMs: 10, sleepUnits: 50 },
    full: { rows: 50_000, units: 1000, concurrency: 8, sleepMs: 10, sleepUnits: 150 },
  },
  paramRules: { rows: COUNT, units: COUNT, concurrency: COUNT, sleepMs: MILLISECONDS, sleepUnits: COUNT },
  modes: ['sequential', 'concurrent'],
  unit: { singular: 'query', plural: 'queries' },
  // Without a server there is nothing to measure: the CLI skips db-pg with a note (REQUIREMENT_META).
  requires: ['postgres'],
  async cases(p, platform) {
    const url = platform.env(PG_URL_ENV);
    if (!url) return [];
    pgTarget(url);
    await probe(url);
    return pgCases(p);
  },
});
