/** Condition — asyncio.Condition semantics with abortable waiting. */

import { InvalidStateError } from './errors.ts';
import { Lock } from './lock.ts';
import type { AcquireOptions } from './semaphore.ts';
import { WaiterList } from './waiters.ts';

/**
 * A condition variable bound to a Lock. wait() releases the lock, waits for notify(), and takes
 * the lock back before returning — also when aborted, so the caller always holds the lock after
 * wait() settles. An abort before notification consumes no notification.
 *
 * @example
 * await cond.use(async () => {
 *   await cond.waitFor(() => items.length > 0);
 *   items.shift();
 * });
 */
export class Condition {
  readonly #lock: Lock;
  readonly #waiters = new WaiterList<void>();

  /** @param lock the lock to use; a new Lock by default. */
  constructor(lock: Lock = new Lock()) {
    this.#lock = lock;
  }

  /** True while the underlying lock is held. */
  locked(): boolean {
    return this.#lock.locked();
  }

  /** Acquires the underlying lock. */
  acquire(options?: AcquireOptions): Promise<void> {
    return this.#lock.acquire(options);
  }

  /** Releases the underlying lock. */
  release(): void {
    this.#lock.release();
  }

  /** Acquires the lock, runs fn, and releases whether fn succeeds or fails. */
  use<T>(fn: () => T | PromiseLike<T>, options?: AcquireOptions): Promise<T> {
    return this.#lock.use(fn, options);
  }

  /**
   * Releases the lock, waits until notified, re-acquires the lock and resolves with true. The
   * lock must be held (InvalidStateError otherwise). When aborted it still re-acquires the lock,
   * then rejects with the signal's reason.
   */
  async wait(options?: AcquireOptions): Promise<true> {
    if (!this.#lock.locked()) throw new InvalidStateError('cannot wait on an un-acquired Condition');
    const waiting = this.#waiters.wait(options?.signal);
    this.#lock.release();
    try {
      await waiting;
    } finally {
      // Not abortable: the caller's code after wait() assumes it holds the lock.
      await this.#lock.acquire();
    }
    return true;
  }

  /** Waits (as wait()) until predicate() returns a truthy value, and returns that value. */
  async waitFor<R>(predicate: () => R, options?: AcquireOptions): Promise<R> {
    let result = predicate();
    while (!result) {
      await this.wait(options);
      result = predicate();
    }
    return result;
  }

  /** Wakes up to n waiters, in arrival order. The lock must be held (InvalidStateError otherwise). */
  notify(n = 1): void {
    if (!this.#lock.locked()) throw new InvalidStateError('cannot notify on an un-acquired Condition');
    for (let i = 0; i < n && this.#waiters.resolveNext(undefined); i++);
  }

  /** Wakes every waiter. The lock must be held (InvalidStateError otherwise). */
  notifyAll(): void {
    this.notify(this.#waiters.size);
  }
}
