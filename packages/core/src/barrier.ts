/**
 * Barrier — asyncio.Barrier, simplified: the last arrival releases everyone synchronously, so
 * there is no separate "draining" phase; the barrier is at once ready for its next cycle.
 */
import { abortReason } from './abort.ts';
import { BrokenBarrierError } from './errors.ts';
import { WaiterList } from './waiters.ts';

function brokenError(): BrokenBarrierError {
  return new BrokenBarrierError();
}

/**
 * Lets `parties` tasks wait until all of them have arrived. wait() resolves with the arrival
 * index (0 for the first, parties - 1 for the one that released the others). A waiter that aborts
 * leaves the barrier, and the indices are those of the waiters that stayed. reset() rejects the
 * current waiters with BrokenBarrierError and keeps the barrier usable; abort() breaks it, so
 * current and later waits reject with BrokenBarrierError until reset().
 *
 * @example
 * const b = new Barrier(3);
 * const [i0, i1, i2] = await Promise.all([b.wait(), b.wait(), b.wait()]); // 0, 1, 2
 */
export class Barrier {
  /** Number of tasks that must arrive to pass the barrier. */
  readonly parties: number;
  readonly #waiters = new WaiterList<number>();
  #broken = false;

  /** @param parties an integer >= 1. */
  constructor(parties: number) {
    if (!Number.isInteger(parties) || parties < 1) throw new RangeError(`invalid parties: ${parties}`);
    this.parties = parties;
  }

  /** Number of tasks waiting in the current cycle. */
  get nWaiting(): number {
    return this.#waiters.size;
  }

  /** True after abort() until reset(). */
  get broken(): boolean {
    return this.#broken;
  }

  /** Waits until `parties` tasks wait, then resolves with this task's arrival index. */
  wait(options?: { signal?: AbortSignal }): Promise<number> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#broken) return Promise.reject(new BrokenBarrierError());
    if (this.#waiters.size + 1 < this.parties) return this.#waiters.wait(signal);
    // Indices are assigned at release time, in line order, so aborted waiters leave no gaps.
    let index = 0;
    for (let w = this.#waiters.shift(); w !== null; w = this.#waiters.shift()) w.resolve(index++);
    return Promise.resolve(index);
  }

  /** Rejects current waiters with BrokenBarrierError and returns the barrier to its empty, unbroken state. */
  reset(): void {
    this.#broken = false;
    this.#waiters.rejectAll(brokenError);
  }

  /** Breaks the barrier: current and later wait() calls reject with BrokenBarrierError until reset(). */
  abort(): void {
    this.#broken = true;
    this.#waiters.rejectAll(brokenError);
  }
}
