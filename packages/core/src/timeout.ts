/** Deadlines: `timeout()` for a function that takes a signal, `waitFor()` for an awaitable. */
import { abortReason, onAbort } from './abort.ts';
import { TimeoutError } from './errors.ts';
import { Task } from './task.ts';

/** Options for {@link timeout}. */
export interface TimeoutOptions {
  /** An outer signal (e.g. a task's) whose abort also aborts `fn` and rejects with its reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs `fn(signal)` with a deadline, like `asyncio.timeout`. At `ms` milliseconds the signal
 * aborts with a TimeoutError and the returned promise rejects with that same TimeoutError, even
 * when `fn` ignores the signal (its late outcome is then dropped, and never reported as an
 * unhandled rejection). Otherwise it settles as `fn` does. The timer is cleared either way.
 * `ms = Infinity` means no deadline.
 *
 * @example
 * const res = await timeout(2_000, (signal) => fetch(url, { signal }));
 */
export function timeout<T>(
  ms: number,
  fn: (signal: AbortSignal) => PromiseLike<T> | T,
  options?: TimeoutOptions,
): Promise<T> {
  const outer = options?.signal;
  if (outer?.aborted) return Promise.reject(abortReason(outer));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const stop = (reason: unknown): void => {
      cleanUp();
      controller.abort(reason);
      reject(reason);
    };
    const timer = Number.isFinite(ms)
      ? setTimeout(() => stop(new TimeoutError(`timed out after ${ms} ms`)), ms)
      : undefined;
    const removeListener = onAbort(outer, stop);
    function cleanUp(): void {
      clearTimeout(timer);
      removeListener();
    }
    let result: PromiseLike<T> | T;
    try {
      result = fn(controller.signal);
    } catch (err) {
      cleanUp();
      reject(err);
      return;
    }
    Promise.resolve(result).then(
      (value) => {
        cleanUp();
        resolve(value);
      },
      (err: unknown) => {
        cleanUp();
        reject(err);
      },
    );
  });
}

/**
 * Waits for `awaitable` for at most `ms` milliseconds, like `asyncio.wait_for`: settles as it does,
 * or rejects with a TimeoutError at the deadline. When the awaitable is a {@link Task} it is
 * cancelled at the deadline (with the TimeoutError as the cancel reason). Unlike asyncio, the
 * rejection does not wait for the cancelled task to finish; await the task if you need that.
 * A plain promise cannot be cancelled and simply keeps running; its late failure stays handled.
 * `ms = Infinity` means no deadline.
 */
export function waitFor<T>(awaitable: PromiseLike<T> | T, ms: number): Promise<Awaited<T>> {
  return new Promise<Awaited<T>>((resolve, reject) => {
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          const err = new TimeoutError(`timed out after ${ms} ms`);
          if (awaitable instanceof Task) awaitable.cancel(err);
          reject(err);
        }, ms)
      : undefined;
    Promise.resolve(awaitable).then(
      (value) => {
        clearTimeout(timer);
        resolve(value as Awaited<T>);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
