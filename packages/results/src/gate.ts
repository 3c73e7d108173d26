/**
 * The CI gate: which figures got conclusively slower by more than a threshold. "Conclusively"
 * means the whole 95% CI of the change lies beyond the threshold, not just the median:
 *
 *   slowdown = how many times worse the candidate is: base / candidate for figures where higher
 *              is better (throughput, ops/s), candidate / base where lower is better (latency);
 *   a figure fails when even the most favourable end of its CI is a slowdown above 1 + threshold.
 *
 * With threshold 5%: a throughput ratio b/a whose CI is 0.80–0.90 fails (at least 1.11× slower);
 * one of 0.90–0.97 does not (it may be only 1.03× slower). A figure with too little data (fewer
 * than two repeats on a side) cannot fail; the caller should say how many there were.
 */
import { FIGURE_META } from './figures.ts';
import type { FigureComparison } from './run-compare.ts';

export interface Regression {
  row: FigureComparison;
  /** Median slowdown (>= 1 means slower), e.g. 1.25 = 25% slower. */
  slowdown: number;
  /** The CI end nearest "no change": the candidate is at least this many times slower. */
  slowdownAtLeast: number;
}

/** The least slowdown the 95% CI allows, or null without a CI. */
function leastSlowdown(row: FigureComparison): number | null {
  if (row.ciLow === null || row.ciHigh === null) return null;
  return FIGURE_META[row.figure].higherIsBetter ? 1 / row.ciHigh : row.ciLow;
}

/**
 * The rows that are conclusively slower by more than `threshold` (a fraction: 0.05 for 5%), worst
 * first. Throws a RangeError for a threshold that is negative or not finite.
 */
export function regressions(rows: readonly FigureComparison[], threshold: number): Regression[] {
  if (!(threshold >= 0) || !Number.isFinite(threshold)) {
    throw new RangeError(`threshold must be a fraction >= 0, got ${threshold}`);
  }
  const out: Regression[] = [];
  for (const row of rows) {
    const least = leastSlowdown(row);
    if (least === null || !(least > 1 + threshold) || row.ratio === null || row.ratio <= 0) continue;
    const slowdown = FIGURE_META[row.figure].higherIsBetter ? 1 / row.ratio : row.ratio;
    out.push({ row, slowdown, slowdownAtLeast: least });
  }
  return out.sort((a, b) => b.slowdownAtLeast - a.slowdownAtLeast);
}
