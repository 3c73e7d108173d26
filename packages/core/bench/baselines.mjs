/**
 * Hand-written baselines the core primitives are measured against. Deliberately minimal: what a
 * careful programmer would write for one job, with no options, aborts or bookkeeping.
 */

const RESOLVED = Promise.resolve();

/** A minimal async FIFO queue: a power-of-two ring buffer plus a list of waiting getters. */
export class RingQueue {
  constructor() {
    this.items = new Array(16).fill(undefined);
    this.head = 0;
    this.length = 0;
    this.mask = 15;
    this.getters = [];
  }

  put(item) {
    if (this.getters.length > 0) {
      this.getters.shift()(item);
      return RESOLVED;
    }
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & this.mask] = item;
    this.length++;
    return RESOLVED;
  }

  get() {
    if (this.length === 0) return new Promise((resolve) => this.getters.push(resolve));
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return Promise.resolve(item);
  }

  grow() {
    const cap = this.items.length * 2;
    const next = new Array(cap).fill(undefined);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = cap - 1;
  }
}
