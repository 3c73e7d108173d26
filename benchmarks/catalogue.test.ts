/**
 * Static checks of the catalogue: ids, params, declared modes and the figures the ideal time is
 * computed from. Nothing here runs a case, so these hold for every profile, files and http too.
 */
import {
  type Case,
  idealWallMs,
  isKebabCase,
  PROFILES,
  type Scenario,
  type WorkloadCase,
} from '@asyncbench/harness';
import { describe, expect, it } from 'vitest';
import * as benchmarks from './index.ts';
import { catalogue } from './index.ts';
import { testPlatform } from './test-platform.ts';

const visible = catalogue.filter((s) => s.hidden !== true);
// The families this file checks case by case; db and db-pg have their own tests (db.test.ts),
// and db-pg legitimately builds no cases without a server.
const { timers, tasks, queue, errors, responsiveness, files, http, httpRaw } = benchmarks;
const families: readonly Scenario[] = [timers, tasks, queue, errors, responsiveness, files, http, httpRaw];
const workloads = (cases: readonly Case[]) => cases.filter((c): c is WorkloadCase => c.kind === 'workload');

describe('catalogue', () => {
  it('has unique kebab-case ids', () => {
    const ids = catalogue.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isKebabCase(id), id).toBe(true);
  });

  it('holds the visible families and the hidden fault fixtures', () => {
    const ids = visible.map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'timers',
        'tasks',
        'queue',
        'errors',
        'responsiveness',
        'files',
        'http',
        'http-raw',
      ]),
    );
    const hidden = catalogue.filter((s) => s.hidden === true).map((s) => s.id);
    expect(hidden).toEqual(['fault-crash', 'fault-hang', 'fault-garbage', 'fault-throw']);
  });

  it('exports every scenario by name too', () => {
    const exported = new Set(Object.values(benchmarks));
    for (const s of catalogue) expect(exported.has(s), s.id).toBe(true);
  });

  it('declares what one unit of every scenario is, and what db-pg needs', () => {
    for (const s of catalogue) {
      expect(s.unit.singular.length, s.id).toBeGreaterThan(0);
      expect(s.unit.plural.length, s.id).toBeGreaterThan(0);
    }
    expect(benchmarks.http.unit.plural).toBe('requests');
    expect(benchmarks.dbPg.requires).toEqual(['postgres']);
    expect(benchmarks.db.requires).toEqual(['sqlite']);
    expect(benchmarks.files.requires).toEqual(['files']);
    expect(benchmarks.responsiveness.requires).toEqual(['input-events']);
    // Everything else needs only timers, promises and fetch: it runs in a browser page too.
    expect(catalogue.filter((s) => (s.requires ?? []).length > 0).map((s) => s.id)).toEqual([
      'responsiveness',
      'files',
      'db',
      'db-pg',
    ]);
  });

  it('gives every family a label, a description and params for every profile', () => {
    for (const s of families) {
      expect(s.label.length, s.id).toBeGreaterThan(0);
      expect(s.description.length, s.id).toBeGreaterThan(40);
      for (const profile of PROFILES)
        expect(Object.keys(s.params[profile]).length, `${s.id} ${profile}`).toBeGreaterThan(0);
    }
  });
});

describe.each(families.map((s) => [s.id, s] as [string, Scenario]))('%s', (_id, scenario) => {
  it.each(PROFILES)(
    'builds its %s cases: unique ids, the declared modes, consistent units',
    async (profile) => {
      const cases = await scenario.cases(scenario.params[profile], testPlatform);
      expect(cases.length).toBeGreaterThan(0);
      // Micro cases are timed per case by the runner: keep their count moderate.
      expect(cases.filter((c) => c.kind === 'micro').length).toBeLessThanOrEqual(8);
      const ids = cases.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(isKebabCase(id), id).toBe(true);

      const work = workloads(cases);
      expect(new Set(work.map((c) => c.mode))).toEqual(new Set(scenario.modes));
      for (const c of work) {
        expect(Number.isInteger(c.units) && c.units > 0, c.id).toBe(true);
        expect(Number.isInteger(c.concurrency) && c.concurrency >= 1, c.id).toBe(true);
        expect(c.concurrency, c.id).toBeLessThanOrEqual(c.units);
        // One unit at a time is what blocking and sequential mean; concurrent means more than one.
        if (c.mode === 'concurrent') expect(c.concurrency, c.id).toBeGreaterThan(1);
        else expect(c.concurrency, c.id).toBe(1);
        if (c.unitMs !== null) expect(c.unitMs, c.id).toBeGreaterThan(0);
      }
    },
  );
});

/** Sum of ideal wall times of a scenario's workload cases for a profile, ms. */
async function idealTotal(scenario: Scenario, profile: (typeof PROFILES)[number]): Promise<number> {
  const cases = await scenario.cases(scenario.params[profile], testPlatform);
  return workloads(cases).reduce((sum, c) => sum + (idealWallMs(c) ?? 0), 0);
}

describe('timers', () => {
  it.each(PROFILES)(
    'runs the same N units of d ms in every %s case, c < N where limited',
    async (profile) => {
      const p = timers.params[profile];
      expect(p.concurrency).toBeLessThan(p.units);
      const cases = workloads(await timers.cases(p, testPlatform));
      for (const c of cases) {
        expect(c.units, c.id).toBe(p.units);
        expect(c.unitMs, c.id).toBe(p.unitMs);
        expect([1, p.concurrency, p.units], c.id).toContain(c.concurrency);
      }
      const ideal = Object.fromEntries(cases.map((c) => [c.id, idealWallMs(c)]));
      expect(ideal['sleep-blocking']).toBe(p.units * p.unitMs);
      expect(ideal['sleep-sequential']).toBe(p.units * p.unitMs);
      expect(ideal['sleep-gather']).toBe(p.unitMs);
      expect(ideal['sleep-semaphore']).toBe(p.unitMs * Math.ceil(p.units / p.concurrency));
    },
  );
});

describe('http', () => {
  it.each(PROFILES)('delays every %s request by d and bounds N', async (profile) => {
    const p = http.params[profile];
    const cases = workloads(await http.cases(p, testPlatform));
    for (const c of cases) {
      expect(c.units, c.id).toBe(p.requests);
      expect(c.unitMs, c.id).toBe(p.delayMs);
    }
    if (profile === 'quick') expect(p.requests).toBeLessThanOrEqual(50);
  });
});

describe('time budget', () => {
  // The CLI runs one process per runtime x scenario x repeat; quick must stay well under 3 s and
  // default under 10 s per process. Waiting-bound cases are predictable from their ideal times.
  const limits = { quick: 1500, default: 5000, full: 20000 } as const;
  it.each(PROFILES)('keeps the %s ideal wall time of each scenario within budget', async (profile) => {
    for (const s of families) expect(await idealTotal(s, profile), s.id).toBeLessThan(limits[profile]);
  });
});
