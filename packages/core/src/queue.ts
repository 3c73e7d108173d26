/**
 * Queue, LifoQueue and PriorityQueue — asyncio.Queue semantics (Lib/asyncio/queues.py) on
 * promises and AbortSignal: bounded or not, FIFO-fair waiters, join()/taskDone(), shutdown().
 */
import { abortReason } from './abort.ts';
import { BinaryHeap } from './binary-heap.ts';
import { InvalidStateError, QueueEmpty, QueueFull, QueueShutDown } from './errors.ts';
import { RingBuffer } from './ring-buffer.ts';
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
  readonly #getters = new WaiterList<T>();
  // Each putter carries its item as the waiter payload until a slot frees up.
  readonly #putters = new WaiterList<void>();
  readonly #joiners = new WaiterList<void>();
  #unfinished = 0;
  #isShutdown = false;

  /** @param maxsize capacity; 0 or less means unbounded. */
  constructor(maxsize = 0) {
    this.maxsize = maxsize > 0 ? maxsize : 0;
  }

  /** Number of items in the queue. */
  get size(): number {
    return this._count();
  }

  /** True when the queue holds no item. */
  empty(): boolean {
    return this._count() === 0;
  }

  /** True when a bounded queue holds maxsize items (never for an unbounded queue). */
  full(): boolean {
    return this.maxsize > 0 && this._count() >= this.maxsize;
  }

  /**
   * Puts item, waiting while the queue is full. Rejects with QueueShutDown after shutdown(), or
   * with the signal's reason when aborted first (the item is then not added).
   */
  put(item: T, options?: QueueWaitOptions): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#isShutdown) return Promise.reject(new QueueShutDown());
    if (this.maxsize > 0 && this._count() >= this.maxsize) return this.#putters.wait(signal, item);
    this.#add(item);
    return RESOLVED;
  }

  /** Puts item without waiting; throws QueueFull when full, QueueShutDown after shutdown(). */
  putNowait(item: T): void {
    if (this.#isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this.#add(item);
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty. After shutdown() it
   * still drains what is left, then rejects with QueueShutDown. When aborted while waiting it
   * rejects with the signal's reason and takes no item.
   */
  get(options?: QueueWaitOptions): Promise<T> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this._count() > 0) return Promise.resolve(this.#take());
    if (this.#isShutdown) return Promise.reject(new QueueShutDown());
    return this.#getters.wait(signal);
  }

  /** Removes and returns the next item without waiting; throws QueueEmpty, or QueueShutDown once shut down and drained. */
  getNowait(): T {
    if (this._count() > 0) return this.#take();
    throw this.#isShutdown ? new QueueShutDown() : new QueueEmpty();
  }

  /**
   * Marks one item taken by a consumer as fully processed, for join(). Throws InvalidStateError
   * when called more times than items were put.
   */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new InvalidStateError('taskDone() called too many times');
    this.#unfinished--;
    if (this.#unfinished === 0) this.#joiners.resolveAll(undefined);
  }

  /** Resolves once every item put so far has been marked done with taskDone(). */
  join(options?: QueueWaitOptions): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#unfinished === 0) return RESOLVED;
    return this.#joiners.wait(signal);
  }

  /**
   * Shuts the queue down: later puts reject with QueueShutDown and waiting putters wake with it;
   * gets drain the remaining items, then reject with QueueShutDown. With immediate = true the
   * remaining items are discarded (and counted as done, so join() can return) and every waiting
   * getter wakes with QueueShutDown.
   */
  shutdown(immediate = false): void {
    this.#isShutdown = true;
    if (immediate) {
      const removed = this._count();
      this._clear();
      this.#unfinished = Math.max(0, this.#unfinished - removed);
      if (this.#unfinished === 0) this.#joiners.resolveAll(undefined);
    }
    // Getters only wait when the queue is empty, so each of them now sees "shut down and drained".
    this.#getters.rejectAll(shutDownError);
    this.#putters.rejectAll(shutDownError);
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

  #add(item: T): void {
    this.#unfinished++;
    // A waiting getter means the queue is empty: hand the item over without storing it.
    if (this.#getters.resolveNext(item)) return;
    this._push(item);
  }

  #take(): T {
    const item = this._pop();
    // The freed slot goes to the first waiting putter, before any newcomer can take it.
    const putter = this.#putters.shift();
    if (putter !== null) {
      this.#unfinished++;
      this._push(putter.payload as T);
      putter.resolve(undefined);
    }
    return item;
  }

  // Storage hooks, overridden by LifoQueue and PriorityQueue (as in asyncio's _put/_get).
  readonly #ring = new RingBuffer<T>();

  /** @internal Stores an item. */
  protected _push(item: T): void {
    this.#ring.push(item);
  }

  /** @internal Removes the next item; only called when _count() > 0. */
  protected _pop(): T {
    return this.#ring.shift() as T;
  }

  /** @internal Number of stored items. */
  protected _count(): number {
    return this.#ring.length;
  }

  /** @internal Forgets every stored item. */
  protected _clear(): void {
    this.#ring.clear();
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

  protected override _count(): number {
    return this.#stack.length;
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

  protected override _count(): number {
    return this.#heap.length;
  }

  protected override _clear(): void {
    this.#heap.clear();
  }
}
