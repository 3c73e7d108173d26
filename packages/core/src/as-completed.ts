/** `asCompleted()`: iterate over awaitables in the order they finish. */

type Step<T> = IteratorResult<Promise<Awaited<T>>>;

/**
 * Yields one already-settled promise per awaitable, in completion order, like
 * `asyncio.as_completed`: await each to get its value or have its error thrown. Yielding promises
 * rather than values lets one failure be handled without ending the loop. A native promise input
 * is yielded as itself; other awaitables and plain values are yielded as `Promise.resolve(x)`.
 *
 * Nothing leaks: every input gets a rejection handler up front, so failures that are never
 * yielded (the loop broke early) or yielded but never awaited do not become unhandled rejections.
 * Unlike asyncio's `timeout=` argument there is none here: wrap the loop in `timeout()` if needed.
 * It runs no function of its own and stops nothing: breaking out of the loop leaves the
 * awaitables running (as asyncio.as_completed does); cancel tasks yourself if you must.
 *
 * @example
 * for await (const done of asCompleted([a, b, c])) {
 *   try { console.log(await done); } catch (err) { console.error(err); }
 * }
 */
export function asCompleted<T>(awaitables: Iterable<T>): AsyncIterableIterator<Promise<Awaited<T>>> {
  // Two FIFO queues read from a head index (shift() would make a long run quadratic): settled
  // promises nobody has asked for yet, and next() calls still waiting for a settlement.
  const settled: (Promise<Awaited<T>> | undefined)[] = [];
  let settledHead = 0;
  const waiting: (((step: Step<T>) => void) | undefined)[] = [];
  let waitingHead = 0;
  let total = 0;
  let yielded = 0;
  let stopped = false;

  const onSettled = (promise: Promise<Awaited<T>>): void => {
    if (stopped) return;
    const answer = waiting[waitingHead];
    if (answer === undefined) {
      settled.push(promise);
      return;
    }
    waiting[waitingHead++] = undefined;
    yielded++;
    answer({ value: promise, done: false });
  };

  for (const item of awaitables) {
    const promise = Promise.resolve(item) as Promise<Awaited<T>>;
    const report = (): void => onSettled(promise);
    promise.then(report, report);
    total++;
  }

  const finished = (): Promise<Step<T>> => Promise.resolve({ value: undefined, done: true });

  return {
    next(): Promise<Step<T>> {
      const ready = settled[settledHead];
      if (ready !== undefined) {
        settled[settledHead++] = undefined;
        yielded++;
        return Promise.resolve({ value: ready, done: false });
      }
      // Earlier next() calls still waiting will each take one of the remaining awaitables.
      if (stopped || yielded + (waiting.length - waitingHead) >= total) return finished();
      return new Promise((resolve) => waiting.push(resolve));
    },
    return(): Promise<Step<T>> {
      stopped = true;
      settled.length = 0;
      settledHead = 0;
      while (waitingHead < waiting.length) waiting[waitingHead++]?.({ value: undefined, done: true });
      return finished();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
