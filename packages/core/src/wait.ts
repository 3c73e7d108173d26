/** `wait()`: wait for some of a set of tasks or promises, then see which are done. */
import { isCancellation } from './errors.ts';
import { Task, taskState } from './task.ts';

/** When {@link wait} returns, as asyncio's FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED. */
export type ReturnWhen = 'FIRST_COMPLETED' | 'FIRST_EXCEPTION' | 'ALL_COMPLETED';

/** Options for {@link wait}. */
export interface WaitOptions {
  /** When to return; `'ALL_COMPLETED'` by default. */
  returnWhen?: ReturnWhen | undefined;
  /** Return after this many milliseconds even if the condition is not met. None by default. */
  timeout?: number | undefined;
}

/** What {@link wait} resolves with: the very objects passed in, split by whether they settled. */
export interface WaitResult<T = PromiseLike<unknown>> {
  /** The awaitables that had settled (fulfilled, failed or were cancelled). */
  done: Set<T>;
  /** The awaitables still running. */
  pending: Set<T>;
}

/**
 * Waits for tasks or promises like `asyncio.wait` and resolves with `{ done, pending }`, Sets of
 * the same objects that were passed in. It never rejects and never cancels anything: look at
 * `done` for outcomes (await them) and cancel `pending` yourself if you need to.
 *
 * - `'FIRST_COMPLETED'`: as soon as any settles.
 * - `'FIRST_EXCEPTION'`: as soon as any fails with a real error (a cancelled task, or a
 *   rejection with a CancelledError/AbortError, does not count), else when all have settled.
 * - `'ALL_COMPLETED'` (default): when all have settled.
 * - `timeout` (ms): at the latest then, whatever has settled. wait() runs no function of its own
 *   and stops nothing: tasks in `pending` are still running when it returns, exactly as with
 *   asyncio.wait, and remain the caller's to cancel and await (a task whose function ignores its
 *   signal goes on until it finishes). To bound work so that nothing outlives the call, run it in
 *   a `TaskGroup` inside `timeout()`.
 *
 * `done` holds everything known to have settled when wait() returns, so awaitables that were
 * already settled together all land in `done`. Duplicates collapse (they are Sets); an empty input
 * resolves at once with two empty Sets (where asyncio raises).
 */
export function wait<T extends PromiseLike<unknown>>(
  awaitables: Iterable<T>,
  options?: WaitOptions,
): Promise<WaitResult<T>> {
  const returnWhen = options?.returnWhen ?? 'ALL_COMPLETED';
  const limit = options?.timeout;
  const items = new Set(awaitables);
  const done = new Set<T>();
  if (items.size === 0) return Promise.resolve({ done, pending: new Set<T>() });

  return new Promise<WaitResult<T>>((resolve) => {
    let finished = false;
    let finishQueued = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const pending = new Set<T>();
      for (const item of items) {
        if (item instanceof Task) item.removeDoneCallback(onTaskDone);
        // A task knows synchronously that it is done, even if its callback has not run yet.
        if (!done.has(item) && !(item instanceof Task && item.done())) pending.add(item);
        else done.add(item);
      }
      resolve({ done, pending });
    };

    const settle = (item: T, failed: boolean): void => {
      if (finished) return;
      done.add(item);
      const met =
        returnWhen === 'FIRST_COMPLETED' ||
        (returnWhen === 'FIRST_EXCEPTION' && failed) ||
        done.size === items.size;
      if (met && !finishQueued) {
        finishQueued = true;
        // One more microtask lets other awaitables that settled at the same moment join `done`.
        queueMicrotask(finish);
      }
    };

    function onTaskDone(task: Task<unknown>): void {
      settle(task as unknown as T, taskState(task) === 'rejected');
    }

    for (const item of items) {
      if (item instanceof Task) {
        if (item.done()) settle(item, taskState(item) === 'rejected');
        else item.addDoneCallback(onTaskDone);
        continue;
      }
      // These handlers also mark every rejection as handled, in done and in pending alike.
      Promise.resolve(item).then(
        () => settle(item, false),
        (err: unknown) => settle(item, !isCancellation(err)),
      );
    }
    if (limit !== undefined && Number.isFinite(limit)) timer = setTimeout(finish, limit);
  });
}
