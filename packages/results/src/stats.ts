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

/**
 * Two-sided 95% Student t critical values (0.975 quantile) for df 1..30, as printed in standard
 * t tables (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2).
 */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** Beyond df 30: [df, t] steps; a df between steps takes the lower step's (larger) t. */
const T_975_TAIL: ReadonlyArray<readonly [number, number]> = [
  [40, 2.021],
  [60, 2.0],
  [120, 1.98],
];

/**
 * The 0.975 quantile of Student's t for df degrees of freedom (df may be fractional, as Welch's
 * is). Rounds df down, which errs on the wide, conservative side.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return T_975[0]!;
  const d = Math.floor(df);
  if (d <= 30) return T_975[d - 1]!;
  let t = T_975[29]!;
  for (const [step, value] of T_975_TAIL) if (d >= step) t = value;
  return d >= 1000 ? 1.96 : t;
}

/** A 95% confidence interval of the mean, or null with fewer than two values. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The 95% confidence interval of the arithmetic mean of values (Student's t with n - 1 degrees
 * of freedom): mean ± t(0.975, n-1) * s / sqrt(n). Null for fewer than two values, where no
 * spread can be estimated.
 */
export function meanInterval95(values: readonly number[]): Interval | null {
  if (values.length < 2) return null;
  const m = mean(values);
  const half = (tQuantile975(values.length - 1) * Math.sqrt(variance(values))) / Math.sqrt(values.length);
  return { low: m - half, high: m + half };
}
