/**
 * How the database cases drive their N queries in the two async modes. Shared by `db` and `db-pg` so
 * SQLite and PostgreSQL are driven identically.
 */
import { Semaphore } from '@asyncbench/core';
import type { Platform, WorkloadCase, WorkloadContext } from '@asyncbench/harness';

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

/**
 * A resource the cases of one run share (a database file and its pool, a server pool and tables):
 * created by the first case that asks, freed by the last case's teardown. After a failure the
 * runner runs no further case, so then it is freed at once instead of waiting for teardowns that
 * will never come.
 */
export abstract class SharedFixture<H> {
  /** Cases that have not torn down yet. */
  #remaining: number;
  #opened: Promise<H> | undefined;

  constructor(cases: number) {
    this.#remaining = cases;
  }

  /** Every case's teardown calls it; the last one, or the one after a failure, frees everything. */
  async release(failed: boolean): Promise<void> {
    this.#remaining--;
    if (this.#remaining > 0 && !failed) return;
    const opening = this.#opened;
    this.#opened = undefined;
    // When creating it failed, the setup that hit the error has already reported it.
    const handle = await opening?.catch(() => undefined);
    if (handle !== undefined) await this.dispose(handle);
  }

  /** The shared resource, created on first use. */
  protected acquire(platform: Platform): Promise<H> {
    this.#opened ??= this.create(platform);
    return this.#opened;
  }

  protected abstract create(platform: Platform): Promise<H>;
  protected abstract dispose(handle: H): Promise<void>;
}

interface SharedState<D> {
  db: D;
  failed: boolean;
}

/**
 * setup / run / teardown of a case on a shared fixture. The runner calls no teardown when setup
 * fails and runs no further case after a failure, so both free the fixture at once instead of
 * waiting for teardowns that will never come.
 */
export function onShared<D>(
  fixture: SharedFixture<unknown>,
  open: (platform: Platform) => Promise<D>,
  run: (ctx: WorkloadContext, db: D) => Promise<void>,
): Pick<WorkloadCase<SharedState<D>>, 'setup' | 'run' | 'teardown'> {
  return {
    async setup(platform) {
      try {
        return { db: await open(platform), failed: false };
      } catch (error) {
        await fixture.release(true).catch(() => {});
        throw error;
      }
    },
    async run(ctx, state) {
      try {
        await run(ctx, state.db);
      } catch (error) {
        state.failed = true;
        throw error;
      }
    },
    teardown: (state) => fixture.release(state.failed),
  };
}
