/** Tasks: an async function started soon, with asyncio.Task's cancellation and inspection API. */
import { CancelledError, InvalidStateError, isCancellation } from './errors.ts';

/** Options for {@link createTask}. */
export interface TaskOptions {
  /** A name for debugging and error messages. Defaults to `Task-<n>`. */
  name?: string | undefined;
}

/** Where a task is in its life: still running, or how it ended. */
export type TaskState = 'pending' | 'fulfilled' | 'rejected' | 'cancelled';

/**
 * The function a task runs. It should pass `signal` on to whatever it awaits. A function declared
 * without parameters (`fn.length === 0`) is called without a signal, which saves the cost of an
 * AbortController; it is still created if `task.signal` is read or the task is cancelled. (So a
 * function that reads its signal through `...rest` parameters must declare it explicitly.)
 */
export type TaskFunction<T> = (signal: AbortSignal) => PromiseLike<T> | T;

let nextId = 1;
// Filled by Task's static block so sibling modules can read a task's state without a public API.
let readState: (task: Task<unknown>) => TaskState;

/**
 * A running async function, like `asyncio.Task`. Create one with {@link createTask}.
 *
 * - It is PromiseLike: `await task` gives the function's value, or rejects with its error, or with
 *   a CancelledError when the task was cancelled.
 * - `fn` starts on a microtask, not synchronously, as asyncio schedules a new task "soon". A task
 *   cancelled before it starts never calls `fn`.
 * - `cancel()` only requests cancellation: it aborts `signal`, and the task ends when `fn` does,
 *   with `fn`'s outcome. **The function's outcome wins**, whether or not cancel was requested:
 *   - `fn` fulfils → the task fulfils with that value, even after cancel(). A value `fn` produced
 *     is never dropped: when `fn` is `q.get({ signal })` and a `put` handed it the item in the same
 *     tick as the cancel, the task resolves with the item instead of losing it. This is what an
 *     asyncio task does when its coroutine catches the CancelledError and returns.
 *   - `fn` rejects with a cancellation (a CancelledError, or an AbortError from a plain abort) →
 *     the task ends cancelled. After cancel(reason) its error is the CancelledError that cancel
 *     aborted the signal with (so the reason is kept); otherwise `fn`'s own error (an AbortError
 *     becomes a CancelledError with it as `cause`), as asyncio counts a task that raises
 *     CancelledError on its own as cancelled.
 *   - `fn` rejects with any other error → the task fails with it, also after cancel(), so no error
 *     is lost.
 *   - Only a task cancelled before `fn` started ends cancelled without running it.
 *   So `cancelled()` is true exactly when the task did not produce a value and `fn` gave up (or
 *   never ran); a caller who must know whether its cancel "took" checks `task.cancelled()` after
 *   awaiting, as in asyncio.
 * - A failure nobody awaits produces no unhandled rejection: the task only creates its promise
 *   when someone calls `then()`, and that caller then owns the rejection.
 */
export class Task<T> implements PromiseLike<T> {
  /** The task's name, for debugging. */
  readonly name: string;
  // Created on first need: AbortController is most of a task's cost on Node 20 (see #start).
  #controller: AbortController | undefined;
  #state: TaskState = 'pending';
  #value: T | undefined;
  #error: unknown;
  #cancelError: CancelledError | undefined;
  // Created lazily by then(): most spawned tasks are never awaited directly (groups, wait()).
  #promise: Promise<T> | undefined;
  // Typed loosely (any) so Task stays covariant in T: a Task<number> is a Task<unknown>.
  #resolve: ((value: any) => void) | undefined;
  #reject: ((reason: unknown) => void) | undefined;
  #callbacks: ((task: Task<any>) => void)[] | undefined;

  static {
    readState = (task) => task.#state;
  }

  /** Starts `fn` on a microtask. Prefer {@link createTask}. */
  constructor(fn: TaskFunction<T>, options?: TaskOptions) {
    this.name = options?.name ?? `Task-${nextId++}`;
    queueMicrotask(() => this.#start(fn));
  }

  /** The signal passed to the task's function; aborted with a CancelledError by `cancel()`. */
  get signal(): AbortSignal {
    this.#controller ??= new AbortController();
    return this.#controller.signal;
  }

  /** True once the task has ended: fulfilled, failed or cancelled. */
  done(): boolean {
    return this.#state !== 'pending';
  }

  /** True when the task ended cancelled. False while it runs, even after `cancel()`. */
  cancelled(): boolean {
    return this.#state === 'cancelled';
  }

  /**
   * Requests cancellation: aborts `signal` with a CancelledError. `reason` becomes its message when
   * it is a string and its `cause` otherwise; a CancelledError reason is used as it is. Returns
   * false when the task is already done, true otherwise (also when cancel was already requested;
   * the first reason is kept).
   */
  cancel(reason?: unknown): boolean {
    if (this.#state !== 'pending') return false;
    if (this.#cancelError === undefined) {
      this.#cancelError = toCancelledError(reason);
      this.#controller ??= new AbortController();
      this.#controller.abort(this.#cancelError);
    }
    return true;
  }

  /**
   * The task's value. Throws InvalidStateError while pending, the task's error when it failed, and
   * a CancelledError when it was cancelled.
   */
  result(): T {
    if (this.#state === 'fulfilled') return this.#value as T;
    if (this.#state === 'pending') throw new InvalidStateError(`${this.name}: result is not set yet`);
    throw this.#error;
  }

  /**
   * The task's error, or undefined when it fulfilled. Throws InvalidStateError while pending and a
   * CancelledError when it was cancelled (as asyncio does).
   */
  exception(): unknown {
    if (this.#state === 'rejected') return this.#error;
    if (this.#state === 'fulfilled') return undefined;
    if (this.#state === 'pending') throw new InvalidStateError(`${this.name}: exception is not set yet`);
    throw this.#error;
  }

  /**
   * Calls `callback(task)` once the task is done: synchronously as it ends, or on a microtask when
   * it has already ended. An error thrown by a callback is rethrown asynchronously.
   */
  addDoneCallback(callback: (task: Task<T>) => void): void {
    if (this.#state !== 'pending') {
      queueMicrotask(() => callback(this));
      return;
    }
    if (this.#callbacks === undefined) this.#callbacks = [callback];
    else this.#callbacks.push(callback);
  }

  /** Removes every registration of `callback`; returns how many were removed. */
  removeDoneCallback(callback: (task: Task<T>) => void): number {
    const list = this.#callbacks;
    if (list === undefined) return 0;
    const kept = list.filter((cb) => cb !== callback);
    this.#callbacks = kept;
    return list.length - kept.length;
  }

  /** Promise-style access to the outcome; what `await task` uses. */
  // biome-ignore lint/suspicious/noThenProperty: a Task is deliberately awaitable.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#outcome().then(onfulfilled, onrejected);
  }

  /** Like `Promise.prototype.catch`. */
  catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#outcome().catch(onrejected);
  }

  /** Like `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#outcome().finally(onfinally);
  }

  /** `Task <name> (<state>)`, for logs and debuggers. */
  toString(): string {
    return `Task ${this.name} (${this.#state})`;
  }

  #outcome(): Promise<T> {
    if (this.#promise === undefined) {
      if (this.#state === 'pending') {
        this.#promise = new Promise<T>((resolve, reject) => {
          this.#resolve = resolve;
          this.#reject = reject;
        });
      } else if (this.#state === 'fulfilled') {
        this.#promise = Promise.resolve(this.#value as T);
      } else {
        this.#promise = Promise.reject(this.#error);
        // Every caller attaches its own handlers; this one keeps a bare `task.then(f)` from making
        // the shared promise itself unhandled.
        this.#promise.catch(noop);
      }
    }
    return this.#promise;
  }

  #start(fn: TaskFunction<T>): void {
    if (this.#cancelError !== undefined) {
      this.#settle('cancelled', undefined, this.#cancelError);
      return;
    }
    let result: PromiseLike<T> | T;
    try {
      // A function that declares no parameter cannot use the signal, so it is called without one
      // and no AbortController is made unless someone reads task.signal or cancels. On Node 20 an
      // AbortController costs more than the rest of a task together (tens of times a promise).
      result = fn.length === 0 ? (fn as () => PromiseLike<T> | T)() : fn(this.signal);
    } catch (err) {
      this.#fail(err);
      return;
    }
    if (isThenable(result)) {
      result.then(
        (value) => this.#fulfil(value),
        (err: unknown) => this.#fail(err),
      );
    } else {
      this.#fulfil(result);
    }
  }

  #fulfil(value: T): void {
    // Even after cancel(): the value exists and may be an item taken from a queue (see the class doc).
    this.#settle('fulfilled', value, undefined);
  }

  #fail(err: unknown): void {
    if (!isCancellation(err)) this.#settle('rejected', undefined, err);
    else if (this.#cancelError !== undefined) this.#settle('cancelled', undefined, this.#cancelError);
    else this.#settle('cancelled', undefined, toCancelledError(err));
  }

  #settle(state: TaskState, value: T | undefined, error: unknown): void {
    if (this.#state !== 'pending') return;
    this.#state = state;
    this.#value = value;
    this.#error = error;
    if (this.#promise !== undefined) {
      if (state === 'fulfilled') this.#resolve!(value);
      else this.#reject!(error);
      this.#resolve = undefined;
      this.#reject = undefined;
    }
    const callbacks = this.#callbacks;
    if (callbacks === undefined) return;
    this.#callbacks = undefined;
    for (const callback of callbacks) {
      try {
        callback(this);
      } catch (err) {
        // One broken callback must not stop the others (or the task) from seeing the end.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }
}

/**
 * Starts `fn(signal)` as a task on the next microtask and returns the {@link Task}. Mirrors
 * `asyncio.create_task`.
 *
 * @example
 * const task = createTask((signal) => fetch(url, { signal }), { name: 'download' });
 * task.cancel('no longer needed');
 */
export function createTask<T>(fn: TaskFunction<T>, options?: TaskOptions): Task<T> {
  return new Task(fn, options);
}

/**
 * A task's state without throwing. For sibling modules (wait, TaskGroup); not exported from the
 * package index.
 */
export function taskState(task: Task<unknown>): TaskState {
  return readState(task);
}

/** The CancelledError that cancel(reason) aborts with: see {@link Task.cancel}. */
function toCancelledError(reason: unknown): CancelledError {
  if (reason instanceof CancelledError) return reason;
  if (reason === undefined) return new CancelledError();
  if (typeof reason === 'string') return new CancelledError(reason, { cause: reason });
  return new CancelledError('cancelled', { cause: reason });
}

function isThenable<T>(value: PromiseLike<T> | T): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function noop(): void {}
