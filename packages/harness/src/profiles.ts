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

/** Budgets per profile: quick for smoke runs and CI, full for publishable numbers. */
export const MICRO_BUDGETS: Readonly<Record<ProfileName, MicroBudget>> = {
  quick: { timeMs: 150, warmupMs: 30, minSamples: 10, batchTargetMs: 0.1 },
  default: { timeMs: 500, warmupMs: 100, minSamples: 10, batchTargetMs: 0.1 },
  full: { timeMs: 1500, warmupMs: 250, minSamples: 20, batchTargetMs: 0.1 },
};
