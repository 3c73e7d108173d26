/**
 * Auto-sampling for `asyncbench run`, in tachometer's style (its --horizon and --timeout): after
 * the minimum repeats, keep adding rounds for the scenarios whose main figures (throughput, ops/s)
 * still have a 95% CI wider than the horizon (the most wide figures per second of round first, see
 * nextStep), until all are inside it or the whole-run time budget is spent. A round repeats only what is still wide: on each runtime with a
 * wide figure, one more repeat of just those cases (`--cases`), back to back. A wide micro case
 * then costs one short process of its own (~0.5 s) instead of the scenario's whole repeat, so the
 * budget goes where the intervals are. Pure functions of the results so far; run.ts runs the
 * processes they ask for.
 */
import { casePrecision, type ProfileName, type RunFile } from '@asyncbench/results';

/**
 * Relative half-width (of each main figure's 95% CI) sampling aims for, when --horizon is not
 * given. default: ±7%, because a ratio of two figures each known to ±h is known to about ±h·√2,
 * and the goal is a run-vs-run ratio interval with hi/lo <= 1.21 (±10%): ln(1.21)/(2·√2) ≈ 0.067.
 * quick: ±25%, a fast look. full: ±5%.
 */
export const DEFAULT_HORIZON: Record<ProfileName, number> = { quick: 0.25, default: 0.07, full: 0.05 };

/**
 * Whole-run time budget, ms, when --max-time is not given: the default run stays within 8 minutes
 * on a 2-core machine (7.5 for the processes, the rest for start-up, summary and report).
 */
export const DEFAULT_MAX_TIME_MS: Record<ProfileName, number> = {
  quick: 120_000,
  default: 450_000,
  full: 1_800_000,
};

/**
 * Processes per runtime x scenario before sampling starts (--repeats overrides), the counts runs
 * had before auto-sampling. quick's 1 gives no interval, so the first sampling pass adds a second
 * round to every scenario that has time for it; `--max-time 0` keeps a quick run at one process.
 */
export const DEFAULT_MIN_REPEATS: Record<ProfileName, number> = { quick: 1, default: 3, full: 5 };

/** Why sampling ended. */
export type StoppedBy = 'horizon' | 'max-time' | 'failures' | 'interrupted';

/** Where one scenario stands after the rounds so far, across the runtimes that ran it. */
export interface ScenarioState {
  id: string;
  /** Main figures (one per runtime x case) wider than the horizon, or with no interval yet. */
  wide: number;
  /** Of those, the ones with no interval yet (one repeat, or no usable value). */
  noInterval: number;
  /** The widest half-width among them; Infinity where a figure has no interval yet. 0 if none. */
  widest: number;
  /** A process of this scenario failed: another round would most likely fail too. */
  failed: boolean;
  /**
   * Estimated duration of one more round of the wide cases, ms, summed over runtimes: what their
   * processes took last time (estimate), else the runtime's mean repeat time so far.
   */
  roundMs: number;
  /** Rounds (repeat indexes) run so far: the most repeats any runtime has. */
  rounds: number;
  /** Per runtime, in the scenario's case order, the cases still wide there: what a round runs. */
  wideCases: Record<string, string[]>;
}

/**
 * What repeating `cases` of scenario on runtime would take, ms, from what the processes that ran
 * them took last time; undefined when not known (then the mean repeat time is used).
 */
export type RoundEstimate = (
  runtime: string,
  scenario: string,
  cases: readonly string[],
) => number | undefined;

/**
 * The state of each scenario in `scenarioIds` from the run so far. Skipped entries (runtime
 * missing, scenario declined) do not count; a failed entry marks the scenario failed. Rounds count
 * repeat indexes: a round that repeats some cases on some runtimes still takes one index.
 */
export function scenarioStates(
  run: RunFile,
  scenarioIds: readonly string[],
  horizon: number,
  estimate: RoundEstimate = () => undefined,
): ScenarioState[] {
  return scenarioIds.map((id) => {
    const entries = run.entries.filter((e) => e.scenario === id && e.status !== 'skipped');
    let wide = 0;
    let noInterval = 0;
    let widest = 0;
    let roundMs = 0;
    let rounds = 0;
    const wideCases: Record<string, string[]> = {};
    for (const e of entries) {
      rounds = Math.max(rounds, ...e.repeats.map((r) => r.index + 1));
      const cases: string[] = [];
      for (const c of e.cases) {
        const p = casePrecision(c, horizon);
        if (p.conclusive) continue;
        wide++;
        if (p.halfWidth === null) noInterval++;
        widest = Math.max(widest, p.halfWidth ?? Number.POSITIVE_INFINITY);
        cases.push(c.case);
      }
      if (cases.length === 0) continue;
      wideCases[e.runtime] = cases;
      const meanRepeatMs =
        e.repeats.length > 0 ? e.repeats.reduce((sum, r) => sum + r.durationMs, 0) / e.repeats.length : 0;
      roundMs += estimate(e.runtime, id, cases) ?? meanRepeatMs;
    }
    return {
      id,
      wide,
      noInterval,
      widest,
      failed: entries.some((e) => e.status === 'failed'),
      roundMs,
      rounds,
      wideCases,
    };
  });
}

/** What to do next: one round of each listed scenario (in that order), or stop and why. */
export type SamplingStep = { next: 'rounds'; scenarios: string[] } | { next: 'stop'; stoppedBy: StoppedBy };

/**
 * The next pass: every scenario with a wide figure and no failure, as many as fit in the remaining
 * budget by their estimated round time, the most wide figures per second of round first (then the
 * widest): when the budget runs short, it goes where it narrows the most figures (one that does
 * not fit is passed over for a cheaper one behind it). Stops with 'horizon' when nothing is wide,
 * 'failures' when only scenarios with a failed process are, 'max-time' when no round fits.
 */
export function nextStep(states: readonly ScenarioState[], remainingMs: number): SamplingStep {
  const wide = states.filter((s) => s.wide > 0);
  if (wide.length === 0) return { next: 'stop', stoppedBy: 'horizon' };
  const perSecond = (s: ScenarioState) => s.wide / Math.max(s.roundMs, 1);
  const candidates = wide
    .filter((s) => !s.failed)
    .sort((a, b) => perSecond(b) - perSecond(a) || b.widest - a.widest);
  if (candidates.length === 0) return { next: 'stop', stoppedBy: 'failures' };
  const chosen: string[] = [];
  let budget = remainingMs;
  for (const s of candidates) {
    if (s.roundMs > budget) continue;
    chosen.push(s.id);
    budget -= s.roundMs;
  }
  return chosen.length > 0 ? { next: 'rounds', scenarios: chosen } : { next: 'stop', stoppedBy: 'max-time' };
}

/**
 * The progress line before a round: "sampling: 4 figures wider than ±7%, adding round 5 of timers
 * (2 cases across runtimes)"; figures with no interval yet are counted as such ("12 figures with no
 * interval yet, 4 wider than ±7%"), and the case count is of distinct cases over the runtimes the
 * round runs on (each runtime's own count is on its progress line).
 */
export function samplingLine(
  states: readonly ScenarioState[],
  horizonText: string,
  scenario: string,
): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const unknown = states.reduce((n, s) => n + s.noInterval, 0);
  const wider = states.reduce((n, s) => n + s.wide, 0) - unknown;
  const what = [
    ...(unknown > 0 ? [`${plural(unknown, 'figure')} with no interval yet`] : []),
    ...(wider > 0 || unknown === 0 ? [`${plural(wider, 'figure')} wider than ${horizonText}`] : []),
  ].join(', ');
  const state = states.find((s) => s.id === scenario);
  const round = (state?.rounds ?? 0) + 1;
  const cases = new Set(Object.values(state?.wideCases ?? {}).flat()).size;
  const across = Object.keys(state?.wideCases ?? {}).length > 1 ? ' across runtimes' : '';
  return `sampling: ${what}, adding round ${round} of ${scenario} (${plural(cases, 'case')}${across})`;
}

/**
 * `10%`, `10` (percent) or `0.5%`: a horizon in (0, 1]; null for anything else. A bare number
 * below 1 (`0.1`) is refused, not read as 0.1%: it is most likely a fraction meant as 10%.
 */
export function parseHorizon(text: string): number | null {
  const m = /^\s*±?(\d+(?:\.\d+)?)(%?)\s*$/.exec(text);
  if (m && m[2] === '' && Number(m[1]) < 1) return null;
  const pct = m ? Number(m[1]) : Number.NaN;
  return Number.isFinite(pct) && pct > 0 && pct <= 100 ? pct / 100 : null;
}

/**
 * `90s`, `8m`, `1.5m`, `1h`, `450000ms`, or a bare number of seconds: ms in [0, 7 days]; null for
 * anything else. `0` runs the minimum repeats only.
 */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(text);
  if (!m) return null;
  const scale = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[m[2] ?? 's']!;
  const ms = Math.round(Number(m[1]) * scale);
  return ms <= 7 * 24 * 3_600_000 ? ms : null;
}
