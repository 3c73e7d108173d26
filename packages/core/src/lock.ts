/** Lock — asyncio.Lock semantics with fair, abortable waiting. */
import { abortReason } from './abort.ts';
import { InvalidStateError } from './errors.ts';
import type { AcquireOptions } from './semaphore.ts';
import { WaiterList } from './waiters.ts';

const RESOLVED: Promise<void> = Promise.resolve();

/**
 * A mutual-exclusion lock. Waiters acquire in arrival order: release() hands the lock straight
 * to the first waiter. Like asyncio.Lock it has no owner: any code may release it.
 *
 * @example
 * const lock = new Lock();
 * await lock.use(async () => { await critical(); });
 */
export class Lock {
  #locked = false;
  readonly #waiters = new WaiterList<void>();

  /** True while someone holds the lock. */
  locked(): boolean {
    return this.#locked;
  }

  /** Takes the lock, waiting in line while it is held. Rejects with the signal's reason when aborted first. */
  acquire(options?: AcquireOptions): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!this.#locked) {
      this.#locked = true;
      return RESOLVED;
    }
    return this.#waiters.wait(signal);
  }

  /** Releases the lock (to the first waiter, if any). Throws InvalidStateError when it is not locked. */
  release(): void {
    if (!this.#locked) throw new InvalidStateError('release of an unlocked Lock');
    // Handing over keeps #locked true: the waiter now holds it.
    if (!this.#waiters.resolveNext(undefined)) this.#locked = false;
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
