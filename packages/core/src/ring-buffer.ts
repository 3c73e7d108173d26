/**
 * Internal: a growable FIFO ring buffer. Queue uses it instead of Array#shift, which is O(n) on
 * large arrays in some engines and makes V8 leave the fast-elements path.
 */
export class RingBuffer<T> {
  #items: (T | undefined)[];
  #head = 0;
  #length = 0;
  #mask: number;

  /** capacity is rounded up to a power of two so index wrapping is a bit mask. */
  constructor(capacity = 16) {
    let cap = 4;
    while (cap < capacity) cap *= 2;
    this.#items = new Array<T | undefined>(cap).fill(undefined);
    this.#mask = cap - 1;
  }

  /** Number of stored items. */
  get length(): number {
    return this.#length;
  }

  /** Appends at the back, doubling the storage when full. */
  push(item: T): void {
    if (this.#length === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#length) & this.#mask] = item;
    this.#length++;
  }

  /** Removes from the front; undefined when empty. */
  shift(): T | undefined {
    if (this.#length === 0) return undefined;
    const items = this.#items;
    const item = items[this.#head];
    // Drop the reference so a consumed item can be collected.
    items[this.#head] = undefined;
    this.#head = (this.#head + 1) & this.#mask;
    this.#length--;
    return item;
  }

  /** Forgets every item. */
  clear(): void {
    this.#items.fill(undefined);
    this.#head = 0;
    this.#length = 0;
  }

  #grow(): void {
    const old = this.#items;
    const cap = old.length * 2;
    const next = new Array<T | undefined>(cap).fill(undefined);
    for (let i = 0; i < this.#length; i++) next[i] = old[(this.#head + i) & this.#mask];
    this.#items = next;
    this.#head = 0;
    this.#mask = cap - 1;
  }
}
