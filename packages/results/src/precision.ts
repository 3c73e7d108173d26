/**
 * How precisely a run pinned its main figures down, against the horizon auto-sampling aims for.
 *
 * Precision: the relative half-width of the 95% CI of a figure's mean over process repeats,
 * computed on log values (as compareSpreads does, so timings' multiplicative noise is symmetric):
 * exp(t(0.975, n-1) * s_log / sqrt(n)) - 1. `asyncbench run` keeps adding rounds of processes
 * until every main figure is within its horizon (tachometer's auto-sampling, with a CI of the
 * figure instead of a CI of a difference), and marks the figures that stayed wider inconclusive.
 *
 * Why a horizon on one figure serves comparisons: a ratio of two independent figures, each
 * known to ±h on the log scale, is known to about ±h·√2 (the variances add), so a ratio hi/lo of
 * at most 1.21 (±10% on the ratio) needs h ≈ ln(1.21)/(2√2) ≈ 0.067, i.e. about ±7% per figure.
 *
 * Blocks: sampling adds rounds (one more repeat of the cases still wide, on the runtimes where
 * they are, back to back, with the same repeat index), so runtimes that ran the same rounds stay
 * paired by repeat index and runtime-vs-runtime ratios can use the paired interval (paired.ts,
 * comparePaired). The precision here is of one figure on one runtime, where there is nothing to
 * pair: a plain t-interval over the repeats that hold it.
 */
import { mainFigure } from './figures.ts';
import { formatDuration } from './format.ts';
import type { CaseAggregate, Entry, FigureName, RunFile } from './schema.ts';
import { tQuantile975, variance } from './stats.ts';

/** A figure's precision against the run's horizon, as stored on a case aggregate. */
export interface Precision {
  /** The figure judged: the case's main figure (throughput, ops/s). */
  figure: FigureName;
  /** Relative half-width of the 95% CI of the mean (0.08 for ±8%); null with < 2 usable values. */
  halfWidth: number | null;
  /** The run's horizon, the same fraction. */
  horizon: number;
  /** Values the interval is over (successful repeats). */
  repeats: number;
  /** True when halfWidth <= horizon; false when wider or unknown. */
  conclusive: boolean;
}

/**
 * Relative half-width of the 95% CI of the mean of values, on logs: exp(t * s / sqrt(n)) - 1 with
 * Student's t at n - 1 degrees of freedom. Null with fewer than two values or any value that is
 * not finite and > 0 (no logarithm). 0 when all values are equal.
 */
export function relativeHalfWidth(values: readonly number[]): number | null {
  if (values.length < 2 || !values.every((v) => Number.isFinite(v) && v > 0)) return null;
  const logs = values.map(Math.log);
  const half = (tQuantile975(logs.length - 1) * Math.sqrt(variance(logs))) / Math.sqrt(logs.length);
  return Math.expm1(half);
}

/** The precision of a case's main figure against a horizon (a fraction, 0.1 for ±10%). */
export function casePrecision(c: CaseAggregate, horizon: number): Precision {
  const figure = mainFigure(c.kind);
  const values = c.figures[figure]?.values ?? [];
  const halfWidth = relativeHalfWidth(values);
  return {
    figure,
    halfWidth,
    horizon,
    repeats: values.length,
    conclusive: halfWidth !== null && halfWidth <= horizon,
  };
}

/**
 * Sets `precision` on every case of every entry that has results (entries are aggregated anew
 * after each process, so this runs once the sampling has ended). Mutates run.
 */
export function markPrecision(run: RunFile, horizon: number): void {
  for (const e of run.entries) for (const c of e.cases) c.precision = casePrecision(c, horizon);
}

/** Cases whose main figure stayed wider than the horizon (or had no interval), per entry. */
export function inconclusiveCases(run: RunFile): Array<{ entry: Entry; case: CaseAggregate }> {
  const out: Array<{ entry: Entry; case: CaseAggregate }> = [];
  for (const e of run.entries)
    for (const c of e.cases) if (isInconclusive(c)) out.push({ entry: e, case: c });
  return out;
}

/** `±7%`, `±12.5%`: a horizon or half-width for people. */
export function formatHalfWidth(fraction: number): string {
  const pct = fraction * 100;
  return `±${pct >= 10 ? pct.toFixed(0) : Number(pct.toFixed(1))}%`;
}

/** The mark a summary puts after a figure that stayed wider than the horizon. */
export const INCONCLUSIVE_MARK = '?';

/**
 * Whether a case's main figure stayed wider than the run's horizon (or had no interval): the one
 * reading behind every `?` (terminal summary, Markdown, the report's overview). False for cases
 * without a precision (runs written before --horizon).
 */
export function isInconclusive(c: CaseAggregate | null | undefined): boolean {
  return c?.precision !== undefined && !c.precision.conclusive;
}

/** ` ?` after a case whose main figure is inconclusive; '' otherwise (and for runs before --horizon). */
export function inconclusiveMark(c: CaseAggregate | null | undefined): string {
  return isInconclusive(c) ? ` ${INCONCLUSIVE_MARK}` : '';
}

/** Why sampling left figures wide, and what would narrow them, for precisionNote. */
function wideWhy(s: NonNullable<RunFile['sampling']>): string {
  const more = 'more --repeats';
  switch (s.stoppedBy) {
    case 'max-time':
      return s.maxTimeMs === 0
        ? `--max-time 0: minimum repeats only (${s.minRepeats} per figure); to narrow them give sampling time (--max-time 2m) or ${more}`
        : `sampling ran out of --max-time (${formatDuration(s.maxTimeMs)}); to narrow them a longer --max-time or ${more}`;
    case 'failures':
      return 'their scenarios had a failed process, which sampling does not repeat; fix that and run again';
    case 'interrupted':
      return 'the run was interrupted before sampling could narrow them';
    case 'horizon':
      return `to narrow them ${more}`;
  }
}

/**
 * The one line a summary prints under its tables when some main figure (one per case: throughput
 * or ops/s) is inconclusive, saying how many, why sampling left them and what would narrow them, e.g.
 * `? 4 of 60 main figures stayed wider than ±7% (95% CI over repeats); sampling ran out of --max-time
 * (7m30s); to narrow them a longer --max-time or more --repeats`; null when every figure is within the
 * horizon, or the run has no sampling record.
 */
export function precisionNote(run: RunFile): string | null {
  const s = run.sampling;
  if (!s) return null;
  const all = run.entries.flatMap((e) => e.cases).filter((c) => c.precision);
  const inconclusive = all.filter((c) => !c.precision!.conclusive);
  if (inconclusive.length === 0) return null;
  const noInterval = inconclusive.filter((c) => c.precision!.halfWidth === null).length;
  const wide = inconclusive.length - noInterval;
  const of = (n: number) =>
    n === all.length
      ? n === 1
        ? 'the main figure'
        : `all ${n} main figures`
      : `${n} of ${all.length} main figures`;
  const wideText = `stayed wider than ${formatHalfWidth(s.horizon)} (95% CI over repeats)`;
  const noneText = (n: number) => `${n === 1 ? 'has' : 'have'} no interval (one repeat or no usable value)`;
  const what =
    wide > 0 && noInterval > 0
      ? `${of(wide)} ${wideText}, ${noInterval} more ${noneText(noInterval)}`
      : wide > 0
        ? `${of(wide)} ${wideText}`
        : `${of(noInterval)} ${noneText(noInterval)}`;
  return `${INCONCLUSIVE_MARK} ${what}; ${wideWhy(s)}`;
}
