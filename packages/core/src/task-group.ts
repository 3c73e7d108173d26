/// <reference lib="esnext.disposable" preserve="true" />
// (So a consumer's TypeScript knows Symbol.asyncDispose and AsyncDisposable from our .d.ts.)
/** TaskGroup: structured concurrency; a scope that owns its tasks and fails as one. */
import { abortReason, onAbort } from './abort.ts';
import { CancelledError, ExceptionGroup, InvalidStateError, isCancellation } from './errors.ts';
import { Task, type TaskFunction, type TaskOptions, taskState } from './task.ts';

/** Options of {@link TaskGroup.run} and the TaskGroup constructor. */
export interface TaskGroupOptions {
  /** Aborting it cancels the group: `tg.signal` aborts and every child is cancelled. */
  signal?: AbortSignal | undefined;
}

// Node 20 has no Symbol.asyncDispose; the registered symbol is what TypeScript's `await using`
// downlevel helper and the common polyfills fall back to.
const asyncDispose: typeof Symbol.asyncDispose =
  (Symbol as { asyncDispose?: typeof Symbol.asyncDispose }).asyncDispose ??
  (Symbol.for('Symbol.asyncDispose') as typeof Symbol.asyncDispose);

/**
 * A group of tasks that live and fail together, like `asyncio.TaskGroup`.
 *
 * - The group waits for every child, including children that children spawn.
 * - The first child failure (or a failure of the `run` body, cancellations included) aborts
 *   `tg.signal` and cancels every other child; the group then rejects with an
 *   {@link ExceptionGroup} of the real errors, in the order they happened. Each error object is
 *   listed once: a body that awaits a failing child and lets its error propagate does not report
 *   it twice (asyncio reports it once too, since the body is cancelled). Cancellations are never
 *   counted as errors, so a child cancelled by hand (`task.cancel()`) does not fail the group.
 * - An outer `signal` (option of `run` and of the constructor) shuts the group down the same way
 *   when it aborts, as cancelling the parent task does in asyncio.
 * - `createTask` throws InvalidStateError once the group is finished.
 * - **Nothing outlives the group**: it settles only once the body and every child have ended. The
 *   body is not interrupted when the group shuts down (JavaScript cannot do that); a long body
 *   should watch `tg.signal`, and tasks it starts meanwhile come back already cancelled. A child
 *   whose function ignores its signal keeps the group open until it finishes.
 * - A child that fulfils after being cancelled keeps its value (see {@link Task}); read it from
 *   the task.
 *
 * @example
 * const total = await TaskGroup.run(async (tg) => {
 *   const a = tg.createTask((signal) => fetchCount('a', signal));
 *   const b = tg.createTask((signal) => fetchCount('b', signal));
 *   return (await a) + (await b);
 * });
 *
 * @example
 * // Where the runtime supports `await using`. The group cannot see an error thrown by the scope
 * // itself (dispose is not told), so it still waits for the children but does not cancel them;
 * // prefer TaskGroup.run when the body can fail.
 * {
 *   await using tg = new TaskGroup();
 *   tg.createTask(worker);
 * }
 */
export class TaskGroup implements AsyncDisposable {
  readonly #controller = new AbortController();
  readonly #tasks = new Set<Task<unknown>>();
  readonly #errors: unknown[] = [];
  #phase: 'open' | 'closing' | 'finished' = 'open';
  #removeOuterListener: (() => void) | undefined;
  // True once a child ended cancelled after the group began shutting down.
  #cutShort = false;
  #closed: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  // Bound once so every child shares one done-callback.
  readonly #onChildDone = (task: Task<unknown>): void => this.#childDone(task);

  /**
   * Runs `body` with a new group, waits for the body and every task in it, and then:
   * - rejects with an ExceptionGroup when the body or any child failed with a real error;
   * - rejects with the body's cancellation when the body gave up (with `signal`'s reason when
   *   `signal` aborted);
   * - rejects with `signal`'s reason when `signal` aborted and a child ended cancelled by it: the
   *   group's work was cut short, as asyncio raises CancelledError out of the `async with`. The
   *   body's own value is then dropped (asyncio drops it too); a value that must not be lost
   *   belongs in a child task, whose value stays on the task;
   * - otherwise resolves with the body's value, also when `signal` aborted but everything still
   *   finished (the body or a child may hold an item it took in the same tick: as with a Task,
   *   what was produced wins).
   *
   * @param options.signal aborting it shuts the group down (see {@link TaskGroup}).
   */
  static async run<T>(body: (tg: TaskGroup) => PromiseLike<T> | T, options?: TaskGroupOptions): Promise<T> {
    const outer = options?.signal;
    if (outer?.aborted) throw abortReason(outer);
    const tg = new TaskGroup(options);
    let value: T | undefined;
    let bodyFailed = false;
    let bodyError: unknown;
    try {
      value = await body(tg);
    } catch (err) {
      bodyFailed = true;
      bodyError = err;
      // Either way the children are cancelled (as asyncio does); only real errors are reported.
      if (isCancellation(err)) tg.#abort(err);
      else tg.#fail(err);
    }
    await tg.#close(false);
    if (tg.#errors.length > 0) throw new ExceptionGroup(tg.#errors);
    // Only a cancellation of the body is left; let it propagate, as asyncio does.
    if (bodyFailed) throw outer?.aborted ? abortReason(outer) : bodyError;
    if (outer?.aborted && tg.#cutShort) throw abortReason(outer);
    return value as T;
  }

  /** A group for `await using`; `options.signal` shuts it down when it aborts. */
  constructor(options?: TaskGroupOptions) {
    const outer = options?.signal;
    if (outer === undefined) return;
    if (outer.aborted) this.#abort(abortReason(outer));
    // Removed when the group finishes, so a long-lived signal does not collect listeners.
    else this.#removeOuterListener = onAbort(outer, (reason) => this.#abort(reason));
  }

  /** Aborted (with a CancelledError whose cause is the first error) when the group fails. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /**
   * Starts `fn` as a child task of the group. Throws InvalidStateError once the group is finished.
   * While the group is shutting down it returns a task that is already cancelled
   * and never calls `fn`: JavaScript cannot interrupt a body that is still spawning (asyncio would
   * have cancelled it), and a throw here would add a spurious error to the ExceptionGroup.
   */
  createTask<T>(fn: TaskFunction<T>, options?: TaskOptions): Task<T> {
    if (this.#phase === 'finished') {
      throw new InvalidStateError('TaskGroup is finished; it cannot start more tasks');
    }
    const task = new Task(fn, options);
    this.#tasks.add(task);
    task.addDoneCallback(this.#onChildDone);
    const signal = this.#controller.signal;
    if (signal.aborted) task.cancel(signal.reason);
    return task;
  }

  /**
   * What `await using` calls at the end of the scope: waits for every child, then rejects with an
   * ExceptionGroup when any child failed.
   */
  async [asyncDispose](): Promise<void> {
    await this.#close(true);
  }

  /** Waits until no child is left; then the group is finished. */
  #close(throwErrors: boolean): Promise<void> {
    if (this.#closed === undefined) {
      this.#phase = 'closing';
      this.#closed = new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#maybeFinish();
    }
    if (!throwErrors) return this.#closed;
    return this.#closed.then(() => {
      if (this.#errors.length > 0) throw new ExceptionGroup(this.#errors);
    });
  }

  #childDone(task: Task<unknown>): void {
    this.#tasks.delete(task);
    const state = taskState(task);
    if (state === 'rejected') this.#fail(task.exception());
    else if (state === 'cancelled' && this.#controller.signal.aborted) this.#cutShort = true;
    this.#maybeFinish();
  }

  #maybeFinish(): void {
    if (this.#phase !== 'closing' || this.#tasks.size > 0) return;
    this.#phase = 'finished';
    this.#removeOuterListener?.();
    this.#wake!();
  }

  /** Records a real error (each error object once) and shuts the group down. */
  #fail(err: unknown): void {
    const isObject = (typeof err === 'object' && err !== null) || typeof err === 'function';
    // The body rethrowing a child's error (or two children sharing one) is one failure, not two.
    if (!(isObject && this.#errors.includes(err))) this.#errors.push(err);
    this.#abort(err);
  }

  /** The first time: aborts the group's signal and cancels every child still running. */
  #abort(cause: unknown): void {
    if (this.#controller.signal.aborted) return;
    const reason = new CancelledError('TaskGroup is shutting down', { cause });
    this.#controller.abort(reason);
    for (const task of this.#tasks) task.cancel(reason);
  }
}
