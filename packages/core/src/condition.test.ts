import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { Condition } from './condition.ts';
import { InvalidStateError } from './errors.ts';
import { Lock } from './lock.ts';

describe('Condition', () => {
  it('wait releases the lock and holds it again after notify', async () => {
    const cond = new Condition();
    await cond.acquire();
    const waiting = track(cond.wait());
    await flush();
    expect(cond.locked()).toBe(false);
    await cond.acquire();
    cond.notify();
    cond.release();
    await flush();
    expect(waiting.status).toBe('fulfilled');
    expect(waiting.value).toBe(true);
    expect(cond.locked()).toBe(true);
    cond.release();
  });

  it('notify(n) wakes n waiters in arrival order; notifyAll wakes the rest', async () => {
    const cond = new Condition();
    const woke: number[] = [];
    const waiters = [0, 1, 2, 3].map((i) =>
      cond.use(async () => {
        await cond.wait();
        woke.push(i);
      }),
    );
    await flush();
    await cond.use(() => cond.notify(2));
    await flush();
    expect(woke).toEqual([0, 1]);
    await cond.use(() => cond.notifyAll());
    await Promise.all(waiters);
    expect(woke).toEqual([0, 1, 2, 3]);
  });

  it('wait, notify and notifyAll require the lock', async () => {
    const cond = new Condition();
    await expect(cond.wait()).rejects.toBeInstanceOf(InvalidStateError);
    expect(() => cond.notify()).toThrow(InvalidStateError);
    expect(() => cond.notifyAll()).toThrow(InvalidStateError);
  });

  it('waitFor returns once the predicate holds', async () => {
    const cond = new Condition();
    let items = 0;
    const consumer = cond.use(() => cond.waitFor(() => items >= 2 && items));
    for (let i = 0; i < 2; i++) {
      await flush();
      await cond.use(() => {
        items++;
        cond.notifyAll();
      });
    }
    expect(await consumer).toBe(2);
  });

  it('an aborted wait re-acquires the lock, rejects, and consumes no notification', async () => {
    const cond = new Condition();
    const ac = new AbortController();
    let heldAfterAbort = false;
    const aborted = cond.use(async () => {
      try {
        await cond.wait({ signal: ac.signal });
      } finally {
        heldAfterAbort = cond.locked();
      }
    });
    const other = track(cond.use(() => cond.wait()));
    await flush();
    // Someone holds the lock while the abort happens: the aborted waiter must wait for it.
    await cond.acquire();
    ac.abort(new Error('stop'));
    await flush();
    cond.notify(1);
    cond.release();
    await expect(aborted).rejects.toThrow('stop');
    expect(heldAfterAbort).toBe(true);
    await flush();
    expect(other.status).toBe('fulfilled');
    expect(cond.locked()).toBe(false);
  });

  it('shares a given lock', async () => {
    const lock = new Lock();
    const cond = new Condition(lock);
    await lock.acquire();
    expect(cond.locked()).toBe(true);
    cond.release();
    expect(lock.locked()).toBe(false);
  });
});
