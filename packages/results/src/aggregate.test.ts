import { describe, expect, it } from 'vitest';
import { inputStats, microResult, workloadResult } from '../test-support/builders.ts';
import { aggregateRepeats, spreadOf } from './aggregate.ts';
import { compareSpreads } from './compare.ts';
import { FIGURE_META, MICRO_FIGURES, WORKLOAD_FIGURES } from './figures.ts';
import type { RepeatRecord } from './schema.ts';
import { tQuantile975 } from './stats.ts';

function repeat(index: number, status: 'ok' | 'failed', results: RepeatRecord['results']): RepeatRecord {
  return { index, status, durationMs: 10, results };
}

describe('aggregateRepeats', () => {
  it('groups by case across ok repeats, in repeat order, with figures per kind', () => {
    const aggregates = aggregateRepeats([
      repeat(1, 'ok', [workloadResult({ throughput: 300, wallMs: 30 }), microResult(3e6)]),
      repeat(0, 'ok', [workloadResult({ throughput: 100, wallMs: 10 }), microResult(1e6)]),
      repeat(2, 'failed', [workloadResult({ throughput: 999 })]),
      repeat(3, 'ok', [workloadResult({ throughput: 200, wallMs: 20, efficiency: null }), microResult(2e6)]),
    ]);
    expect(aggregates.map((a) => a.case)).toEqual(['sleep-gather', 'gather-10']);
    const [w, m] = aggregates;
    expect(w).toMatchObject({
      kind: 'workload',
      mode: 'concurrent',
      unitMs: 5,
      idealMs: 5,
      units: 10,
      concurrency: 10,
    });
    expect(w?.figures.throughput).toEqual({ median: 200, min: 100, max: 300, values: [100, 300, 200] });
    expect(w?.figures.wallMs?.values).toEqual([10, 30, 20]);
    expect(w?.figures.efficiency?.values).toEqual([0.83, 0.83]);
    // No input events in these cases: no input figures.
    const withoutInput = WORKLOAD_FIGURES.filter((f) => !f.startsWith('input'));
    expect(Object.keys(w?.figures ?? {}).sort()).toEqual([...withoutInput].sort());
    expect(m).toMatchObject({
      kind: 'micro',
      mode: null,
      unitMs: null,
      idealMs: null,
      units: null,
      concurrency: null,
    });
    expect(Object.keys(m?.figures ?? {}).sort()).toEqual([...MICRO_FIGURES].sort());
    expect(m?.figures.opsPerSec?.median).toBe(2e6);
  });

  it('omits efficiency when never known, and yields nothing without ok repeats', () => {
    const [w] = aggregateRepeats([repeat(0, 'ok', [workloadResult({ efficiency: null, idealMs: null })])]);
    expect(w?.figures.efficiency).toBeUndefined();
    expect(aggregateRepeats([repeat(0, 'failed', [workloadResult()])])).toEqual([]);
  });
});

describe('aggregateRepeats with input events', () => {
  it('gives input delay percentiles and the share handled, lower and higher better', () => {
    const faster = inputStats({ handled: 30, delayMs: { ...inputStats().delayMs, p99: 80 } });
    const [w] = aggregateRepeats([
      repeat(0, 'ok', [workloadResult({ input: inputStats() })]),
      repeat(1, 'ok', [workloadResult({ input: faster })]),
    ]);
    expect(Object.keys(w?.figures ?? {}).sort()).toEqual([...WORKLOAD_FIGURES].sort());
    expect(w?.figures.inputP99Ms?.values).toEqual([120, 80]);
    expect(w?.figures.inputP50Ms?.median).toBe(30);
    expect(w?.figures.inputHandledPct?.values).toEqual([40, 100]);
    expect(FIGURE_META.inputHandledPct.higherIsBetter).toBe(true);
    expect(FIGURE_META.inputP99Ms.higherIsBetter).toBe(false);
  });
});

describe('compareSpreads', () => {
  const s = (...values: number[]) => spreadOf(values);

  it('calls a clearly higher throughput faster, and a clearly higher time slower', () => {
    const base = s(100, 101, 99, 100, 100);
    const cand = s(200, 202, 198, 201, 199);
    const up = compareSpreads(base, cand, true);
    expect(up.verdict).toBe('faster');
    expect(up.ratio).toBe(2);
    expect(up.ciLow).toBeGreaterThan(1.9);
    expect(up.ciHigh).toBeLessThan(2.1);
    expect(compareSpreads(base, cand, false).verdict).toBe('slower');
    expect(compareSpreads(cand, base, true).verdict).toBe('slower');
    expect(compareSpreads(cand, base, false).verdict).toBe('faster');
  });

  it('finds no significant difference when the spreads overlap widely', () => {
    const r = compareSpreads(s(80, 120, 100, 90), s(85, 125, 95, 105), true);
    expect(r.verdict).toBe('no significant difference');
    expect(r.ciLow).toBeLessThan(1);
    expect(r.ciHigh).toBeGreaterThan(1);
  });

  it('needs two positive values per side', () => {
    expect(compareSpreads(s(100), s(200, 200), true)).toEqual({
      ratio: 2,
      ciLow: null,
      ciHigh: null,
      verdict: 'insufficient data',
    });
    expect(compareSpreads(s(0, 0), s(1, 2), true)).toMatchObject({
      ratio: null,
      verdict: 'insufficient data',
    });
  });

  it('calls the same constant on both sides no difference, zero included (no log needed)', () => {
    expect(compareSpreads(s(0, 0, 0), s(0, 0, 0), true)).toEqual({
      ratio: null,
      ciLow: null,
      ciHigh: null,
      verdict: 'no significant difference',
    });
    expect(compareSpreads(s(5, 5), s(5, 5), true)).toMatchObject({
      ratio: 1,
      verdict: 'no significant difference',
    });
    // One side constant, the other not, or two different constants: the usual rules.
    expect(compareSpreads(s(0, 0), s(0, 1), true).verdict).toBe('insufficient data');
  });

  it('handles zero variance on both sides', () => {
    const r = compareSpreads(s(10, 10), s(12, 12), false);
    expect(r.verdict).toBe('slower');
    expect(r.ciLow).toBeCloseTo(1.2, 9);
    expect(r.ciHigh).toBeCloseTo(1.2, 9);
    expect(compareSpreads(s(10, 10), s(10, 10), false).verdict).toBe('no significant difference');
  });

  it('uses conservative t quantiles', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(4.7)).toBe(2.776);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(45)).toBe(2.021);
    expect(tQuantile975(1e6)).toBe(1.96);
    expect(tQuantile975(0.5)).toBe(12.706);
  });
});

describe('FIGURE_META', () => {
  it('describes every figure with a direction', () => {
    for (const name of [...WORKLOAD_FIGURES, ...MICRO_FIGURES]) {
      expect(FIGURE_META[name].label).not.toBe('');
      expect(typeof FIGURE_META[name].higherIsBetter).toBe('boolean');
    }
    expect(FIGURE_META.throughput.higherIsBetter).toBe(true);
    expect(FIGURE_META.wallMs.higherIsBetter).toBe(false);
  });
});
