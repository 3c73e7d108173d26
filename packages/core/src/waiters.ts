/**
 * Internal: the line of parked callers shared by every primitive (queues, semaphore, lock, event,
 * condition, barrier, limit). Fairness (arrival order) and "an aborted waiter leaves no trace" are
 * implemented here once. Not exported from the package.
 */
import { abortReason, onAbort } from './abort.ts';

function noop(): void {}

/** One parked caller: the settle functions of its promise plus an optional payload (e.g. the item a putter holds). */
export class Waiter<T> {
  prev: Waiter<T> | null = null;
  next: Waiter<T> | null = null;
  /** False once the waiter left the line (served, aborted or rejected); guards double removal. */
  linked = true;
  /** Removes the abort listener; replaced when the wait has a signal. */
  detach: () => void = noop;
  readonly resolve: (value: T) => void;
  readonly reject: (reason: unknown) => void;
  readonly payload: unknown;

  constructor(resolve: (value: T) => void, reject: (reason: unknown) => void, payload: unknown) {
    this.resolve = resolve;
    this.reject = reject;
    this.payload = payload;
  }
}

/**
 * A FIFO of waiters as an intrusive doubly linked list, so an aborted waiter is unlinked in O(1)
 * wherever it stands, and serving the head is O(1) too.
 */
export class WaiterList<T> {
  head: Waiter<T> | null = null;
  tail: Waiter<T> | null = null;
  size = 0;

  /**
   * Parks the caller at the end of the line. The promise settles when someone serves this waiter
   * (resolveNext/shift) or, with a signal, rejects with the abort reason after the waiter left the
   * line, so an aborted waiter is never served and leaves nothing behind.
   */
  wait(signal?: AbortSignal, payload?: unknown): Promise<T> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    // One executor shared by every wait: no closure is allocated per parked caller.
    const promise = new Promise<T>(this._capture);
    const w = new Waiter<T>(this._resolve, this._reject, payload);
    // Do not keep the last caller's settle functions (and so its promise) reachable from the list.
    this._resolve = noop;
    this._reject = noop;
    this.push(w);
    if (signal !== undefined) {
      w.detach = onAbort(signal, (reason) => {
        if (this.remove(w)) w.reject(reason);
      });
    }
    return promise;
  }

  private _resolve: (value: T) => void = noop;
  private _reject: (reason: unknown) => void = noop;
  private readonly _capture = (resolve: (value: T) => void, reject: (reason: unknown) => void): void => {
    this._resolve = resolve;
    this._reject = reject;
  };

  /** Appends a waiter (normally via wait()). */
  push(w: Waiter<T>): void {
    w.linked = true;
    w.prev = this.tail;
    w.next = null;
    if (this.tail === null) this.head = w;
    else this.tail.next = w;
    this.tail = w;
    this.size++;
  }

  /** Takes the first waiter out of the line (its abort listener removed) so the caller can settle it. */
  shift(): Waiter<T> | null {
    const w = this.head;
    if (w === null) return null;
    // The head case of remove(), inlined: this is the hot path of every hand-over.
    const next = w.next;
    this.head = next;
    if (next === null) this.tail = null;
    else {
      next.prev = null;
      w.next = null;
    }
    w.linked = false;
    this.size--;
    w.detach();
    return w;
  }

  /** Unlinks w wherever it stands. Returns false when it had already left the line. */
  remove(w: Waiter<T>): boolean {
    if (!w.linked) return false;
    w.linked = false;
    if (w.prev === null) this.head = w.next;
    else w.prev.next = w.next;
    if (w.next === null) this.tail = w.prev;
    else w.next.prev = w.prev;
    w.prev = null;
    w.next = null;
    this.size--;
    w.detach();
    return true;
  }

  /** Serves the first waiter with value. Returns false when nobody was waiting. */
  resolveNext(value: T): boolean {
    const w = this.shift();
    if (w === null) return false;
    w.resolve(value);
    return true;
  }

  /** Serves everyone currently waiting, in arrival order. */
  resolveAll(value: T): void {
    for (let w = this.shift(); w !== null; w = this.shift()) w.resolve(value);
  }

  /** Rejects everyone currently waiting, each with a fresh error so stacks stay meaningful. */
  rejectAll(makeError: () => unknown): void {
    for (let w = this.shift(); w !== null; w = this.shift()) w.reject(makeError());
  }
}
