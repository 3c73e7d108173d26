/**
 * How the database cases drive their N queries in the two async modes. Shared by `db` and `db-pg` so
 * SQLite and PostgreSQL are driven identically.
 */
import { Semaphore } from '@asyncbench/core';
import type { WorkloadContext } from '@asyncbench/harness';

/**
 * Runs `units` queries, each made by `unit(i)`, at most `concurrency` in flight (1 = sequential: each
 * awaited before the next starts). Each query's latency is recorded from when it starts, not from when
 * it began waiting for the semaphore, so latency means "time the database took", and queueing shows in
 * wall time instead.
 */
export async function runAsyncUnits(
  ctx: WorkloadContext,
  units: number,
  concurrency: number,
  unit: (i: number) => Promise<unknown>,
): Promise<void> {
  if (concurrency <= 1) {
    for (let i = 0; i < units; i++) await ctx.time(() => unit(i));
    return;
  }
  const semaphore = new Semaphore(concurrency);
  const inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < units; i++) inFlight.push(semaphore.use(() => ctx.time(() => unit(i))));
  await Promise.all(inFlight);
}

/**
 * Draws every query's inputs before any runs, in unit order, so the same seed gives the same queries
 * in every mode, whatever order concurrent queries finish in.
 */
export function drawInputs<T>(units: number, draw: () => T): T[] {
  const inputs: T[] = [];
  for (let i = 0; i < units; i++) inputs.push(draw());
  return inputs;
}
