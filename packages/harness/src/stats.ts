/**
 * Order statistics and summaries over plain number arrays. Percentiles interpolate linearly
 * between closest ranks (the "type 7" rule spreadsheets and numpy use), so small samples give
 * sensible values instead of jumping between neighbours.
 */

/** Summary of a sample: count, mean, spread and the percentiles the reports show. */
export interface Summary {
  count: number;
  mean: number;
  min: number;
  max: number;
  p50: number;
  p90: number;
  p99: number;
  /** Sample standard deviation (n - 1); 0 for a single value. */
  stdDev: number;
}

/**
 * The p-th percentile (0..100) of values already sorted ascending, linearly interpolated.
 * Throws a RangeError on an empty array or p outside 0..100.
 */
export function percentile(sortedValues: ArrayLike<number>, p: number): number {
  const n = sortedValues.length;
  if (n === 0) throw new RangeError('percentile of an empty sample');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be within 0..100, got ${p}`);
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, n - 1);
  const a = sortedValues[lo]!;
  const b = sortedValues[hi]!;
  return a + (b - a) * (rank - lo);
}

/** Sorts a copy ascending (numerically, not as strings). */
export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** The median of values in any order. Throws a RangeError on an empty array. */
export function median(values: readonly number[]): number {
  return percentile(sortedCopy(values), 50);
}

/** The arithmetic mean. Throws a RangeError on an empty array. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new RangeError('mean of an empty sample');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/** Sample variance (n - 1 denominator); 0 for fewer than two values. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values[i]! - m) ** 2;
  return sq / (n - 1);
}

/** Summarises values in any order. Throws a RangeError on an empty array. */
export function summarize(values: readonly number[]): Summary {
  const sorted = sortedCopy(values);
  return summarizeSorted(sorted);
}

/** Like summarize, for values already sorted ascending (no copy). */
export function summarizeSorted(sorted: ArrayLike<number>): Summary {
  if (sorted.length === 0) throw new RangeError('summary of an empty sample');
  return {
    count: sorted.length,
    mean: mean(sorted),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    stdDev: Math.sqrt(variance(sorted)),
  };
}
