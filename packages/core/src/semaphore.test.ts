import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { InvalidStateError } from './errors.ts';
import { BoundedSemaphore, Semaphore } from './semaphore.ts';

describe('Semaphore', () => {
  it('hands out value permits, then makes acquirers wait', async () => {
    const sem = new Semaphore(2);
    expect(sem.locked()).toBe(false);
    await sem.acquire();
    await sem.acquire();
    expect(sem.locked()).toBe(true);
    const third = track(sem.acquire());
    await flush();
    expect(third.status).toBe('pending');
    sem.release();
    await flush();
    expect(third.status).toBe('fulfilled');
    expect(sem.locked()).toBe(true);
  });

  it('defaults to one permit and rejects invalid values', () => {
    expect(new Semaphore().locked()).toBe(false);
    expect(new Semaphore(0).locked()).toBe(true);
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    expect(() => new Semaphore(1.5)).toThrow(RangeError);
  });

  it('serves waiters in arrival order', async () => {
    const sem = new Semaphore(0);
    const order: number[] = [];
    const all = [0, 1, 2, 3].map((i) => sem.acquire().then(() => order.push(i)));
    for (let i = 0; i < 4; i++) sem.release();
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('a release with waiters hands the permit over, so a newcomer cannot barge', async () => {
    const sem = new Semaphore(1);
    await sem.acquire();
    const waiter = track(sem.acquire());
    sem.release();
    // The permit already belongs to the waiter: a newcomer has to queue behind it.
    expect(sem.locked()).toBe(true);
    const newcomer = track(sem.acquire());
    await flush();
    expect(waiter.status).toBe('fulfilled');
    expect(newcomer.status).toBe('pending');
    sem.release();
    await flush();
    expect(newcomer.status).toBe('fulfilled');
  });

  it('an aborted waiter leaves the line and takes no permit', async () => {
    const sem = new Semaphore(0);
    const ac = new AbortController();
    const a = sem.acquire({ signal: ac.signal });
    const b = track(sem.acquire());
    ac.abort(new Error('gave up'));
    await expect(a).rejects.toThrow('gave up');
    sem.release();
    await flush();
    expect(b.status).toBe('fulfilled');
    // No permit leaked to the aborted waiter and none was lost: one more release frees one permit.
    sem.release();
    expect(sem.locked()).toBe(false);
    await sem.acquire();
    expect(sem.locked()).toBe(true);
  });

  it('rejects at once with an already-aborted signal, even when a permit is free', async () => {
    const sem = new Semaphore(1);
    await expect(sem.acquire({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(sem.locked()).toBe(false);
  });

  it('use() releases on success and on failure', async () => {
    const sem = new Semaphore(1);
    expect(await sem.use(async () => 'ok')).toBe('ok');
    expect(sem.locked()).toBe(false);
    await expect(
      sem.use(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(sem.locked()).toBe(false);
    await expect(
      sem.use(() => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    expect(sem.locked()).toBe(false);
  });

  it('use() caps concurrency', async () => {
    const sem = new Semaphore(3);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        sem.use(async () => {
          active++;
          peak = Math.max(peak, active);
          await flush();
          active--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('use() with an aborted signal does not run fn', async () => {
    const sem = new Semaphore(0);
    const ac = new AbortController();
    let ran = false;
    const p = sem.use(
      () => {
        ran = true;
      },
      { signal: ac.signal },
    );
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(ran).toBe(false);
  });
});

describe('BoundedSemaphore', () => {
  it('throws InvalidStateError when released above its initial value', async () => {
    const sem = new BoundedSemaphore(2);
    expect(() => sem.release()).toThrow(InvalidStateError);
    await sem.acquire();
    sem.release();
    expect(() => sem.release()).toThrow(InvalidStateError);
  });

  it('still hands permits to waiters', async () => {
    const sem = new BoundedSemaphore(1);
    await sem.acquire();
    const w = sem.acquire();
    sem.release();
    await w;
    sem.release();
    expect(() => sem.release()).toThrow(InvalidStateError);
  });
});
