import type { InputStats, WorkloadStats } from '@asyncbench/results/schema';
import { type InputProbe, startInputProbe } from './input-probe.ts';
import { LatencyRecorder } from './latency-recorder.ts';
import type { Platform } from './platform.ts';
import { mulberry32 } from './random.ts';
import type { WorkloadCase, WorkloadContext } from './scenario.ts';

/** Builds the context a workload's run() receives; latencies go into recorder. */
export function createWorkloadContext(
  platform: Platform,
  seed: number,
  recorder: LatencyRecorder,
): WorkloadContext {
  const now = () => performance.now();
  return {
    platform,
    random: mulberry32(seed),
    now,
    record: (latencyMs) => recorder.record(latencyMs),
    // A failing unit still took time: record it, then let the error through.
    async time(fn) {
      const t0 = now();
      try {
        return await fn();
      } finally {
        recorder.record(now() - t0);
      }
    },
    timeSync(fn) {
      const t0 = now();
      try {
        return fn();
      } finally {
        recorder.record(now() - t0);
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

/**
 * Runs a workload case once: setup (untimed), run (timed as a whole with performance.now, units
 * recorded through the context), memory read, teardown (untimed, always once setup succeeded,
 * even when run throws). A case with `input` gets input events while run() runs (input-probe.ts)
 * and their delays in `input`. There is no warm-up run: units are I/O-shaped (timers, reads,
 * requests) so their wall time is dominated by waiting, and a second pass would double the cost.
 * The seeded PRNG is fresh per case, so every mode of a scenario sees the same inputs.
 */
export async function runWorkload<S>(
  c: WorkloadCase<S>,
  platform: Platform,
  seed: number,
): Promise<WorkloadStats> {
  const state = (c.setup ? await c.setup(platform) : undefined) as S;
  const recorder = new LatencyRecorder();
  let wallMs = 0;
  let memory = { rss: 0, heapUsed: 0 };
  let failed = false;
  let failure: unknown;
  let probe: InputProbe | undefined;
  let input: InputStats | undefined;
  try {
    const ctx = createWorkloadContext(platform, seed, recorder);
    if (c.input) probe = await startInputProbe(platform, c.input.intervalMs);
    probe?.begin();
    const t0 = performance.now();
    await c.run(ctx, state);
    wallMs = performance.now() - t0;
    probe?.end();
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
  if (recorder.count === 0) {
    throw new Error(
      `workload case "${c.id}" recorded no unit latencies: wrap each unit in ctx.time / ctx.timeSync or call ctx.record`,
    );
  }
  const idealMs = idealWallMs(c);
  // Guard a zero reading from a coarse clock so throughput stays finite.
  const safeWall = Math.max(wallMs, 1e-6);
  return {
    units: c.units,
    concurrency: c.concurrency,
    unitMs: c.unitMs,
    wallMs,
    throughput: c.units / (safeWall / 1000),
    latencyMs: recorder.summary(),
    idealMs,
    efficiency: idealMs === null ? null : idealMs / safeWall,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    ...(input ? { input } : {}),
  };
}
