/** `gather()`: run awaitables concurrently and collect their results in input order. */

/** Options for {@link gather}. */
export interface GatherOptions {
  /**
   * When true, a failure does not reject the gather: its reason takes the failed awaitable's
   * place among the results, as with `asyncio.gather(..., return_exceptions=True)`.
   */
  returnExceptions?: boolean | undefined;
}

/** The awaited values of a tuple or array of awaitables, position by position. */
type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> };

/**
 * With returnExceptions each slot holds a value or a rejection reason. JavaScript can reject with
 * any value, so a slot is honestly `unknown` (written `A | unknown` for the reader); narrow it with
 * `instanceof Error` or by checking the awaitable. The tuple length is still preserved.
 */
type ResultsOrReasons<T extends readonly unknown[]> = { -readonly [K in keyof T]: Awaited<T[K]> | unknown };

/**
 * Waits for every awaitable (promises, tasks, thenables or plain values) and resolves with their
 * results in input order, whatever order they complete in. Mirrors `asyncio.gather`.
 *
 * Without `returnExceptions` it rejects with the first failure in time; the other awaitables keep
 * running (as in asyncio) and their later failures are handled, never reported as unhandled
 * rejections. With `returnExceptions: true` it never rejects; failures appear in place.
 *
 * Tuple types are preserved: `gather([p1, p2] as const)` is a `Promise<[A, B]>`.
 *
 * @example
 * const [user, posts] = await gather([getUser(id), getPosts(id)]);
 */
export function gather<T extends readonly unknown[] | []>(
  awaitables: T,
  options: GatherOptions & { returnExceptions: true },
): Promise<ResultsOrReasons<T>>;
export function gather<T extends readonly unknown[] | []>(
  awaitables: T,
  options?: GatherOptions & { returnExceptions?: false | undefined },
): Promise<Results<T>>;
export function gather<T>(
  awaitables: Iterable<T>,
  options: GatherOptions & { returnExceptions: true },
): Promise<unknown[]>;
export function gather<T>(
  awaitables: Iterable<T>,
  options?: GatherOptions & { returnExceptions?: false | undefined },
): Promise<Awaited<T>[]>;
export function gather(awaitables: Iterable<unknown>, options?: GatherOptions): Promise<unknown[]>;
export function gather(awaitables: Iterable<unknown>, options?: GatherOptions): Promise<unknown[]> {
  // The default path is Promise.all itself: it keeps input order, rejects with the first failure
  // and attaches a rejection handler to every input, so later failures are never unhandled. Any
  // wrapping here would cost per-item allocations that the gather benchmark would show.
  if (options?.returnExceptions !== true) return Promise.all(awaitables);
  return Promise.allSettled(awaitables).then(unwrapSettled);
}

/** Replaces each settled record by its value or reason, in place, so no second array is built. */
function unwrapSettled(settled: PromiseSettledResult<unknown>[]): unknown[] {
  const out = settled as unknown[];
  for (let i = 0; i < settled.length; i++) {
    const r = settled[i]!;
    out[i] = r.status === 'fulfilled' ? r.value : r.reason;
  }
  return out;
}
