import { describe, expect, it } from 'vitest';
import { microResult, runFile, workloadResult } from '../test-support/builders.ts';
import { realRun } from '../test-support/index.ts';
import { aggregateRepeats } from './aggregate.ts';
import { compareSpreads } from './compare.ts';
import { comparePaired } from './paired.ts';
import {
  compareRuntimes,
  isConclusive,
  type RuntimeRatio,
  ratioMethodText,
  runtimeRatioSentence,
  runtimeRatios,
  runtimeRatioText,
} from './runtime-compare.ts';
import type { Entry, RunFile } from './schema.ts';

/**
 * Deterministic noise in [0, 1): the fractional part of a scaled sine (the old shader hash), so the
 * "random" figures below are the same on every run. Statistical quality is beside the point here.
 */
function noise(seed: number): () => number {
  let i = 0;
  return () => {
    const x = Math.sin(seed * 1000 + ++i * 12.9898) * 43758.5453;
    return x - Math.floor(x);
  };
}

/** An entry of scenario `sleep` whose repeat i measured values[i] (null: that repeat failed). */
function entry(runtime: string, values: (number | null)[], kind: 'workload' | 'micro' = 'workload'): Entry {
  const repeats = values.map((v, index) =>
    v === null
      ? { index, status: 'failed' as const, durationMs: 1, reason: 'crash', results: [] }
      : {
          index,
          status: 'ok' as const,
          durationMs: 1,
          results: [
            kind === 'workload'
              ? workloadResult({ throughput: v })
              : { ...microResult(v), scenario: 'sleep' },
          ],
        },
  );
  return {
    runtime,
    scenario: 'sleep',
    status: values.includes(null) ? 'failed' : 'ok',
    repeats,
    cases: aggregateRepeats(repeats),
  };
}

function runOf(...entries: Entry[]): RunFile {
  return { ...runFile(), entries };
}

/** ln(high / low): the width of a ratio's interval on the log scale. */
const width = (c: { ciLow: number | null; ciHigh: number | null }) => Math.log(c.ciHigh! / c.ciLow!);

/**
 * Repeat i of two runtimes, A at 1000/s and B at 2000/s, each with its own 2% noise, and a drift
 * factor per repeat shared by both (the machine got busier or quieter between repeats).
 */
function drifted(repeats: number, drift: number, seed: number): { a: number[]; b: number[] } {
  const rand = noise(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const shared = 1 + drift * (rand() * 2 - 1);
    a.push(1000 * shared * (1 + 0.02 * (rand() * 2 - 1)));
    b.push(2000 * shared * (1 + 0.02 * (rand() * 2 - 1)));
  }
  return { a, b };
}

describe('pairing by repeat index', () => {
  it('narrows the interval when a drift hits both runtimes of a repeat', () => {
    const { a, b } = drifted(10, 0.3, 1);
    const [r] = runtimeRatios(runOf(entry('node', a), entry('bun', b)));
    expect(r!.method).toBe('paired');
    const welch = compareSpreads(
      runOf(entry('node', a)).entries[0]!.cases[0]!.figures.throughput!,
      runOf(entry('bun', b)).entries[0]!.cases[0]!.figures.throughput!,
      true,
    );
    // Paired: only the 2% noise is left; Welch sees the ±30% drift on both sides.
    expect(width(r!)).toBeLessThan(width(welch) / 4);
    expect(r!.ciLow).toBeGreaterThan(1.9);
    expect(r!.ciHigh).toBeLessThan(2.1);
    expect(r!.verdict).toBe('faster');
  });

  it('does not narrow it when there is no shared drift', () => {
    const { a, b } = drifted(10, 0, 2);
    const paired = comparePaired(
      a.map((v, i) => ({ base: v, candidate: b[i]! })),
      true,
    );
    const welch = compareSpreads(
      { median: 0, min: 0, max: 0, values: a },
      { median: 0, min: 0, max: 0, values: b },
      true,
    );
    // Independent noise: the paired interval is about as wide as Welch's (fewer degrees of
    // freedom make it a little wider on average), never the several-fold narrowing above.
    expect(width(paired) / width(welch)).toBeGreaterThan(0.7);
    expect(width(paired) / width(welch)).toBeLessThan(1.6);
  });

  it('falls back to Welch when a repeat failed on one side', () => {
    const [r] = runtimeRatios(runOf(entry('node', [1000, 1010, 990]), entry('bun', [2000, null, 2020])));
    expect(r!.method).toBe('welch');
    expect(r!.n).toBe(2);
    expect(ratioMethodText(r!)).toBe('Welch, 2 and 3 repeats');
    // No interval, no method to name.
    expect(ratioMethodText({ ...r!, ciLow: null })).toBe('—');
  });

  it('falls back to Welch when repeat indexes repeat (a pooled run)', () => {
    const node = entry('node', [1000, 1010]);
    node.repeats = [...node.repeats, ...node.repeats];
    const [r] = runtimeRatios(runOf(node, entry('bun', [2000, 2020])));
    expect(r!.method).toBe('welch');
  });
});

describe('comparePaired', () => {
  it('is the t-interval of the mean log ratio', () => {
    const pairs = [
      { base: 100, candidate: 200 },
      { base: 110, candidate: 242 },
      { base: 90, candidate: 171 },
    ];
    const logs = pairs.map((p) => Math.log(p.candidate / p.base));
    const m = logs.reduce((s, v) => s + v, 0) / 3;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - m) ** 2, 0) / 2);
    const half = (4.303 * sd) / Math.sqrt(3); // t(0.975, 2) = 4.303
    const c = comparePaired(pairs, true);
    expect(c.ratio).toBeCloseTo(Math.exp(m), 12);
    expect(c.ciLow).toBeCloseTo(Math.exp(m - half), 12);
    expect(c.ciHigh).toBeCloseTo(Math.exp(m + half), 12);
    expect(c.verdict).toBe('faster');
    expect(comparePaired(pairs, false).verdict).toBe('slower');
  });

  it('says insufficient data below two pairs or on values it cannot take the log of', () => {
    expect(comparePaired([{ base: 1, candidate: 2 }], true)).toEqual({
      ratio: 2,
      ciLow: null,
      ciHigh: null,
      verdict: 'insufficient data',
    });
    expect(comparePaired([], true).verdict).toBe('insufficient data');
    expect(
      comparePaired(
        [
          { base: 0, candidate: 2 },
          { base: 1, candidate: 2 },
        ],
        true,
      ).verdict,
    ).toBe('insufficient data');
  });
});

describe('runtimeRatios: verdicts and sentences', () => {
  it('puts the fastest runtime first, the ratio of medians, and says it in one sentence', () => {
    const rs = runtimeRatios(
      runOf(
        entry('node', [1000, 1020, 980]),
        entry('deno', [1500, 1530, 1470]),
        entry('bun', [2100, 2142, 2058]),
      ),
    );
    expect(rs.map((r) => `${r.runtime}/${r.against}`)).toEqual(['bun/node', 'bun/deno']);
    const r = rs[0]!;
    expect(r.ratio).toBeCloseTo(2100 / 1000, 12);
    expect(r.method).toBe('paired');
    expect(r.runtimeCase).toBe('gather');
    expect(r.unit).toBe('timer waits/s');
    expect(r.basis).toBe('best concurrent case');
    // The three pairs have the same ratio 2.1: a zero-width interval.
    expect(runtimeRatioText(r)).toBe('bun 2.10× [2.10–2.10×] faster than node');
    expect(runtimeRatioSentence(r)).toBe(
      'bun 2.10× [2.10–2.10×] faster than node at Sleep (timer waits/s, best concurrent case)',
    );
    expect(isConclusive(r)).toBe(true);
  });

  it('says "no significant difference" when the interval holds 1', () => {
    const [r] = runtimeRatios(runOf(entry('node', [1000, 1100, 950]), entry('bun', [1050, 990, 1000])));
    expect(r!.verdict).toBe('no significant difference');
    expect(isConclusive(r!)).toBe(false);
    expect(runtimeRatioText(r!)).toMatch(
      /^node and bun: no significant difference \(1\.0\d× \[0\.\d\d–1\.\d\d×\]\)$/,
    );
  });

  it('says "insufficient data" with one repeat', () => {
    const [r] = runtimeRatios(runOf(entry('node', [1000]), entry('bun', [1300])));
    expect(r!.verdict).toBe('insufficient data');
    expect(isConclusive(r!)).toBe(false);
    expect(runtimeRatioText(r!)).toBe('bun and node: insufficient data (1.30×, 1 repeat)');
  });

  it('tells an interval wholly below 1 the other way round', () => {
    const r: RuntimeRatio = {
      ...runtimeRatios(runOf(entry('node', [1000, 1000]), entry('bun', [2000, 2000])))[0]!,
      ratio: 0.5,
      ciLow: 0.4,
      ciHigh: 0.8,
      verdict: 'slower',
    };
    expect(runtimeRatioText(r)).toBe('node 2.00× [1.25–2.50×] faster than bun');
  });

  it('sums a micro scenario up as the geometric mean of its cases, per repeat', () => {
    const micro = (runtime: string, a: number[], b: number[]): Entry => {
      const repeats = a.map((v, index) => ({
        index,
        status: 'ok' as const,
        durationMs: 1,
        results: [
          { ...microResult(v), scenario: 'sleep', case: 'a' },
          { ...microResult(b[index]!), scenario: 'sleep', case: 'b' },
        ],
      }));
      return { runtime, scenario: 'sleep', status: 'ok', repeats, cases: aggregateRepeats(repeats) };
    };
    const [r] = runtimeRatios(
      runOf(micro('node', [100, 200], [400, 800]), micro('bun', [400, 800], [400, 800])),
    );
    // node per repeat: sqrt(100·400) = 200, sqrt(200·800) = 400; bun: 400, 800. Ratio 2 in both.
    expect(r!.basis).toBe('geometric mean of 2 cases');
    expect(r!.unit).toBe('ops/s');
    expect(r!.runtimeFigure).toBeCloseTo(Math.sqrt(600 * 600), 9);
    expect(r!.againstFigure).toBeCloseTo(Math.sqrt(150 * 600), 9);
    expect(r!.method).toBe('paired');
    expect(r!.ciLow).toBeCloseTo(2, 12);
    expect(r!.ciHigh).toBeCloseTo(2, 12);
  });
});

describe('on a real run', () => {
  const run = realRun();

  it('compares each runtime’s main figure of every case with the first runtime’s, paired', () => {
    const rows = compareRuntimes(run);
    expect(new Set(rows.map((r) => r.baseRuntime))).toEqual(new Set(['node']));
    expect(new Set(rows.map((r) => r.runtime))).toEqual(new Set(['deno', 'bun']));
    const cases = run.entries.filter((e) => e.runtime === 'node').reduce((n, e) => n + e.cases.length, 0);
    expect(rows).toHaveLength(cases * 2);
    for (const r of rows) {
      expect(r.ratio).toBeCloseTo(r.candidate.median / r.base.median, 12);
      expect(['faster', 'slower', 'no significant difference']).toContain(r.verdict);
    }
    expect(rows.every((r) => r.method === 'paired')).toBe(true);
    expect(compareRuntimes(run, 'bun').every((r) => r.baseRuntime === 'bun')).toBe(true);
  });

  it('gives every scenario that ran on two runtimes or more one ratio per other runtime', () => {
    const rs = runtimeRatios(run);
    const ran = [...new Set(run.entries.filter((e) => e.status !== 'skipped').map((e) => e.scenario))];
    expect([...new Set(rs.map((r) => r.scenario))]).toEqual(ran);
    for (const r of rs) {
      expect(r.runtimeFigure).toBeGreaterThanOrEqual(r.againstFigure);
      expect(r.ratio).toBeCloseTo(r.runtimeFigure / r.againstFigure, 12);
      expect(r.method).toBe('paired');
      expect(r.n).toBe(3);
    }
  });

  it('checks by hand: the timers ratio is the ratio of the two best concurrent medians', () => {
    const r = runtimeRatios(run).find((x) => x.scenario === 'timers')!;
    const best = (runtime: string) =>
      Math.max(
        ...run.entries
          .find((e) => e.scenario === 'timers' && e.runtime === runtime)!
          .cases.filter((c) => c.mode === 'concurrent')
          .map((c) => c.figures.throughput!.median),
      );
    expect(r.ratio).toBeCloseTo(best(r.runtime) / best(r.against), 12);
  });
});
