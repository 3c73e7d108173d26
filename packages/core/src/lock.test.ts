import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { InvalidStateError } from './errors.ts';
import { Lock } from './lock.ts';

describe('Lock', () => {
  it('is exclusive and hands over in arrival order', async () => {
    const lock = new Lock();
    await lock.acquire();
    expect(lock.locked()).toBe(true);
    const order: string[] = [];
    const a = lock.acquire().then(() => order.push('a'));
    const b = lock.acquire().then(() => order.push('b'));
    await flush();
    expect(order).toEqual([]);
    lock.release();
    await a;
    expect(lock.locked()).toBe(true);
    lock.release();
    await b;
    lock.release();
    expect(lock.locked()).toBe(false);
    expect(order).toEqual(['a', 'b']);
  });

  it('release of an unlocked lock throws InvalidStateError', () => {
    expect(() => new Lock().release()).toThrow(InvalidStateError);
  });

  it('a newcomer cannot barge past a waiter', async () => {
    const lock = new Lock();
    await lock.acquire();
    const waiter = track(lock.acquire());
    lock.release();
    const newcomer = track(lock.acquire());
    await flush();
    expect(waiter.status).toBe('fulfilled');
    expect(newcomer.status).toBe('pending');
    lock.release();
    await flush();
    expect(newcomer.status).toBe('fulfilled');
  });

  it('an aborted waiter leaves no trace', async () => {
    const lock = new Lock();
    await lock.acquire();
    const ac = new AbortController();
    const aborted = lock.acquire({ signal: ac.signal });
    const next = track(lock.acquire());
    ac.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    lock.release();
    await flush();
    expect(next.status).toBe('fulfilled');
    lock.release();
    expect(lock.locked()).toBe(false);
  });

  it('use() serialises and releases on failure', async () => {
    const lock = new Lock();
    const log: string[] = [];
    const job = (name: string, fail: boolean) =>
      lock.use(async () => {
        log.push(`${name}:start`);
        await flush();
        log.push(`${name}:end`);
        if (fail) throw new Error(name);
      });
    const results = await Promise.allSettled([job('a', true), job('b', false)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
    expect(lock.locked()).toBe(false);
  });
});
