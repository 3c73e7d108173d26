import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { Barrier } from './barrier.ts';
import { BrokenBarrierError } from './errors.ts';

describe('Barrier', () => {
  it('releases everyone when the last party arrives, with arrival indices', async () => {
    const b = new Barrier(3);
    expect(b.parties).toBe(3);
    const first = track(b.wait());
    const second = track(b.wait());
    await flush();
    expect(b.nWaiting).toBe(2);
    expect(first.status).toBe('pending');
    expect(await b.wait()).toBe(2);
    await flush();
    expect([first.value, second.value]).toEqual([0, 1]);
    expect(b.nWaiting).toBe(0);
  });

  it('can be used for several cycles', async () => {
    const b = new Barrier(2);
    for (let cycle = 0; cycle < 3; cycle++) {
      expect((await Promise.all([b.wait(), b.wait()])).sort()).toEqual([0, 1]);
    }
  });

  it('an aborted waiter leaves the barrier and the indices stay dense', async () => {
    const b = new Barrier(2);
    const ac = new AbortController();
    const aborted = b.wait({ signal: ac.signal });
    ac.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(b.nWaiting).toBe(0);
    const x = b.wait();
    expect(await b.wait()).toBe(1);
    expect(await x).toBe(0);
  });

  it('reset() rejects waiters with BrokenBarrierError and stays usable', async () => {
    const b = new Barrier(3);
    const w = b.wait();
    b.reset();
    await expect(w).rejects.toBeInstanceOf(BrokenBarrierError);
    expect(b.broken).toBe(false);
    expect(b.nWaiting).toBe(0);
    const results = await Promise.all([b.wait(), b.wait(), b.wait()]);
    expect(results).toEqual([0, 1, 2]);
  });

  it('abort() breaks it until reset()', async () => {
    const b = new Barrier(2);
    const w = b.wait();
    b.abort();
    expect(b.broken).toBe(true);
    await expect(w).rejects.toBeInstanceOf(BrokenBarrierError);
    await expect(b.wait()).rejects.toBeInstanceOf(BrokenBarrierError);
    b.reset();
    expect(b.broken).toBe(false);
    expect(await Promise.all([b.wait(), b.wait()])).toEqual([0, 1]);
  });

  it('rejects invalid parties; a 1-party barrier never waits', async () => {
    expect(() => new Barrier(0)).toThrow(RangeError);
    expect(await new Barrier(1).wait()).toBe(0);
  });
});
