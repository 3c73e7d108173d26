/**
 * Nothing handed over is lost to a cancellation, in any primitive, under any wrapper.
 *
 * Each case parks a consumer on a primitive (a get, an acquire, a wait), hands it the resource,
 * and cancels the consumer: in the same synchronous turn just before the hand-over, just after it
 * (the issue's `q.putNowait('c'); task.cancel()`), and at every microtask offset after that until
 * well after the consumer settled; so the cancel lands once at every await point between the
 * primitive and the caller. Whatever the moment, exactly one of two things must hold:
 * - the consumer resolved with the resource (it owns it now), or
 * - the consumer was cancelled and the resource is still where it was (the item in the queue,
 *   the permit free, the lock free, the notification not used up).
 * The wrappers are: the primitive's own signal, a Task, timeout() and a TaskGroup body.
 */
import { describe, expect, it } from 'vitest';
import { afterTicks } from '../test-support/ticks.ts';
import { Barrier } from './barrier.ts';
import { Condition } from './condition.ts';
import { isCancellation } from './errors.ts';
import { Event } from './event.ts';
import { limit } from './limit.ts';
import { Lock } from './lock.ts';
import { LifoQueue, PriorityQueue, Queue } from './queue.ts';
import { BoundedSemaphore, Semaphore } from './semaphore.ts';
import { createTask } from './task.ts';
import { TaskGroup } from './task-group.ts';
import { timeout } from './timeout.ts';

/** One primitive with the resource not yet available. */
interface Case {
  /** The consuming call (must honour signal while it waits). */
  take(signal: AbortSignal): Promise<unknown>;
  /** Makes the resource available (synchronously), handing it to the parked consumer. */
  give(): void;
  /** After the consumer settled: asserts where the resource is. */
  check(consumed: boolean, value: unknown): void | Promise<void>;
  /** False when give() hands over only on a later microtask (limit: the running call must settle). */
  syncHandOver?: boolean;
}

/** A get from an empty queue of any kind, served by a putNowait of `item`. */
function getCase<T>(q: Queue<T>, item: T): Case {
  return {
    take: (signal) => q.get({ signal }),
    give: () => q.putNowait(item),
    check: (consumed, value) => {
      if (consumed) expect(value).toBe(item);
      expect(q.size).toBe(consumed ? 0 : 1);
    },
  };
}

const primitives: Record<string, () => Case> = {
  'Queue.get': () => getCase(new Queue<string>(), 'item'),
  'LifoQueue.get': () => getCase(new LifoQueue<string>(), 'item'),
  'PriorityQueue.get': () => getCase(new PriorityQueue<number>(), 7),
  'Queue.put (full)': () => {
    const q = new Queue<string>(1);
    q.putNowait('first');
    return {
      take: (signal) => q.put('second', { signal }),
      give: () => expect(q.getNowait()).toBe('first'),
      check: (consumed) => {
        // The slot the get freed went to the putter, or is still free.
        expect(q.size).toBe(consumed ? 1 : 0);
        if (consumed) expect(q.getNowait()).toBe('second');
      },
    };
  },
  'Semaphore.acquire': () => {
    const sem = new Semaphore(0);
    return {
      take: (signal) => sem.acquire({ signal }),
      give: () => sem.release(),
      check: (consumed) => {
        // The permit is the consumer's, or it is free.
        expect(sem.locked()).toBe(consumed);
      },
    };
  },
  'BoundedSemaphore.acquire': () => {
    const sem = new BoundedSemaphore(1);
    void sem.acquire();
    return {
      take: (signal) => sem.acquire({ signal }),
      give: () => sem.release(),
      check: (consumed) => {
        expect(sem.locked()).toBe(consumed);
        if (consumed) sem.release(); // the owner gives it back: no "released too many times"
        expect(() => sem.release()).toThrow();
      },
    };
  },
  'Lock.acquire': () => {
    const lock = new Lock();
    void lock.acquire();
    return {
      take: (signal) => lock.acquire({ signal }),
      give: () => lock.release(),
      check: (consumed) => {
        expect(lock.locked()).toBe(consumed);
      },
    };
  },
  'Condition.wait': () => {
    const cond = new Condition();
    let woken = 0;
    return {
      take: async (signal) => {
        await cond.acquire();
        try {
          await cond.wait({ signal });
          woken++;
          return 'notified';
        } finally {
          cond.release();
        }
      },
      // The notifier takes the lock synchronously when it is free (it is: the waiter released it).
      give: () => {
        if (cond.locked()) throw new Error('lock unexpectedly held');
        void cond.acquire();
        cond.notify();
        cond.release();
      },
      check: (consumed) => {
        expect(woken).toBe(consumed ? 1 : 0);
        expect(cond.locked()).toBe(false);
      },
    };
  },
  'Event.wait': () => {
    const ev = new Event();
    return {
      take: (signal) => ev.wait({ signal }),
      give: () => ev.set(),
      check: (consumed, value) => {
        if (consumed) expect(value).toBe(true);
        expect(ev.isSet()).toBe(true);
      },
    };
  },
  'Barrier.wait': () => {
    const b = new Barrier(2);
    let other: Promise<number> | undefined;
    return {
      take: (signal) => b.wait({ signal }),
      give: () => {
        other = b.wait();
        other.catch(() => undefined);
      },
      check: async (consumed, value) => {
        if (consumed) {
          // Both passed together: the consumer first (index 0), the giver last.
          expect(value).toBe(0);
          expect(await other).toBe(1);
        } else {
          // The consumer left before the second party came: the giver waits alone.
          expect(b.nWaiting).toBe(1);
          b.abort();
          await expect(other).rejects.toThrow();
        }
      },
    };
  },
  'limit (waiting call)': () => {
    const run = limit(1);
    let release!: () => void;
    void run(() => new Promise<void>((resolve) => (release = resolve)));
    let ran = 0;
    return {
      take: (signal) =>
        run(
          () => {
            ran++;
            return 'ran';
          },
          { signal },
        ),
      give: () => release(),
      syncHandOver: false,
      check: (consumed, value) => {
        if (consumed) expect(value).toBe('ran');
        expect(ran).toBe(consumed ? 1 : 0);
        expect(run.pendingCount).toBe(0);
      },
    };
  },
};

/** How the consumer is wrapped, and how it is cancelled. */
interface Wrapped {
  promise: PromiseLike<unknown>;
  cancel(): void;
}

const wrappers: Record<string, (c: Case) => Wrapped> = {
  signal: (c) => {
    const ac = new AbortController();
    return { promise: c.take(ac.signal), cancel: () => ac.abort() };
  },
  Task: (c) => {
    const task = createTask((signal) => c.take(signal));
    return { promise: task, cancel: () => task.cancel() };
  },
  timeout: (c) => {
    const ac = new AbortController();
    return {
      promise: timeout(Number.POSITIVE_INFINITY, (signal) => c.take(signal), { signal: ac.signal }),
      cancel: () => ac.abort(),
    };
  },
  'TaskGroup body': (c) => {
    const ac = new AbortController();
    return {
      promise: TaskGroup.run((tg) => c.take(tg.signal), { signal: ac.signal }),
      cancel: () => ac.abort(),
    };
  },
  'Task in a TaskGroup': (c) => {
    const ac = new AbortController();
    const promise = TaskGroup.run((tg) => tg.createTask((signal) => c.take(signal)), { signal: ac.signal });
    return { promise, cancel: () => ac.abort() };
  },
};

/** When to cancel: -2 = same turn, before give(); -1 = same turn, right after; k >= 0 = k microtasks later. */
const MOMENTS = Array.from({ length: 26 }, (_, i) => i - 2);

async function settle(p: PromiseLike<unknown>): Promise<{ consumed: boolean; value: unknown }> {
  try {
    return { consumed: true, value: await p };
  } catch (err) {
    if (!isCancellation(err)) throw err;
    return { consumed: false, value: undefined };
  }
}

describe('no hand-over is lost to a cancellation', () => {
  for (const [primitive, make] of Object.entries(primitives)) {
    for (const [wrapper, wrap] of Object.entries(wrappers)) {
      it(`${primitive} under ${wrapper}, cancelled at every moment around the hand-over`, async () => {
        for (const k of MOMENTS) {
          const c = make();
          const w = wrap(c);
          // Let the consumer park (a task starts on a microtask; Condition takes the lock first).
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (k === -2) w.cancel();
          c.give();
          if (k === -1) w.cancel();
          if (k >= 0) afterTicks(k, w.cancel);
          let result: { consumed: boolean; value: unknown };
          try {
            result = await settle(w.promise);
            await c.check(result.consumed, result.value);
          } catch (err) {
            throw new Error(`${primitive} under ${wrapper}, cancel at moment ${k}: ${String(err)}`, {
              cause: err,
            });
          }
          // A cancel before the hand-over wins (nothing was handed over); one after it, even in
          // the same turn, finds the resource already the consumer's.
          const expected = k === -2 ? false : k === -1 ? c.syncHandOver !== false : true;
          expect(result.consumed, `cancel at moment ${k}`).toBe(expected);
        }
      });
    }
  }

  for (const [primitive, make] of Object.entries(primitives)) {
    it(`${primitive}: a cancel before the hand-over leaves the resource where it was`, async () => {
      const c = make();
      const w = wrappers.Task!(c);
      await new Promise((resolve) => setTimeout(resolve, 0));
      w.cancel();
      // The cancel is a request; the consumer leaves the line before the resource arrives.
      await new Promise((resolve) => setTimeout(resolve, 0));
      c.give();
      const result = await settle(w.promise);
      expect(result.consumed).toBe(false);
      await c.check(false, undefined);
    });
  }
});
