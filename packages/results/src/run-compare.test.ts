import { describe, expect, it } from 'vitest';
import { realRun, slowedDown } from '../test-support/index.ts';
import { spreadOf } from './aggregate.ts';
import { FIGURE_META, figuresOf } from './figures.ts';
import { regressions } from './gate.ts';
import { compareRuns, type FigureComparison, poolRuns } from './run-compare.ts';

const run = realRun();
const comparedFigures = (kind: 'micro' | 'workload') =>
  figuresOf(kind).filter((f) => FIGURE_META[f].compared);

describe('compareRuns on a real run', () => {
  it('says what only one side has, once per runtime and scenario', () => {
    const [first] = run.entries.filter((e) => e.cases.length > 0);
    const fewer = { ...run, entries: run.entries.filter((e) => e !== first) };
    expect(compareRuns(run, fewer).notes).toEqual([
      `${first!.runtime} ${first!.scenario}: only in a, not compared`,
    ]);
    expect(compareRuns(fewer, run).notes).toEqual([
      `${first!.runtime} ${first!.scenario}: only in b, not compared`,
    ]);
    // The same, structured, for the report.
    expect(compareRuns(run, fewer).onlyIn).toEqual([
      { runtime: first!.runtime, scenario: first!.scenario, side: 'a' },
    ]);
    expect(compareRuns(fewer, run).onlyIn).toEqual([
      { runtime: first!.runtime, scenario: first!.scenario, side: 'b' },
    ]);
    expect(compareRuns(run, run).onlyIn).toEqual([]);
  });

  it('compares every compared figure of every case, main figure first', () => {
    const { rows, notes } = compareRuns(run, run);
    expect(notes).toEqual([]);
    const expected = run.entries.flatMap((e) =>
      e.cases.flatMap((c) =>
        comparedFigures(c.kind)
          .filter((f) => c.figures[f])
          .map((f) => `${e.runtime}/${c.case}/${f}`),
      ),
    );
    expect(rows.map((r) => `${r.runtime}/${r.case}/${r.figure}`)).toEqual(expected);
    expect(
      rows.filter((r) => r.main).every((r) => r.figure === 'throughput' || r.figure === 'opsPerSec'),
    ).toBe(true);
    expect(rows.some((r) => r.figure === 'rme')).toBe(false);
  });

  it('finds no difference between a run and itself', () => {
    const { rows } = compareRuns(run, run);
    for (const r of rows) {
      expect(r.ratio, `${r.case} ${r.figure}`).toBe(1);
      expect(r.verdict).toBe('no significant difference');
    }
    expect(regressions(rows, 0)).toEqual([]);
  });

  it('sees a 1.5x slower copy as 1.5x slower, its CI centred there, conclusive where the run was steady', () => {
    const { rows } = compareRuns(run, slowedDown(run, 1.5));
    const rates = rows.filter((r) => r.figure === 'throughput' || r.figure === 'opsPerSec');
    expect(rates.length).toBeGreaterThan(20);
    for (const r of rates) {
      expect(r.ratio).toBeCloseTo(1 / 1.5, 9);
      // Every value scaled alike: the log-scale interval is symmetric about the true ratio.
      expect(Math.sqrt(r.ciLow! * r.ciHigh!)).toBeCloseTo(1 / 1.5, 9);
      // Conclusive exactly when the whole interval lies below 1 (three repeats on a shared machine
      // leave some cases too noisy to call).
      expect(r.verdict).toBe(r.ciHigh! < 1 ? 'slower' : 'no significant difference');
    }
    expect(rates.some((r) => r.verdict === 'slower')).toBe(true);
  });

  it('leaves out cases whose parameters differ, with a note', () => {
    const other = structuredClone(run);
    other.entries[0]!.cases[0]!.params = { ...other.entries[0]!.cases[0]!.params, units: 99_999 };
    const { rows, notes } = compareRuns(run, other);
    const id = run.entries[0]!.cases[0]!.case;
    const units = run.entries[0]!.cases[0]!.params.units;
    expect(notes).toEqual([`node timers ${id}: parameters differ (units ${units} -> 99999), not compared`]);
    expect(rows.some((r) => r.runtime === 'node' && r.case === id)).toBe(false);
  });

  it('compares them anyway with ignoreParams, and says so', () => {
    const other = slowedDown(run, 1.15);
    other.entries[0]!.cases[0]!.params = { ...other.entries[0]!.cases[0]!.params, unitMs: 11.5 };
    const { rows, notes } = compareRuns(run, other, { ignoreParams: true });
    const c = run.entries[0]!.cases[0]!;
    expect(notes).toEqual([
      `node timers ${c.case}: parameters differ (unitMs ${JSON.stringify(c.params.unitMs ?? null)} -> 11.5), compared anyway (--ignore-params)`,
    ]);
    const row = rows.find((r) => r.runtime === 'node' && r.case === c.case && r.main)!;
    expect(row.ratio).toBeCloseTo(1 / 1.15, 9);
  });
});

describe('poolRuns', () => {
  it('pools every repeat of every run into one spread per figure', () => {
    const later = { ...slowedDown(run, 2), startedAt: '2099-01-01T00:00:00.000Z', id: 'later' };
    const pooled = poolRuns([later, run]);
    expect(pooled.startedAt).toBe(later.startedAt);
    expect(pooled.notes.at(-1)).toBe(`pooled from 2 runs: ${run.id}, later`);
    const a = run.entries[0]!.cases[0]!.figures.throughput!;
    const b = later.entries[0]!.cases[0]!.figures.throughput!;
    expect(pooled.entries[0]!.cases[0]!.figures.throughput).toEqual(spreadOf([...a.values, ...b.values]));
    expect(poolRuns([run])).toBe(run);
    expect(() => poolRuns([])).toThrow(RangeError);
  });
});

describe('regressions (the CI gate)', () => {
  const row = (figure: 'throughput' | 'p99Ms', base: number[], cand: number[]): FigureComparison =>
    compareRuns(
      {
        ...run,
        entries: [
          {
            ...run.entries[0]!,
            cases: [{ ...run.entries[0]!.cases[0]!, figures: { [figure]: spreadOf(base) } }],
          },
        ],
      },
      {
        ...run,
        entries: [
          {
            ...run.entries[0]!,
            cases: [{ ...run.entries[0]!.cases[0]!, figures: { [figure]: spreadOf(cand) } }],
          },
        ],
      },
    ).rows[0]!;

  it('fails a figure only when its whole CI lies beyond the threshold', () => {
    const clearly = row('throughput', [100, 101, 99, 100], [80, 81, 79, 80]); // 20% slower, tight
    expect(regressions([clearly], 0.05)).toHaveLength(1);
    expect(regressions([clearly], 0.05)[0]!.slowdown).toBeCloseTo(1.25, 9);
    expect(regressions([clearly], 0.3)).toEqual([]); // at most ~1.27x slower: not beyond 30%
    const noisy = row('throughput', [100, 140, 70, 100], [80, 120, 60, 85]); // median slower, CI wide
    expect(noisy.verdict).toBe('no significant difference');
    expect(regressions([noisy], 0)).toEqual([]);
    const latency = row('p99Ms', [10, 10.1, 9.9], [12, 12.1, 11.9]); // lower is better: 1.2x worse
    expect(regressions([latency], 0.05).map((r) => r.row.figure)).toEqual(['p99Ms']);
    const faster = row('p99Ms', [12, 12.1, 11.9], [10, 10.1, 9.9]);
    expect(regressions([faster], 0)).toEqual([]);
  });

  it('cannot fail on a single repeat, and refuses a bad threshold', () => {
    expect(regressions([row('throughput', [100], [10])], 0)).toEqual([]);
    expect(() => regressions([], -0.1)).toThrow(RangeError);
    expect(() => regressions([], Number.NaN)).toThrow(RangeError);
  });

  it('names every slowed figure of a real run slowed by 1.5x, and none at 1.02x with a 5% threshold', () => {
    const slow = regressions(compareRuns(run, slowedDown(run, 1.5)).rows, 0.05);
    expect(slow.some((r) => r.row.figure === 'throughput')).toBe(true);
    for (const r of slow) expect(r.slowdownAtLeast).toBeGreaterThan(1.05);
    expect(regressions(compareRuns(run, slowedDown(run, 1.02)).rows, 0.05)).toEqual([]);
  });
});
