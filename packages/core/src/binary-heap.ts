/** Internal: an array-backed binary min-heap ordered by a comparator, for PriorityQueue. */
export class BinaryHeap<T> {
  readonly #items: T[] = [];
  readonly #compare: (a: T, b: T) => number;

  /** compare(a, b) < 0 means a comes out first. */
  constructor(compare: (a: T, b: T) => number) {
    this.#compare = compare;
  }

  /** Number of stored items. */
  get length(): number {
    return this.#items.length;
  }

  /** Adds an item in O(log n). */
  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (this.#compare(item, p) >= 0) break;
      items[i] = p;
      i = parent;
    }
    items[i] = item;
  }

  /** Removes and returns the smallest item in O(log n); undefined when empty. */
  pop(): T | undefined {
    const items = this.#items;
    if (items.length === 0) return undefined;
    const top = items[0];
    const last = items.pop() as T;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.#compare(items[r] as T, items[l] as T) < 0 ? r : l;
        if (this.#compare(items[c] as T, last) >= 0) break;
        items[i] = items[c] as T;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }

  /** Forgets every item. */
  clear(): void {
    this.#items.length = 0;
  }
}
