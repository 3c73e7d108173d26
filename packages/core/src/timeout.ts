/** Deadlines: `timeout()` for a function that takes a signal, `waitFor()` for an awaitable. */
import { abortReason, onAbort } from './abort.ts';
import { isCancellation, TimeoutError } from './errors.ts';
import { Task } from './task.ts';

/** Options for {@link timeout}. */
export interface TimeoutOptions {
  /** An outer signal (e.g. a task's) whose abort also aborts `fn` and rejects with its reason. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs `fn(signal)` with a deadline, like `asyncio.timeout` (a Trio cancel scope). At `ms`
 * milliseconds the signal aborts with a TimeoutError; an abort of `options.signal` aborts it too,
 * with that signal's reason. `ms = Infinity` means no deadline; the timer is cleared either way.
 *
 * **It settles only once `fn` has settled**, so nothing `fn` started outlives the call:
 * - `fn` fulfils → resolves with its value, even after the deadline (the value may be an item
 *   `fn` took from a queue just as the deadline hit; dropping it would lose the item). This is
 *   asyncio.timeout's behaviour when the body completes without raising.
 * - `fn` rejects with a cancellation (a CancelledError, an AbortError, or the signal's own
 *   reason) after the deadline → rejects with the TimeoutError; after an outer abort → rejects
 *   with the outer signal's reason.
 * - `fn` rejects with any other error → rejects with that error, deadline or not.
 * - **A function that ignores its signal** delays the settlement until it finishes, and then
 *   its outcome counts as above: `timeout(10, () => sleep(1000))` resolves after 1000 ms. Pass
 *   the signal on to whatever `fn` awaits.
 *
 * An outer signal already aborted rejects at once without calling `fn`.
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
  // Set once the deadline or the outer signal fired: the error a cancellation of fn turns into.
  let stopError: unknown;
  let stopped = false;
  const stop = (reason: unknown): void => {
    if (stopped) return;
    stopped = true;
    stopError = reason;
    controller.abort(reason);
  };
  const timer = Number.isFinite(ms)
    ? setTimeout(() => stop(new TimeoutError(`timed out after ${ms} ms`)), ms)
    : undefined;
  const removeListener = onAbort(outer, stop);
  const cleanUp = (): void => {
    clearTimeout(timer);
    removeListener();
  };
  let result: PromiseLike<T> | T;
  try {
    result = fn(controller.signal);
  } catch (err) {
    cleanUp();
    return Promise.reject(stopped && isStopCancellation(err, stopError) ? stopError : err);
  }
  return Promise.resolve(result).then(
    (value) => {
      cleanUp();
      return value;
    },
    (err: unknown) => {
      cleanUp();
      throw stopped && isStopCancellation(err, stopError) ? stopError : err;
    },
  );
}

/** True when err is how a function reports that it gave up because it was told to stop. */
function isStopCancellation(err: unknown, stopError: unknown): boolean {
  return err === stopError || isCancellation(err);
}

/**
 * Waits for `awaitable` for at most `ms` milliseconds, like `asyncio.wait_for`. `ms = Infinity`
 * means no deadline.
 *
 * - A {@link Task} is cancelled at the deadline (the TimeoutError is the cancel's `cause`), and
 *   **waitFor settles only once the task has ended**, as asyncio.wait_for does: with the task's
 *   value when it produced one despite the cancel (so a value taken from a queue is not lost),
 *   with the TimeoutError when it ended cancelled, or with its own error. A task whose function
 *   ignores its signal therefore delays the TimeoutError until that function finishes.
 * - A plain promise (or any other awaitable) cannot be cancelled: at the deadline waitFor rejects
 *   with a TimeoutError at once and the promise keeps running; its late failure stays handled,
 *   never an unhandled rejection. Its late value is still the caller's: it is in the promise they
 *   passed. To have the work stopped and waited for, pass a Task, or use {@link timeout} with a
 *   function that takes a signal.
 */
export function waitFor<T>(awaitable: PromiseLike<T> | T, ms: number): Promise<Awaited<T>> {
  if (awaitable instanceof Task) return waitForTask(awaitable as Task<Awaited<T>>, ms);
  return new Promise<Awaited<T>>((resolve, reject) => {
    const timer = Number.isFinite(ms)
      ? setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms)
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

function waitForTask<T>(task: Task<T>, ms: number): Promise<T> {
  let expired: TimeoutError | undefined;
  const timer = Number.isFinite(ms)
    ? setTimeout(() => {
        expired = new TimeoutError(`timed out after ${ms} ms`);
        task.cancel(expired);
      }, ms)
    : undefined;
  return Promise.resolve(task).then(
    (value) => {
      clearTimeout(timer);
      return value;
    },
    (err: unknown) => {
      clearTimeout(timer);
      // A task that ended cancelled after the deadline reports the deadline.
      throw expired !== undefined && task.cancelled() ? expired : err;
    },
  );
}
