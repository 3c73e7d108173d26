import { describe, expect, it } from 'vitest';
import { LatencyRecorder } from './latency-recorder.ts';
import { mulberry32 } from './random.ts';
import { mean, median, percentile, summarize, variance } from './stats.ts';

describe('percentile', () => {
  it('interpolates linearly between closest ranks', () => {
    const v = [1, 2, 3, 4, 5];
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 50)).toBe(3);
    expect(percentile(v, 100)).toBe(5);
    expect(percentile(v, 25)).toBe(2);
    expect(percentile([10, 20], 50)).toBe(15);
    expect(percentile([10, 20], 90)).toBeCloseTo(19);
  });

  it('handles a single value and rejects empty input or p outside 0..100', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('median, mean, variance, summarize', () => {
  it('computes on unsorted input without mutating it', () => {
    const v = [5, 1, 4, 2, 3];
    expect(median(v)).toBe(3);
    expect(v).toEqual([5, 1, 4, 2, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean(v)).toBe(3);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(32 / 7);
    expect(variance([3])).toBe(0);
  });

  it('summarize reports count, extremes and percentiles', () => {
    const values = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100 reversed
    expect(summarize(values)).toEqual({
      count: 101,
      mean: 50,
      min: 0,
      max: 100,
      p50: 50,
      p90: 90,
      p99: 99,
      stdDev: expect.closeTo(29.3, 1),
    });
    expect(() => summarize([])).toThrow(RangeError);
  });
});

describe('LatencyRecorder', () => {
  it('gives exact percentiles on known data (1..1000 ms, recorded shuffled)', () => {
    const r = new LatencyRecorder();
    const random = mulberry32(42);
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [values[i], values[j]] = [values[j]!, values[i]!];
    }
    for (const v of values) r.record(v);
    expect(r.count).toBe(1000);
    const s = r.summary();
    expect(s.mean).toBeCloseTo(500.5);
    expect(s.p50).toBeCloseTo(500.5);
    expect(s.p90).toBeCloseTo(900.1);
    expect(s.p99).toBeCloseTo(990.01);
    expect(s.max).toBe(1000);
  });

  it('grows past its initial capacity, clamps jitter below zero, rejects NaN, and needs data', () => {
    const r = new LatencyRecorder();
    expect(() => r.summary()).toThrow(/no latencies/);
    for (let i = 0; i < 10_000; i++) r.record(1);
    r.record(-0.001);
    expect(r.count).toBe(10_001);
    expect(r.summary().max).toBe(1);
    expect(r.summary().mean).toBeLessThan(1);
    expect(() => r.record(Number.NaN)).toThrow(RangeError);
    r.reset();
    expect(r.count).toBe(0);
  });
});

describe('mulberry32', () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(seqA);
    expect(Array.from({ length: 100 }, c)).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
