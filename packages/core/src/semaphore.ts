/** Semaphore and BoundedSemaphore — asyncio.Semaphore semantics with fair, abortable waiting. */
import { abortReason } from './abort.ts';
import { InvalidStateError } from './errors.ts';
import { WaiterList } from './waiters.ts';

/** Options of acquire(). */
export interface AcquireOptions {
  /** Aborting it gives up the wait; the waiter leaves the line and holds no permit. */
  signal?: AbortSignal;
}

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * A counter of permits. acquire() takes one, waiting while none is free; release() returns one.
 * Fair: a release with waiters hands the permit straight to the first waiter, so a newcomer
 * cannot barge ahead of the line.
 *
 * @example
 * const sem = new Semaphore(3);
 * await sem.use(() => fetch(url));
 */
export class Semaphore {
  /** @internal Free permits. Invariant: while anyone waits this is 0. */
  protected _value: number;
  readonly #waiters = new WaiterList<void>();

  /** @param value initial number of permits (an integer >= 0). */
  constructor(value = 1) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`invalid semaphore value: ${value}`);
    this._value = value;
  }

  /** True when no permit is free, i.e. acquire() would wait. */
  locked(): boolean {
    return this._value === 0;
  }

  /** Takes a permit, waiting in line while none is free. Rejects with the signal's reason when aborted first. */
  acquire(options?: AcquireOptions): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this._value > 0) {
      this._value--;
      return RESOLVED;
    }
    return this.#waiters.wait(signal);
  }

  /** Returns a permit, handing it to the first waiter when there is one. */
  release(): void {
    if (!this.#waiters.resolveNext(undefined)) this._value++;
  }

  /** Acquires, runs fn, and releases whether fn succeeds or fails. */
  async use<T>(fn: () => T | PromiseLike<T>, options?: AcquireOptions): Promise<T> {
    await this.acquire(options);
    try {
      return await fn();
    } finally {
      this.release();
    }
  }
}

/** A Semaphore whose release() throws InvalidStateError when it would exceed the initial value (a release bug). */
export class BoundedSemaphore extends Semaphore {
  readonly #bound: number;

  /** @param value initial and maximum number of permits. */
  constructor(value = 1) {
    super(value);
    this.#bound = value;
  }

  override release(): void {
    // Waiters exist only while _value is 0, so this never rejects a hand-off.
    if (this._value >= this.#bound) throw new InvalidStateError('BoundedSemaphore released too many times');
    super.release();
  }
}
