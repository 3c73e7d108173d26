/**
 * The db and db-pg scenario definitions: ids, params, modes, which cases exist on which platform, and
 * that db-pg is skipped (no cases) without a URL and names host:port, never the password, when the
 * server cannot be reached. Real runs are exercised through the adapters.
 */

import { idealWallMs, type Platform, PROFILES, type WorkloadCase } from '@asyncbench/harness';
import { describe, expect, it } from 'vitest';
import { db } from './db.ts';
import { fillRows, pickScanStart, SCAN_ROWS, sqlFor } from './db-data.ts';
import { dbPg, pgCases } from './db-pg.ts';
import { describePgError, pgTarget, scrub } from './db-pg-client.ts';
import { SqliteFixture } from './db-sqlite-fixture.ts';

/** A Platform with only what cases() looks at: the rest is never touched there. */
function fakePlatform(over: Partial<Platform>): Platform {
  return { runtime: 'node', version: '0', env: () => undefined, ...over } as Platform;
}

describe('db (SQLite)', () => {
  it('has a stable id, all three modes and params for every profile', () => {
    expect(db.id).toBe('db');
    expect(db.modes).toEqual(['blocking', 'sequential', 'concurrent']);
    for (const profile of PROFILES) {
      const p = db.params[profile];
      expect(p.rows).toBeGreaterThanOrEqual(SCAN_ROWS);
      expect(p.units).toBeGreaterThan(0);
      expect(p.concurrency).toBeGreaterThan(1);
    }
  });

  it('runs every shape in every mode', async () => {
    const cases = (await db.cases(db.params.quick, fakePlatform({}))) as WorkloadCase[];
    expect(cases.map((c) => c.id).sort()).toEqual(
      [
        'sqlite-insert-blocking',
        'sqlite-insert-concurrent',
        'sqlite-insert-sequential',
        'sqlite-point-blocking',
        'sqlite-point-concurrent',
        'sqlite-point-sequential',
        'sqlite-scan-blocking',
        'sqlite-scan-concurrent',
        'sqlite-scan-sequential',
      ].sort(),
    );
    for (const c of cases) {
      expect(c.kind).toBe('workload');
      expect(c.units).toBe(db.params.quick.units);
      expect(c.concurrency).toBe(c.mode === 'concurrent' ? db.params.quick.concurrency : 1);
      expect(c.unitMs).toBeNull();
    }
  });

  it('fails the async modes on an adapter without a worker pool, never a sync call dressed as async', async () => {
    const cases = (await db.cases(db.params.quick, fakePlatform({}))) as WorkloadCase[];
    const sequential = cases.find((c) => c.id === 'sqlite-point-sequential')!;
    const platform = fakePlatform({ openSqlite: () => ({}) as any });
    await expect(sequential.setup!(platform)).rejects.toThrow(/no openSqliteAsync/);
  });
});

describe('db data', () => {
  it('fills the same rows every time', () => {
    expect(fillRows(50)).toEqual(fillRows(50));
    expect(fillRows(3).map((r) => r[0])).toEqual([1, 2, 3]);
  });

  it('starts range scans where 100 rows exist', () => {
    const high = () => 0.999999;
    expect(pickScanStart(high, 1000) + SCAN_ROWS - 1).toBeLessThanOrEqual(1000);
  });

  it('speaks each dialect', () => {
    expect(sqlFor('sqlite', 'i', 'e').point).toContain('id = ?');
    expect(sqlFor('pg', 'i', 'e').point).toContain('id = $1');
  });
});

describe('db-pg (PostgreSQL)', () => {
  it('has a stable id, async modes only (no sync driver), and a known unit time for pg_sleep', () => {
    expect(dbPg.id).toBe('db-pg');
    expect(dbPg.modes).toEqual(['sequential', 'concurrent']);
    expect(dbPg.description).toMatch(/No blocking mode/);
    for (const profile of PROFILES) expect(dbPg.params[profile].sleepMs).toBeGreaterThan(0);
  });

  it.each(PROFILES)('builds its %s cases once the server answers: every shape, both modes', (profile) => {
    const p = dbPg.params[profile];
    const cases = pgCases(p) as WorkloadCase[];
    const ids = cases.map((c) => c.id);
    for (const shape of ['point', 'insert', 'scan', 'sleep']) {
      expect(ids).toContain(`pg-${shape}-sequential`);
      expect(ids).toContain(`pg-${shape}-concurrent`);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cases) {
      expect(c.concurrency, c.id).toBe(c.mode === 'concurrent' ? p.concurrency : 1);
      expect(c.concurrency, c.id).toBeLessThanOrEqual(c.units);
    }
    // pg_sleep has a known unit time, so its ideal is known: N*d one at a time, d*ceil(N/c) with c in flight.
    const ideal = Object.fromEntries(cases.map((c) => [c.id, idealWallMs(c)]));
    expect(ideal['pg-sleep-sequential']).toBe(p.sleepUnits * p.sleepMs);
    expect(ideal['pg-sleep-concurrent']).toBe(p.sleepMs * Math.ceil(p.sleepUnits / p.concurrency));
    expect(ideal['pg-point-sequential']).toBeNull();
  });

  it('is skipped (no cases, no connection) without ASYNCBENCH_PG_URL', async () => {
    expect(await dbPg.cases(dbPg.params.quick, fakePlatform({}))).toEqual([]);
    expect(dbPg.description).toMatch(/Requires ASYNCBENCH_PG_URL: without it the CLI skips the scenario/);
  });

  it('fails with host:port and without the password when nothing listens there', async () => {
    // Port 1 on 127.0.0.1: refused at once, no server needed.
    const url = 'postgres://u:s3cret-pw@127.0.0.1:1/db';
    const platform = fakePlatform({ env: (name) => (name === 'ASYNCBENCH_PG_URL' ? url : undefined) });
    const error = await Promise.resolve(dbPg.cases(dbPg.params.quick, platform)).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/^PostgreSQL at 127\.0\.0\.1:1: /);
    expect(error?.message).toMatch(/ECONNREFUSED/);
    expect(error?.message).not.toContain('s3cret-pw');
  });

  it('rejects a malformed URL without echoing it', () => {
    expect(() => pgTarget('not a url with s3cret')).toThrow(/not a valid URL/);
    expect(() => pgTarget('not a url with s3cret')).not.toThrow(/s3cret/);
    expect(() => pgTarget('http://h:1/x')).toThrow(/postgres:\/\//);
    expect(pgTarget('postgres://u:p@db.example:6543/x')).toBe('db.example:6543');
    expect(pgTarget('postgresql://u:p@h/x')).toBe('h:5432');
  });

  it('scrubs the password and the URL out of driver messages', () => {
    const url = 'postgres://u:p%40ss@h:1/x';
    expect(scrub(`failed for ${url} with p@ss`, url)).toBe('failed for <ASYNCBENCH_PG_URL> with ***');
    const error = describePgError(Object.assign(new Error('boom p@ss'), { code: 'XX000' }), url);
    expect(error.message).toBe('PostgreSQL at h:1: XX000 boom ***');
  });
});

describe('SqliteFixture', () => {
  /** Counts what the fixture opens and closes, on fakes that do nothing. */
  function counting() {
    const counts = { dirs: 0, removed: 0, opened: 0, closed: 0, pools: 0, poolsClosed: 0, statements: 0 };
    const platform = fakePlatform({
      makeTempDir: async () => `/tmp/fake-${++counts.dirs}`,
      removeDir: async () => void counts.removed++,
      openSqlite: () => {
        counts.opened++;
        return {
          exec: () => void counts.statements++,
          run: () => void counts.statements++,
          all: () => [],
          close: () => void counts.closed++,
        };
      },
      openSqliteAsync: async (_path, connections) => {
        counts.pools++;
        return { size: connections, close: async () => void counts.poolsClosed++ } as any;
      },
    });
    return { counts, platform };
  }

  it('creates the file and the pool once for all cases, and frees them after the last', async () => {
    const { counts, platform } = counting();
    const fixture = new SqliteFixture(10, 4, 3);
    await Promise.all([fixture.sync(platform), fixture.pool(platform), fixture.pool(platform)]);
    expect(counts).toMatchObject({ dirs: 1, opened: 1, pools: 1 });
    await fixture.release(false);
    await fixture.release(false);
    expect(counts).toMatchObject({ removed: 0, closed: 0, poolsClosed: 0 });
    await fixture.release(false);
    expect(counts).toMatchObject({ removed: 1, closed: 1, poolsClosed: 1 });
  });

  it('frees everything at the first failure (the runner runs no further case)', async () => {
    const { counts, platform } = counting();
    const fixture = new SqliteFixture(10, 4, 9);
    await fixture.pool(platform);
    await fixture.release(true);
    expect(counts).toMatchObject({ removed: 1, closed: 1, poolsClosed: 1 });
  });
});
