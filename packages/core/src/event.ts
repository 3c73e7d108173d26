/** Event — asyncio.Event semantics with abortable waiting. */
import { abortReason } from './abort.ts';
import { WaiterList } from './waiters.ts';

const RESOLVED_TRUE: Promise<true> = Promise.resolve(true);

/**
 * A flag that tasks can wait for. set() wakes every waiter; clear() resets the flag so later
 * wait() calls block again.
 *
 * @example
 * const ready = new Event();
 * setTimeout(() => ready.set(), 10);
 * await ready.wait();
 */
export class Event {
  #flag = false;
  readonly #waiters = new WaiterList<true>();

  /** True while the flag is set. */
  isSet(): boolean {
    return this.#flag;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    if (this.#flag) return;
    this.#flag = true;
    this.#waiters.resolveAll(true);
  }

  /** Clears the flag. */
  clear(): void {
    this.#flag = false;
  }

  /** Resolves with true once the flag is set (at once if it is). Rejects with the signal's reason when aborted first. */
  wait(options?: { signal?: AbortSignal }): Promise<true> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#flag) return RESOLVED_TRUE;
    return this.#waiters.wait(signal);
  }
}
