/**
 * The error classes of @asyncbench/core. Each has a stable `name`, so code can tell them apart
 * across realms and after serialisation (`err.name === 'CancelledError'`).
 */

/** A task or waiter was cancelled (its AbortSignal fired). Mirrors asyncio.CancelledError. */
export class CancelledError extends Error {
  // Typed as string so subclasses (LimiterCleared) can name themselves.
  override readonly name: string = 'CancelledError';
  constructor(message = 'cancelled', options?: ErrorOptions) {
    super(message, options);
  }
}

/** A deadline passed before the work finished. Mirrors asyncio.TimeoutError. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(message = 'timed out', options?: ErrorOptions) {
    super(message, options);
  }
}

/** An operation was asked of an object in the wrong state (e.g. `result()` of a pending task). */
export class InvalidStateError extends Error {
  override readonly name = 'InvalidStateError';
  constructor(message = 'invalid state', options?: ErrorOptions) {
    super(message, options);
  }
}

/** `getNowait()` on an empty queue. */
export class QueueEmpty extends Error {
  override readonly name = 'QueueEmpty';
  constructor(message = 'queue is empty', options?: ErrorOptions) {
    super(message, options);
  }
}

/** `putNowait()` on a full queue. */
export class QueueFull extends Error {
  override readonly name = 'QueueFull';
  constructor(message = 'queue is full', options?: ErrorOptions) {
    super(message, options);
  }
}

/** A put or get on a queue that has been shut down (and, for gets, drained). */
export class QueueShutDown extends Error {
  override readonly name = 'QueueShutDown';
  constructor(message = 'queue is shut down', options?: ErrorOptions) {
    super(message, options);
  }
}

/** Several errors raised together, e.g. by the children of a TaskGroup. An AggregateError. */
export class ExceptionGroup extends AggregateError {
  override readonly name = 'ExceptionGroup';
  constructor(errors: Iterable<unknown>, message = 'unhandled errors in a TaskGroup') {
    const list = [...errors];
    super(list, `${message} (${list.length} sub-exception${list.length === 1 ? '' : 's'})`);
  }
}

/** True when err is a CancelledError, or an AbortError DOMException from a plain abort(). */
export function isCancellation(err: unknown): boolean {
  return (
    err instanceof CancelledError ||
    (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError')
  );
}

/** A Barrier was reset or aborted while waiting, or is broken. Mirrors asyncio.BrokenBarrierError. */
export class BrokenBarrierError extends Error {
  override readonly name = 'BrokenBarrierError';
  constructor(message = 'barrier is broken', options?: ErrorOptions) {
    super(message, options);
  }
}
