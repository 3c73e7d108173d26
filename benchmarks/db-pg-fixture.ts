/**
 * The PostgreSQL pool and tables the `db-pg` cases share within one run: connecting (SCRAM
 * authentication per connection), creating and filling the table happen once, as setup. Tables get
 * a per-run name so parallel runs against the same server (several runtimes, several test suites)
 * never see each other's rows; they are dropped when the last case is done.
 */
import type { Platform } from '@asyncbench/harness';
import { fillRows, sqlFor } from './db-data.ts';
import { connect, describePgError, type Sql, warmUp } from './db-pg-client.ts';
import { SharedFixture } from './db-run.ts';

export const PG_URL_ENV = 'ASYNCBENCH_PG_URL';

/** Rows per multi-row INSERT while filling (5 parameters each, well under the 65535 limit). */
const BATCH = 500;

export interface PgHandle {
  sql: Sql;
  q: ReturnType<typeof sqlFor>;
}

/** A name suffix for this run's tables. It only names tables; it never picks data. */
function tableSuffix(): string {
  return `${Date.now().toString(36)}_${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}

export class PgFixture extends SharedFixture<PgHandle> {
  readonly #rows: number;
  readonly #poolSize: number;

  constructor(rows: number, poolSize: number, cases: number) {
    super(cases);
    this.#rows = rows;
    this.#poolSize = poolSize;
  }

  /** The pool (at most `poolSize` connections, all opened now) and this run's filled tables. */
  open(platform: Platform): Promise<PgHandle> {
    return this.acquire(platform);
  }

  protected async dispose(handle: PgHandle): Promise<void> {
    try {
      await handle.sql.unsafe(handle.q.dropItems);
      await handle.sql.unsafe(handle.q.dropEvents);
    } finally {
      await handle.sql.end({ timeout: 5 });
    }
  }

  protected async create(platform: Platform): Promise<PgHandle> {
    const url = platform.env(PG_URL_ENV);
    if (!url) throw new Error(`${PG_URL_ENV} is not set`);
    const sql = await connect(url, this.#poolSize);
    await warmUp(sql, this.#poolSize, url);
    const suffix = tableSuffix();
    const q = sqlFor('pg', `asyncbench_items_${suffix}`, `asyncbench_events_${suffix}`);
    try {
      await sql.unsafe(q.createItems);
      await sql.unsafe(q.createEvents);
      const rows = fillRows(this.#rows);
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        await sql.unsafe(q.insertItems(batch.length), batch.flat());
      }
    } catch (error) {
      await sql.unsafe(q.dropItems).catch(() => {});
      await sql.unsafe(q.dropEvents).catch(() => {});
      await sql.end({ timeout: 1 }).catch(() => {});
      throw describePgError(error, url);
    }
    return { sql, q };
  }
}
