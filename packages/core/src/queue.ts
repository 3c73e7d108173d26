/**
 * Queue, LifoQueue and PriorityQueue — asyncio.Queue semantics (Lib/asyncio/queues.py) on
 * promises and AbortSignal: bounded or not, FIFO-fair waiters, join()/taskDone(), shutdown().
 */
import { abortReason } from './abort.ts';
import { BinaryHeap } from './binary-heap.ts';
import { InvalidStateError, QueueEmpty, QueueFull, QueueShutDown } from './errors.ts';
import { WaiterList } from './waiters.ts';

/** Options of a waiting queue operation. */
export interface QueueWaitOptions {
  /** Aborting it gives up the wait: a getter loses no item, a putter adds nothing. */
  signal?: AbortSignal;
}

// One shared settled promise: a put that did not have to wait allocates nothing.
const RESOLVED: Promise<void> = Promise.resolve();

function shutDownError(): QueueShutDown {
  return new QueueShutDown();
}

/**
 * A first-in first-out queue. `maxsize <= 0` means unbounded. Getters and putters that have to
 * wait are served in arrival order; an item put while a getter waits is handed to that getter
 * directly, and a slot freed by a get goes directly to the first waiting putter, so nobody barges.
 *
 * @example
 * const q = new Queue<number>(10);
 * await q.put(1);
 * const item = await q.get();
 */
export class Queue<T> implements AsyncIterable<T> {
  /** Capacity; 0 (or less) means unbounded. */
  readonly maxsize: number;
  // TypeScript-private (plain properties) rather than #private: the put/get fast paths touch
  // them on every call, and some engines (JSC) access #fields more slowly.
  private readonly _getters = new WaiterList<T>();
  // Each putter carries its item as the waiter payload until a slot frees up.
  private readonly _putters = new WaiterList<void>();
  private readonly _joiners = new WaiterList<void>();
  private _unfinished = 0;
  private _isShutdown = false;
  /** Items stored, whatever the storage (kept here so subclasses need not count). */
  private _size = 0;
  /**
   * Room for the fast paths in one number: Infinity when unbounded, maxsize when bounded, -1 once
   * shut down. `_size < _cap` then means "a put needs no wait and no check" and, for a get, "no
   * putter can be waiting" (putters only wait while the queue is full).
   */
  private _cap: number;
  // The FIFO storage: a power-of-two ring buffer (Array#shift would be O(n)).
  private _ring: (T | undefined)[] = [];
  private _head = 0;
  private _mask = -1;

  /** @param maxsize capacity; 0 or less means unbounded. */
  constructor(maxsize = 0) {
    this.maxsize = Math.max(0, maxsize);
    this._cap = this.maxsize === 0 ? Number.POSITIVE_INFINITY : this.maxsize;
  }

  /** Number of items in the queue. */
  get size(): number {
    return this._size;
  }

  /** True when the queue holds no item. */
  empty(): boolean {
    return this._size === 0;
  }

  /** True when a bounded queue holds maxsize items (never for an unbounded queue). */
  full(): boolean {
    return this.maxsize > 0 && this._size >= this.maxsize;
  }

  /**
   * Puts item, waiting while the queue is full. Rejects with QueueShutDown after shutdown(), or
   * with the signal's reason when aborted first (the item is then not added).
   */
  put(item: T, options?: QueueWaitOptions): Promise<void>;
  put(item: T): Promise<void> {
    // options is read from `arguments` so the declared arity is 1: JSC (Bun) pays an arity fix-up
    // on every call passing fewer arguments than declared, and most calls pass no options.
    // biome-ignore lint/complexity/noArguments: see above, measured ~10% of put/get on Bun
    const options = arguments[1] as QueueWaitOptions | undefined;
    // The fast path (no options, room, nobody waiting) stays tiny so engines inline it into the
    // caller; one producer feeding one consumer lives here.
    if (options === undefined && this._size < this._cap && this._getters.size === 0) {
      this._unfinished++;
      this._push(item);
      this._size++;
      return RESOLVED;
    }
    return this._putSlow(item, options);
  }

  private _putSlow(item: T, options: QueueWaitOptions | undefined): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this._isShutdown) return Promise.reject(new QueueShutDown());
    if (this.maxsize > 0 && this._size >= this.maxsize) return this._putters.wait(signal, item);
    this._add(item);
    return RESOLVED;
  }

  /** Puts item without waiting; throws QueueFull when full, QueueShutDown after shutdown(). */
  putNowait(item: T): void {
    if (this._isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this._add(item);
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty. After shutdown() it
   * still drains what is left, then rejects with QueueShutDown. When aborted while waiting it
   * rejects with the signal's reason and takes no item.
   */
  get(options?: QueueWaitOptions): Promise<T>;
  get(): Promise<T> {
    // Declared arity 0 for the reason given in put().
    // biome-ignore lint/complexity/noArguments: see put()
    const options = arguments[0] as QueueWaitOptions | undefined;
    // Fast path, kept tiny like put's: not full means no putter waits, so take straight from storage.
    if (options === undefined && this._size > 0 && this._size < this._cap) {
      const item = this._pop();
      this._size--;
      return Promise.resolve(item);
    }
    return this._getSlow(options);
  }

  private _getSlow(options: QueueWaitOptions | undefined): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this._size > 0) return Promise.resolve(this._take());
    if (this._isShutdown) return Promise.reject(new QueueShutDown());
    return this._getters.wait(signal);
  }

  /** Removes and returns the next item without waiting; throws QueueEmpty, or QueueShutDown once shut down and drained. */
  getNowait(): T {
    if (this._size > 0) return this._take();
    throw this._isShutdown ? new QueueShutDown() : new QueueEmpty();
  }

  /**
   * Marks one item taken by a consumer as fully processed, for join(). Throws InvalidStateError
   * when called more times than items were put.
   */
  taskDone(): void {
    if (this._unfinished <= 0) throw new InvalidStateError('taskDone() called too many times');
    this._unfinished--;
    if (this._unfinished === 0) this._joiners.resolveAll(undefined);
  }

  /** Resolves once every item put so far has been marked done with taskDone(). */
  join(options?: QueueWaitOptions): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this._unfinished === 0) return RESOLVED;
    return this._joiners.wait(signal);
  }

  /**
   * Shuts the queue down: later puts reject with QueueShutDown and waiting putters wake with it;
   * gets drain the remaining items, then reject with QueueShutDown. With immediate = true the
   * remaining items are discarded (and counted as done, so join() can return) and every waiting
   * getter wakes with QueueShutDown.
   */
  shutdown(immediate = false): void {
    this._isShutdown = true;
    this._cap = -1;
    if (immediate) {
      const removed = this._size;
      this._clear();
      this._size = 0;
      this._unfinished = Math.max(0, this._unfinished - removed);
      if (this._unfinished === 0) this._joiners.resolveAll(undefined);
    }
    // Getters only wait when the queue is empty, so each of them now sees "shut down and drained".
    this._getters.rejectAll(shutDownError);
    this._putters.rejectAll(shutDownError);
  }

  /**
   * Yields items until the queue is shut down and drained. It does not call taskDone(): call it
   * per item when someone join()s the queue.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for (;;) {
      let item: T;
      try {
        item = await this.get();
      } catch (err) {
        if (err instanceof QueueShutDown) return;
        throw err;
      }
      yield item;
    }
  }

  private _add(item: T): void {
    this._unfinished++;
    // A waiting getter means the queue is empty: hand the item over without storing it.
    if (this._getters.size !== 0 && this._getters.resolveNext(item)) return;
    this._push(item);
    this._size++;
  }

  private _take(): T {
    const item = this._pop();
    this._size--;
    // The freed slot goes to the first waiting putter, before any newcomer can take it.
    if (this._putters.size !== 0) {
      const putter = this._putters.shift()!;
      this._unfinished++;
      this._push(putter.payload as T);
      this._size++;
      putter.resolve(undefined);
    }
    return item;
  }

  // Storage hooks, overridden by LifoQueue and PriorityQueue (as asyncio's _put/_get); the
  // size is counted by the callers above.

  /** @internal Stores an item. */
  protected _push(item: T): void {
    const ring = this._ring;
    if (this._size === ring.length) this._grow();
    this._ring[(this._head + this._size) & this._mask] = item;
  }

  /** @internal Removes the next item; only called when the queue is not empty. */
  protected _pop(): T {
    const ring = this._ring;
    const item = ring[this._head] as T;
    // Drop the reference so a consumed item can be collected.
    ring[this._head] = undefined;
    this._head = (this._head + 1) & this._mask;
    return item;
  }

  /** @internal Forgets every stored item. */
  protected _clear(): void {
    this._ring = [];
    this._head = 0;
    this._mask = -1;
  }

  private _grow(): void {
    const old = this._ring;
    const cap = old.length === 0 ? 16 : old.length * 2;
    const next = new Array<T | undefined>(cap).fill(undefined);
    for (let i = 0; i < this._size; i++) next[i] = old[(this._head + i) & this._mask];
    this._ring = next;
    this._head = 0;
    this._mask = cap - 1;
  }
}

/** A last-in first-out queue (a stack) with the same waiting, join and shutdown semantics as Queue. */
export class LifoQueue<T> extends Queue<T> {
  readonly #stack: T[] = [];

  protected override _push(item: T): void {
    this.#stack.push(item);
  }

  protected override _pop(): T {
    return this.#stack.pop() as T;
  }

  protected override _clear(): void {
    this.#stack.length = 0;
  }
}

/** Ascending order for numbers and strings (bigint too), like Python's default comparison. */
function defaultCompare(a: unknown, b: unknown): number {
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

/**
 * A queue that returns the smallest item first (a binary heap), with the same waiting, join and
 * shutdown semantics as Queue. Items comparing equal come out in no guaranteed order.
 *
 * @example
 * const q = new PriorityQueue<[number, string]>(0, (a, b) => a[0] - b[0]);
 */
export class PriorityQueue<T> extends Queue<T> {
  readonly #heap: BinaryHeap<T>;

  /**
   * @param maxsize capacity; 0 or less means unbounded.
   * @param compare negative when a must come out before b; defaults to ascending `<` order.
   */
  constructor(maxsize = 0, compare: (a: T, b: T) => number = defaultCompare) {
    super(maxsize);
    this.#heap = new BinaryHeap(compare);
  }

  protected override _push(item: T): void {
    this.#heap.push(item);
  }

  protected override _pop(): T {
    return this.#heap.pop() as T;
  }

  protected override _clear(): void {
    this.#heap.clear();
  }
}
