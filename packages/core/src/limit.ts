/**
 * limit() and limitFunction() — p-limit's API (clearQueue, a settable concurrency, activeCount,
 * pendingCount, map, limitFunction) on a limiter built to cost the garbage collector little.
 *
 * Why it is shaped this way: a benchmark that queues 100k calls at once spends most of its time
 * (over 60% on Node 20) in the garbage collector, copying every waiting call's objects from one
 * young-generation space to the next. A waiting call here is one small node (function, resolve
 * function, next) beside its promise, with no reject function and no closure kept. The node is
 * allocated next to the promise by an executor written at the call site; V8 (Node, Deno) then
 * allocates the pair together and, once such nodes are seen to survive, straight into the old
 * generation, so a long line is not copied over and over. Failures reach the caller through
 * `resolve` too (resolving with a thenable that rejects, or with the failed promise itself).
 * A call started from the line borrows a reusable pair of reactions (a slot) instead of
 * allocating two closures, which JavaScriptCore (Bun) rewards most.
 */
import { abortReason, onAbort } from './abort.ts';
import { CancelledError } from './errors.ts';

/** Options of one limited call. */
export interface LimitRunOptions {
  /**
   * Aborting it while the call still waits for a slot removes it from the line (fn never runs)
   * and rejects with the signal's reason. Once fn has started the signal is not looked at: pass
   * it on to fn yourself if fn should stop.
   */
  signal?: AbortSignal | undefined;
}

/** Options of {@link limit} and {@link limitFunction}. */
export interface LimitOptions {
  /** Most functions in progress at once: an integer >= 1, or Infinity. */
  concurrency: number;
}

/**
 * Runs functions with at most `concurrency` of them in progress. A call starts `fn` at once
 * (synchronously, in the caller's turn) when a slot is free; otherwise the call waits in line
 * and starts, in arrival order, as soon as a running function settles and frees a slot.
 */
export interface Limiter {
  /**
   * Runs `fn` under the limit; resolves or rejects as `fn`'s result does (a synchronous throw
   * rejects too). With `options.signal`, see {@link LimitRunOptions}.
   */
  <T>(fn: () => T | PromiseLike<T>, options?: LimitRunOptions): Promise<Awaited<T>>;
  /** Functions currently running (started and not yet settled). */
  readonly activeCount: number;
  /** Calls waiting for a slot (aborted and cleared calls are not counted). */
  readonly pendingCount: number;
  /**
   * The limit. Setting it validates it as the constructor does (RangeError). Raising it starts
   * waiting calls at once, synchronously; lowering it stops no running function and takes effect
   * as running functions settle.
   */
  concurrency: number;
  /**
   * Rejects every waiting call with a {@link LimiterCleared} (whose `cause` is `reason`, when
   * given); those functions never run. Running functions are not touched.
   */
  clearQueue(reason?: unknown): void;
  /**
   * Runs `fn(item, index)` for each item of `iterable` under this limit and resolves with the
   * results in input order, like `Promise.all` of one call per item (p-limit's `limit.map`).
   * Rejects with the first failure; the other calls still run and their failures stay handled.
   */
  map<I, R>(iterable: Iterable<I>, fn: (item: I, index: number) => R | PromiseLike<R>): Promise<Awaited<R>[]>;
}

/** A function wrapped by {@link limitFunction}, with its limiter's counters and controls. */
export type LimitedFunction<A extends unknown[], R> = ((...args: A) => Promise<Awaited<R>>) &
  Pick<Limiter, 'activeCount' | 'pendingCount' | 'concurrency' | 'clearQueue'>;

/**
 * What a call waiting for a slot rejects with when {@link Limiter.clearQueue} discards it. A
 * CancelledError: the call was cancelled before its function ran, so `isCancellation()` is true
 * and a TaskGroup does not count it as a failure.
 */
export class LimiterCleared extends CancelledError {
  override readonly name: string = 'LimiterCleared';
  constructor(message = 'the call was cleared from the limiter queue before it ran', options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * One waiting call in the line (a singly linked list, FIFO). Made as an object literal, always
 * with these fields in this order: V8 tracks survival per literal site and pretenures it, which
 * a class instance did not get on Node 20 in side-by-side runs.
 */
interface WaitingCall {
  /** The function to run; undefined once the call left the line by an abort (a tombstone). */
  fn: (() => unknown) | undefined;
  /** The call's promise's resolve function (the only settle function kept). */
  resolve: (value: unknown) => void;
  next: WaitingCall | null;
  /** Removes the abort listener of a call made with a signal. */
  removeListener: () => void;
}

/** A slot for a call started from the line: whose promise to settle, and the reactions that do it. */
class RunningCall {
  resolve: (value: unknown) => void = noop;
  promise: Promise<unknown> | undefined = undefined;
  onFulfilled: (value: unknown) => void = noop;
  onRejected: () => void = noop;
}

/**
 * Creates a {@link Limiter}.
 *
 * @param concurrency most functions in progress at once (an integer >= 1, or Infinity), or
 *   `{ concurrency }` as p-limit accepts. Throws RangeError otherwise.
 * @example
 * const run = limit(10);
 * const pages = await Promise.all(urls.map((u) => run(() => fetch(u))));
 * run.concurrency = 20; // starts up to 10 more waiting calls now
 */
export function limit(concurrency: number | LimitOptions): Limiter {
  let max = checkConcurrency(
    typeof concurrency === 'object' && concurrency !== null ? concurrency.concurrency : concurrency,
  );
  let active = 0;
  // The line of waiting calls, oldest first.
  let head: WaitingCall | null = null;
  let tail: WaitingCall | null = null;
  // Calls in the line, tombstones included; tombstones are aborted calls not yet unlinked.
  let size = 0;
  let tombstones = 0;
  // Invariant: a live call waits only while active >= max, so `active < max` alone means
  // "start now" and nobody can barge past the line.

  // Shared reactions for calls started at once: no closure per call.
  const onFulfilled = (value: unknown): unknown => {
    release();
    return value;
  };
  const onRejected = (reason: unknown): never => {
    release();
    throw reason;
  };

  function release(): void {
    active--;
    if (size !== 0) drain();
  }

  /** Starts waiting calls while slots are free. */
  function drain(): void {
    while (size !== 0 && active < max) {
      const call = head!;
      head = call.next;
      call.next = null;
      if (head === null) tail = null;
      size--;
      const fn = call.fn;
      if (fn === undefined) {
        tombstones--;
        continue;
      }
      call.removeListener();
      start(fn, call.resolve);
    }
  }

  // Reactions for calls started from the line: one reusable pair per running call (a "slot"),
  // kept in a free list, so starting a waiting call allocates no closure. The pair is made once
  // per slot, and at most `max` slots are in use at a time.
  const freeSlots: RunningCall[] = [];

  function makeSlot(): RunningCall {
    const slot = new RunningCall();
    slot.onFulfilled = (value: unknown): void => finish(slot, value);
    // Adopting the failed promise rejects the caller's promise with the same reason; the failed
    // promise already has this handler, so it is never reported as unhandled.
    slot.onRejected = (): void => finish(slot, slot.promise);
    return slot;
  }

  /** A started call settled: free its slot, settle the caller's promise with `outcome`, go on. */
  function finish(slot: RunningCall, outcome: unknown): void {
    const resolve = slot.resolve;
    slot.resolve = noop;
    slot.promise = undefined;
    freeSlots.push(slot);
    resolve(outcome);
    release();
  }

  /** Runs a call that waited; its promise is settled through `resolve` alone. */
  function start(fn: () => unknown, resolve: (value: unknown) => void): void {
    active++;
    let result: unknown;
    try {
      result = fn();
    } catch (err) {
      active--;
      resolve(rejectingThenable(err));
      return;
    }
    const promise = Promise.resolve(result);
    const slot = freeSlots.length !== 0 ? freeSlots.pop()! : makeSlot();
    slot.resolve = resolve;
    slot.promise = promise;
    promise.then(slot.onFulfilled, slot.onRejected);
  }

  function enqueue(fn: () => unknown, signal: AbortSignal | undefined): Promise<unknown> {
    if (typeof fn !== 'function') return Promise.reject(new TypeError('limit: fn is not a function'));
    const call: WaitingCall = { fn, resolve: noop, next: null, removeListener: noop };
    // An executor written here (not one shared function): V8 then inlines the Promise constructor
    // and allocates the promise, its resolve function and the node together (see the header).
    const promise = new Promise<unknown>((resolve) => {
      call.resolve = resolve;
    });
    if (tail === null) head = call;
    else tail.next = call;
    tail = call;
    size++;
    if (signal !== undefined) {
      call.removeListener = onAbort(signal, (reason) => {
        const resolve = call.resolve;
        call.fn = undefined;
        call.resolve = noop;
        tombstones++;
        resolve(rejectingThenable(reason));
        // A line of nothing but tombstones is emptied, so aborted calls are not kept alive.
        if (tombstones === size) clear(noop);
      });
    }
    return promise;
  }

  /** Empties the line, handing each live call's resolve function to `settle`. */
  function clear(settle: (resolve: (value: unknown) => void) => void): void {
    let call = head;
    head = null;
    tail = null;
    size = 0;
    tombstones = 0;
    while (call !== null) {
      const next = call.next;
      call.next = null;
      if (call.fn !== undefined) {
        call.fn = undefined;
        call.removeListener();
        settle(call.resolve);
      }
      call = next;
    }
  }

  // Declared with arity 1 and reading options from `arguments`: JSC (Bun) pays an arity fix-up on
  // every call passing fewer arguments than declared, and most calls pass no options.
  function run(fn: () => unknown): Promise<unknown> {
    // biome-ignore lint/complexity/noArguments: see above
    const signal = (arguments[1] as LimitRunOptions | undefined)?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (active < max) {
      active++;
      let result: unknown;
      try {
        result = fn();
      } catch (err) {
        release();
        return Promise.reject(err);
      }
      return Promise.resolve(result).then(onFulfilled, onRejected);
    }
    return enqueue(fn, signal);
  }

  function map<I, R>(
    iterable: Iterable<I>,
    fn: (item: I, index: number) => R | PromiseLike<R>,
  ): Promise<Awaited<R>[]> {
    const calls: Promise<unknown>[] = [];
    try {
      let index = 0;
      for (const item of iterable) {
        const i = index++;
        calls.push(run(() => fn(item, i)));
      }
    } catch (err) {
      // The iterable threw: nobody will await the calls already made, so handle their failures.
      for (const call of calls) call.catch(noop);
      return Promise.reject(err);
    }
    return Promise.all(calls) as Promise<Awaited<R>[]>;
  }

  Object.defineProperties(run, {
    activeCount: { get: () => active, enumerable: true },
    pendingCount: { get: () => size - tombstones, enumerable: true },
    concurrency: {
      get: () => max,
      set: (value: number) => {
        max = checkConcurrency(value);
        if (size !== 0) drain();
      },
      enumerable: true,
    },
    clearQueue: {
      value: (reason?: unknown) =>
        clear((resolve) =>
          resolve(
            rejectingThenable(
              new LimiterCleared(undefined, reason === undefined ? undefined : { cause: reason }),
            ),
          ),
        ),
    },
    map: { value: map },
  });
  return run as Limiter;
}

/**
 * Wraps `fn` so that at most `options.concurrency` calls of it are in progress at once, like
 * p-limit's `limitFunction`. The wrapper passes its arguments on and returns a promise of
 * `fn`'s result; it carries its limiter's `activeCount`, `pendingCount`, `concurrency` (settable)
 * and `clearQueue()`.
 *
 * @example
 * const fetchLimited = limitFunction((url: string) => fetch(url), { concurrency: 4 });
 * const responses = await Promise.all(urls.map(fetchLimited));
 */
export function limitFunction<A extends unknown[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  options: LimitOptions,
): LimitedFunction<A, R> {
  const run = limit(options);
  const limited = (...args: A): Promise<Awaited<R>> => run(() => fn(...args));
  Object.defineProperties(limited, {
    activeCount: { get: () => run.activeCount, enumerable: true },
    pendingCount: { get: () => run.pendingCount, enumerable: true },
    concurrency: {
      get: () => run.concurrency,
      set: (value: number) => {
        run.concurrency = value;
      },
      enumerable: true,
    },
    clearQueue: { value: run.clearQueue },
  });
  return limited as LimitedFunction<A, R>;
}

function checkConcurrency(value: unknown): number {
  if (
    typeof value === 'number' &&
    (Number.isInteger(value) || value === Number.POSITIVE_INFINITY) &&
    value >= 1
  ) {
    return value;
  }
  throw new RangeError(`invalid concurrency: ${String(value)} (an integer >= 1, or Infinity)`);
}

/**
 * A thenable that rejects with `reason`. Resolving a promise with it rejects that promise, so a
 * waiting call needs no reject function of its own; and unlike `Promise.reject(reason)` it is
 * no rejected promise that a runtime could report as unhandled before it is adopted.
 */
function rejectingThenable(reason: unknown): PromiseLike<never> {
  return {
    // biome-ignore lint/suspicious/noThenProperty: a thenable is the point.
    then: (_onFulfilled: unknown, onRejected?: ((reason: unknown) => unknown) | null) => onRejected?.(reason),
  } as PromiseLike<never>;
}

function noop(): void {}
