/** `sleep()`: a cancellable timer, the building block of the timing-based primitives. */
import { abortReason, onAbort } from './abort.ts';

/** Options for {@link sleep}. */
export interface SleepOptions {
  /** Aborting it rejects the sleep with the signal's reason and clears the timer. */
  signal?: AbortSignal | undefined;
}

/**
 * Resolves after `ms` milliseconds, like `asyncio.sleep`. When `signal` aborts (before the call or
 * during the wait) the promise rejects with the signal's reason (a CancelledError when it carries
 * none) and the timer is cleared, so a cancelled sleep keeps no process alive.
 */
export function sleep(ms: number, options?: SleepOptions): Promise<void> {
  const signal = options?.signal;
  // The common, unsignalled case allocates nothing beyond the timer and its promise.
  if (signal === undefined) return new Promise((resolve) => setTimeout(resolve, ms));
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Long-lived signals must not collect a listener per finished sleep.
      removeListener();
      resolve();
    }, ms);
    const removeListener = onAbort(signal, (reason) => {
      clearTimeout(timer);
      reject(reason);
    });
  });
}
