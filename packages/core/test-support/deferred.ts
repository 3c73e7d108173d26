/** Test helpers shared by the core suites (excluded from the build and the published files). */

/** A promise settled by hand, so completion order is set by the test, not by timers. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets the runtime notice any unhandled rejection while the test is still running. */
export const macrotask = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 5));
