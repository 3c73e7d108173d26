/**
 * limit() — a p-limit–style concurrency limiter built for speed: a counter plus the shared waiter
 * line, a synchronous start when a slot is free, and one promise reaction per job.
 */
import { abortReason } from './abort.ts';
import { WaiterList } from './waiters.ts';

/**
 * Runs functions with at most `concurrency` of them in progress. Calling it starts fn at once
 * when a slot is free (synchronously), otherwise fn waits in line (arrival order).
 */
export interface Limiter {
  /**
   * Runs fn under the limit; resolves or rejects as fn's result does. Aborting the signal while
   * fn still waits for a slot removes it from the line (fn never runs) and rejects with the reason.
   */
  <T>(fn: () => T | PromiseLike<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /** Functions currently running. */
  readonly activeCount: number;
  /** Functions waiting for a slot. */
  readonly pendingCount: number;
  /** The limit. */
  readonly concurrency: number;
}

/**
 * Creates a Limiter.
 *
 * @param concurrency maximum number of functions in progress (an integer >= 1, or Infinity).
 * @example
 * const run = limit(10);
 * const pages = await Promise.all(urls.map((u) => run(() => fetch(u))));
 */
export function limit(concurrency: number): Limiter {
  if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency >= 1)) {
    throw new RangeError(`invalid concurrency: ${concurrency}`);
  }
  let active = 0;
  // Each waiter carries its fn as payload.
  const line = new WaiterList<unknown>();

  // Shared reactions: the fast path allocates no closure per job.
  const onFulfilled = (value: unknown): unknown => {
    next();
    return value;
  };
  const onRejected = (reason: unknown): never => {
    next();
    throw reason;
  };

  function next(): void {
    active--;
    // Loop rather than recurse: a queued fn that throws synchronously frees its slot at once.
    while (line.size > 0 && active < concurrency) {
      const job = line.shift()!;
      active++;
      let result: unknown;
      try {
        result = (job.payload as () => unknown)();
      } catch (err) {
        active--;
        job.reject(err);
        continue;
      }
      // Resolving with the job's promise would cost extra hops; react to it directly instead.
      Promise.resolve(result).then(
        (value) => {
          job.resolve(value);
          next();
        },
        (reason) => {
          job.reject(reason);
          next();
        },
      );
    }
  }

  // A plain function declared with arity 1 that reads options from `arguments`: JSC (Bun) pays an
  // arity fix-up on every call passing fewer arguments than declared, and most calls pass no options.
  function run<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    // biome-ignore lint/complexity/noArguments: see above
    const signal = (arguments[1] as { signal?: AbortSignal } | undefined)?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (active < concurrency) {
      active++;
      let result: T | PromiseLike<T>;
      try {
        result = fn();
      } catch (err) {
        next();
        return Promise.reject(err);
      }
      return Promise.resolve(result).then(onFulfilled, onRejected) as Promise<T>;
    }
    return line.wait(signal, fn) as Promise<T>;
  }

  Object.defineProperties(run, {
    activeCount: { get: () => active },
    pendingCount: { get: () => line.size },
    concurrency: { value: concurrency },
  });
  return run as Limiter;
}
