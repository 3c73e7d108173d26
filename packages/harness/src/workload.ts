import type { InputStats, WorkloadStats } from '@asyncbench/results/schema';
import { type InputProbe, startInputProbe } from './input-probe.ts';
import { LatencyRecorder } from './latency-recorder.ts';
import type { Platform } from './platform.ts';
import type { WorkloadBudget } from './profiles.ts';
import { mulberry32 } from './random.ts';
import type { WorkloadCase, WorkloadContext } from './scenario.ts';

/** When the last unit of a round ended (performance.now() ms); NaN before any. */
export interface UnitMarks {
  lastUnitEndMs: number;
}

/**
 * Builds the context a workload's run() receives; latencies go into recorder, and marks (when
 * given) learns when each unit ended, so an input probe can close its window at the last unit's
 * end rather than after the awaits that follow it (Deno dispatches a waiting worker message in
 * that gap, which would count as handled "while the work ran").
 */
export function createWorkloadContext(
  platform: Platform,
  seed: number,
  recorder: LatencyRecorder,
  marks?: UnitMarks,
): WorkloadContext {
  const now = () => performance.now();
  const unitEnded = (t0: number) => {
    const t1 = now();
    recorder.record(t1 - t0);
    if (marks) marks.lastUnitEndMs = t1;
  };
  return {
    platform,
    random: mulberry32(seed),
    now,
    record: (latencyMs) => {
      recorder.record(latencyMs);
      if (marks) marks.lastUnitEndMs = now();
    },
    // A failing unit still took time: record it, then let the error through.
    async time(fn) {
      const t0 = now();
      try {
        return await fn();
      } finally {
        unitEnded(t0);
      }
    },
    timeSync(fn) {
      const t0 = now();
      try {
        return fn();
      } finally {
        unitEnded(t0);
      }
    },
  };
}

/** The physical limit: N*d one at a time, d*ceil(N/c) with c in flight; null when d is unknown. */
export function idealWallMs(
  c: Pick<WorkloadCase, 'mode' | 'units' | 'concurrency' | 'unitMs'>,
): number | null {
  if (c.unitMs === null) return null;
  if (c.mode === 'concurrent') return c.unitMs * Math.ceil(c.units / Math.max(1, c.concurrency));
  return c.unitMs * c.units;
}

/** WorkloadStats as runWorkload makes them: the steady-state fields, optional in files, always set. */
export type MeasuredWorkload = WorkloadStats &
  Required<
    Pick<
      WorkloadStats,
      | 'warmupRounds'
      | 'warmupUnits'
      | 'warmupMs'
      | 'warmupSteady'
      | 'rounds'
      | 'timedUnits'
      | 'timedMs'
      | 'arrangement'
    >
  >;

/** What a sequence of rounds took: how many, and their wall time together (ms). */
interface RoundsDone {
  rounds: number;
  ms: number;
}

/** A warm-up window must beat every earlier one by more than this factor to count as still rising. */
const STILL_RISING = 1.05;
/** A mean round within this factor of the physical limit (idealMs) cannot get meaningfully faster. */
const AT_THE_LIMIT = 1.1;

/**
 * Seed of round r: timed rounds count 0, 1, 2, ...; warm-up rounds count down from -1. Round r of
 * every mode sees the same inputs, so modes stay comparable whatever their round counts are.
 */
function roundSeed(seed: number, round: number): number {
  return (seed + Math.imul(round, 0x9e3779b9)) >>> 0;
}

/**
 * Runs whole rounds (one c.run each) back to back until their summed wall time reaches atLeastMs,
 * at least one. Only run() itself is on the clock, not the context built between rounds.
 */
async function runRounds<S>(
  c: WorkloadCase<S>,
  state: S,
  platform: Platform,
  seedOf: (round: number) => number,
  recorder: LatencyRecorder,
  atLeastMs: number,
  firstRound = 0,
  marks?: UnitMarks,
): Promise<RoundsDone> {
  let rounds = 0;
  let ms = 0;
  do {
    const ctx = createWorkloadContext(platform, seedOf(firstRound + rounds), recorder, marks);
    const t0 = performance.now();
    await c.run(ctx, state);
    ms += performance.now() - t0;
    rounds++;
  } while (ms < atLeastMs);
  if (recorder.count === 0) {
    throw new Error(
      `workload case "${c.id}" recorded no unit latencies: wrap each unit in ctx.time / ctx.timeSync or call ctx.record`,
    );
  }
  return { rounds, ms };
}

/**
 * Warm-up: windows of whole rounds (each at least budget.warmupMs) until the case stops speeding
 * up: its mean round is within AT_THE_LIMIT of idealMs (it cannot get meaningfully faster), or a
 * window's rate does not beat the best earlier one by more than STILL_RISING (a plateau) once
 * c.minWarmupMs has passed. budget.maxWarmupMs caps it; steady says which ended it.
 * An input case warms up for one window only: it times a single round and its figures are input
 * delays, not a rate that must reach a plateau; one untimed round compiles its code. (Waiting for
 * a plateau cost the responsiveness scenario ~1.4 s per process, ~12 s of a default run.)
 */
async function warmUp<S>(
  c: WorkloadCase<S>,
  state: S,
  platform: Platform,
  seed: number,
  recorder: LatencyRecorder,
  budget: WorkloadBudget,
): Promise<RoundsDone & { steady: boolean }> {
  const idealMs = idealWallMs(c);
  const minMs = Math.min(c.minWarmupMs ?? 0, budget.maxWarmupMs);
  const seedOf = (r: number) => roundSeed(seed, -1 - r);
  let rounds = 0;
  let ms = 0;
  let best = 0;
  for (let window = 1; ; window++) {
    const w = await runRounds(c, state, platform, seedOf, recorder, budget.warmupMs, rounds);
    rounds += w.rounds;
    ms += w.ms;
    const rate = w.rounds / Math.max(w.ms, 1e-6);
    const atLimit = idealMs !== null && idealMs > 0 && w.ms / w.rounds <= idealMs * AT_THE_LIMIT;
    const plateau = window >= 2 && rate <= best * STILL_RISING && ms >= minMs;
    if (atLimit || plateau || c.input) return { rounds, ms, steady: true };
    best = Math.max(best, rate);
    if (ms >= budget.maxWarmupMs) return { rounds, ms, steady: false };
  }
}

/**
 * Runs a workload case to steady state: setup (untimed); warm-up rounds of the same case
 * (untimed, latencies discarded) until it stops speeding up (warmUp); timed rounds
 * back to back until budget.timedMs; memory read; teardown (untimed, always once setup succeeded,
 * even when a round throws). A round is one c.run(), i.e. N units in the case's own mode, so
 * idealMs and efficiency keep their per-round meaning (wallMs is the mean round), while
 * throughput counts every timed unit. Each round gets a PRNG seeded from seed and its index. A
 * case with `input` gets input events while its timed rounds run (input-probe.ts) and their
 * delays in `input`.
 */
export async function runWorkload<S>(
  c: WorkloadCase<S>,
  platform: Platform,
  seed: number,
  budget: WorkloadBudget,
): Promise<MeasuredWorkload> {
  const state = (c.setup ? await c.setup(platform) : undefined) as S;
  const recorder = new LatencyRecorder();
  let warmup = { rounds: 0, ms: 0, steady: false };
  let timed: RoundsDone = { rounds: 0, ms: 0 };
  let memory = { rss: 0, heapUsed: 0 };
  let failed = false;
  let failure: unknown;
  let probe: InputProbe | undefined;
  let input: InputStats | undefined;
  try {
    warmup = await warmUp(c, state, platform, seed, recorder, budget);
    recorder.reset();
    // No forced gc() here: it disturbs the state the warm-up reached. Node's fetch (http-raw
    // fetch-loops, five alternating pairs, load ~2.5) ran its timed part at a median 7.6k
    // requests/s after a gc() and 8.8k without (why, not pinned down: not the young generation's
    // size, which stayed at 32 MiB). The runner collects before each case instead.
    if (c.input) probe = await startInputProbe(platform, c.input.intervalMs);
    const marks: UnitMarks = { lastUnitEndMs: Number.NaN };
    probe?.begin();
    // An input case times one round: between rounds the event loop is free, so a blocking case
    // would handle input there and its figures would no longer describe "while the work runs".
    // Such scenarios size their round to last about the timed budget instead.
    const timedBudgetMs = c.input ? 0 : budget.timedMs;
    timed = await runRounds(c, state, platform, (r) => roundSeed(seed, r), recorder, timedBudgetMs, 0, marks);
    probe?.end(marks.lastUnitEndMs);
    memory = platform.memoryUsage();
  } catch (error) {
    failed = true;
    failure = error;
  }
  // Stopped after a failed run too, so the stream's thread cannot keep the process alive.
  if (probe) {
    try {
      input = await probe.finish();
    } catch (error) {
      if (!failed) {
        failed = true;
        failure = error;
      }
    }
  }
  try {
    if (c.teardown) await c.teardown(state);
  } catch (error) {
    // The run's own error explains more than a teardown tripping over the half-done state.
    if (!failed) throw error;
  }
  if (failed) throw failure;
  const idealMs = idealWallMs(c);
  // Guard a zero reading from a coarse clock so throughput stays finite.
  const timedMs = Math.max(timed.ms, 1e-6);
  const wallMs = timedMs / timed.rounds;
  const timedUnits = timed.rounds * c.units;
  return {
    units: c.units,
    concurrency: c.concurrency,
    unitMs: c.unitMs,
    wallMs,
    throughput: timedUnits / (timedMs / 1000),
    warmupRounds: warmup.rounds,
    warmupUnits: warmup.rounds * c.units,
    warmupMs: warmup.ms,
    warmupSteady: warmup.steady,
    rounds: timed.rounds,
    timedUnits,
    timedMs,
    arrangement: c.arrangement ?? null,
    latencyMs: recorder.summary(),
    idealMs,
    efficiency: idealMs === null ? null : idealMs / wallMs,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    ...(input ? { input } : {}),
  };
}
