/** One figure, two spreads: the ratio of candidate to base with a 95% CI and a verdict. */
import type { Spread } from './schema.ts';
import { mean, tQuantile975, variance } from './stats.ts';

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

/**
 * Compares a figure between two spreads (e.g. two runtimes, or two runs). ratio is
 * candidate / base of the medians. The 95% CI comes from Welch's t-interval on log values
 * (so it is a CI of the ratio of geometric means, robust to the multiplicative noise timings
 * have), exponentiated. Verdict: when the CI excludes 1 the candidate is 'faster' if its figure
 * moved in the good direction (higherIsBetter) and 'slower' otherwise; a CI holding 1 is
 * 'no significant difference'. Two or more values on each side, all the same one constant, are 'no
 * significant difference' (CI the ratio itself; null when that constant is 0). Otherwise fewer than
 * 2 values on a side, or values <= 0 (no log), give 'insufficient data' with a null CI.
 */
export function compareSpreads(base: Spread, candidate: Spread, higherIsBetter: boolean): Comparison {
  const ratio = base.median !== 0 ? candidate.median / base.median : null;
  // The same constant on both sides (a blocking case handles 0% of input in every repeat of both
  // runs): nothing differs, though a value of 0 has no logarithm for the interval below.
  const constant = (s: Spread) => s.values.length >= 2 && s.values.every((v) => v === s.values[0]);
  if (constant(base) && constant(candidate) && base.values[0] === candidate.values[0]) {
    return { ratio, ciLow: ratio, ciHigh: ratio, verdict: 'no significant difference' };
  }
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
