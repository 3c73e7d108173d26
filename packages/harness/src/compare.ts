import type { Spread } from './schema.ts';
import { mean, variance } from './stats.ts';

/** What compareSpreads concludes about candidate versus base. */
export type Verdict = 'faster' | 'slower' | 'no significant difference' | 'insufficient data';

/** candidate / base, with a 95% confidence interval and a verdict. */
export interface Comparison {
  /** median(candidate) / median(base); null when the base median is 0. */
  ratio: number | null;
  /** 95% CI of the ratio (geometric means, Welch on logs); null with insufficient data. */
  ciLow: number | null;
  ciHigh: number | null;
  verdict: Verdict;
}

/** Two-sided 95% Student t critical values (0.975 quantile) for df 1..30. */
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

/**
 * Compares a figure between two spreads (e.g. two runtimes, or two runs). ratio is
 * candidate / base of the medians. The 95% CI comes from Welch's t-interval on log values
 * (so it is a CI of the ratio of geometric means, robust to the multiplicative noise timings
 * have), exponentiated. Verdict: when the CI excludes 1 the candidate is 'faster' if its figure
 * moved in the good direction (higherIsBetter) and 'slower' otherwise; a CI holding 1 is
 * 'no significant difference'. Fewer than 2 values on a side, or values <= 0 (no log), give
 * 'insufficient data' with a null CI.
 */
export function compareSpreads(base: Spread, candidate: Spread, higherIsBetter: boolean): Comparison {
  const ratio = base.median !== 0 ? candidate.median / base.median : null;
  const usable = (s: Spread) => s.values.length >= 2 && s.values.every((v) => Number.isFinite(v) && v > 0);
  if (!usable(base) || !usable(candidate)) {
    return { ratio, ciLow: null, ciHigh: null, verdict: 'insufficient data' };
  }
  const lb = base.values.map(Math.log);
  const lc = candidate.values.map(Math.log);
  const vb = variance(lb) / lb.length;
  const vc = variance(lc) / lc.length;
  const diff = mean(lc) - mean(lb);
  const se = Math.sqrt(vb + vc);
  // Welch-Satterthwaite; with zero variance on both sides any df gives a zero-width interval.
  const df =
    se > 0
      ? (vb + vc) ** 2 / (vb ** 2 / (lb.length - 1) + vc ** 2 / (lc.length - 1))
      : lb.length + lc.length - 2;
  const half = tQuantile975(df) * se;
  const ciLow = Math.exp(diff - half);
  const ciHigh = Math.exp(diff + half);
  let verdict: Verdict = 'no significant difference';
  if (ciLow > 1) verdict = higherIsBetter ? 'faster' : 'slower';
  else if (ciHigh < 1) verdict = higherIsBetter ? 'slower' : 'faster';
  return { ratio, ciLow, ciHigh, verdict };
}
