import type { ProfileName } from './scenario.ts';

/** How long tinybench measures one micro case. */
export interface MicroBudget {
  /** Measuring time per case, ms (tinybench `time`). */
  timeMs: number;
  /** Warm-up time per case, ms (tinybench `warmupTime`), after batch calibration. */
  warmupMs: number;
  /** At least this many samples even when the time is up (slow ops). */
  minSamples: number;
  /** Target duration of one batched sample, ms: long enough to drown the timer's own cost. */
  batchTargetMs: number;
}

/**
 * Budgets per profile: quick for smoke runs and CI, full for publishable numbers. default's 400 ms
 * is ~4,000 samples of ~0.1 ms: a case's figure varies far more between processes (JIT decisions)
 * than its mean does within one, so the run's repeats, not a longer sample, narrow its interval;
 * the 100 ms it gave up pays for one process per micro case (a default run must stay <= 8 min).
 * Shorter still costs precision per second of run: between fresh processes, seven cases x three
 * runtimes, interleaved, load 2-3.6, the median spread (sd of log ops/s) was 3.9% at 400 ms
 * (0.64 s a process) and 5.3% at 200 ms (0.44 s): five short processes buy about what three long
 * ones do (scripts/crosscheck/micro-budget-sd.mjs).
 */
export const MICRO_BUDGETS: Readonly<Record<ProfileName, MicroBudget>> = {
  quick: { timeMs: 150, warmupMs: 30, minSamples: 10, batchTargetMs: 0.1 },
  default: { timeMs: 400, warmupMs: 100, minSamples: 10, batchTargetMs: 0.1 },
  full: { timeMs: 1500, warmupMs: 250, minSamples: 20, batchTargetMs: 0.1 },
};

/** How long one workload case is run: untimed warm-up rounds, then timed rounds. */
export interface WorkloadBudget {
  /**
   * Warm-up window: whole rounds of the same case, untimed, until at least this many ms (at least
   * one round). Windows repeat while the case is still speeding up (see runWorkload).
   */
  warmupMs: number;
  /** Warm-up stops after this many ms even if the case is still speeding up (results say so). */
  maxWarmupMs: number;
  /** Timed part: whole rounds back to back until at least this many ms have passed (at least 1 round). */
  timedMs: number;
}

/**
 * Budgets per profile. The timed part is long enough to be in steady state: with N = 200 HTTP
 * requests timed once (~10 ms on Bun) start-up and ramp read 3-6x below the steady rate (issue 9).
 * Warm-up runs in windows until the rate stops rising: Node's fetch needs about a second of
 * requests before it runs at its steady rate (0.5 s timed after 0.15 s of warm-up read 1.3-3.1k
 * requests/s, after 1-3 s 5.8-9.9k). A round that alone outlasts timedMs (N*d of blocking timers)
 * runs once; the scenarios size N to keep such rounds near timedMs rather than doubling the run.
 */
export const WORKLOAD_BUDGETS: Readonly<Record<ProfileName, WorkloadBudget>> = {
  quick: { warmupMs: 50, maxWarmupMs: 1000, timedMs: 200 },
  default: { warmupMs: 100, maxWarmupMs: 2000, timedMs: 500 },
  full: { warmupMs: 200, maxWarmupMs: 4000, timedMs: 1500 },
};
