/**
 * A ratio between two figures measured in matched pairs: the paired t-interval on log ratios.
 *
 * `asyncbench run` interleaves runtimes (scenario S: repeat 0 on A B C, repeat 1 on A B C ...), so
 * repeat i of A and repeat i of B ran back to back under the same machine state. A slow drift that
 * hits both (another process, thermal throttling, a noisy neighbour) moves both values of a pair
 * the same way and cancels in their ratio, where Welch's interval (compareSpreads) counts it as
 * noise on both sides. This is the blocked (paired) design of any paired t-test; see e.g.
 * NIST/SEMATECH e-Handbook of Statistical Methods, 7.3.1 ("Do two processes have the same mean?",
 * paired observations).
 */
import type { Comparison, Verdict } from './compare.ts';
import { mean, tQuantile975, variance } from './stats.ts';

/** One matched pair: the base's and the candidate's value from the same block (repeat index). */
export interface Pair {
  base: number;
  candidate: number;
}

/**
 * candidate / base over matched pairs, with a 95% CI: the mean of ln(candidate_i / base_i) ±
 * t(0.975, n-1) × s / sqrt(n), exponentiated, i.e. a CI of the geometric mean of the per-pair
 * ratios. `ratio` is that geometric mean. Verdict as compareSpreads': a CI above 1 is 'faster'
 * when higher is better ('slower' otherwise), below 1 the reverse, holding 1 'no significant
 * difference'. Fewer than 2 pairs, or a value that is not finite and above 0, give 'insufficient
 * data' with a null CI (and a null ratio when no pair is usable).
 */
export function comparePaired(pairs: readonly Pair[], higherIsBetter: boolean): Comparison {
  const ok = pairs.every(
    (p) => Number.isFinite(p.base) && Number.isFinite(p.candidate) && p.base > 0 && p.candidate > 0,
  );
  if (!ok || pairs.length === 0)
    return { ratio: null, ciLow: null, ciHigh: null, verdict: 'insufficient data' };
  const logs = pairs.map((p) => Math.log(p.candidate / p.base));
  const m = mean(logs);
  if (pairs.length < 2)
    return { ratio: Math.exp(m), ciLow: null, ciHigh: null, verdict: 'insufficient data' };
  const half = (tQuantile975(logs.length - 1) * Math.sqrt(variance(logs))) / Math.sqrt(logs.length);
  const ciLow = Math.exp(m - half);
  const ciHigh = Math.exp(m + half);
  return { ratio: Math.exp(m), ciLow, ciHigh, verdict: verdictOf(ciLow, ciHigh, higherIsBetter) };
}

/** The verdict of a ratio's CI (see comparePaired). */
export function verdictOf(ciLow: number, ciHigh: number, higherIsBetter: boolean): Verdict {
  if (ciLow > 1) return higherIsBetter ? 'faster' : 'slower';
  if (ciHigh < 1) return higherIsBetter ? 'slower' : 'faster';
  return 'no significant difference';
}
