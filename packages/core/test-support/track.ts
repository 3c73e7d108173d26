/** Test-only helpers: observe a promise's state without awaiting it, and let pending reactions run. */

/** A live view of a promise's settlement. */
export interface Tracked<T> {
  status: 'pending' | 'fulfilled' | 'rejected';
  value: T | undefined;
  reason: unknown;
}

/** Records how p settles (and marks its rejection handled, so tests leave no unhandled rejection). */
export function track<T>(p: Promise<T>): Tracked<T> {
  const t: Tracked<T> = { status: 'pending', value: undefined, reason: undefined };
  p.then(
    (value) => {
      t.status = 'fulfilled';
      t.value = value;
    },
    (reason: unknown) => {
      t.status = 'rejected';
      t.reason = reason;
    },
  );
  return t;
}

/** Waits one macrotask, so every queued microtask (promise reaction) has run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
