import { describe, expect, it } from 'vitest';
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
