import { describe, expect, it } from 'vitest';
import { flush } from '../test-support/track.ts';
import { limit } from './limit.ts';

/** A job whose completion the test controls. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('limit', () => {
  it('never runs more than concurrency jobs and reports counts', async () => {
    const run = limit(2);
    expect(run.concurrency).toBe(2);
    const gates = Array.from({ length: 5 }, gate);
    let active = 0;
    let peak = 0;
    const results = gates.map((g, i) =>
      run(async () => {
        active++;
        peak = Math.max(peak, active);
        await g.promise;
        active--;
        return i;
      }),
    );
    expect(run.activeCount).toBe(2);
    expect(run.pendingCount).toBe(3);
    gates[1]!.open();
    await flush();
    expect(run.activeCount).toBe(2);
    expect(run.pendingCount).toBe(2);
    for (const g of gates) g.open();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(run.activeCount).toBe(0);
    expect(run.pendingCount).toBe(0);
  });

  it('starts a job synchronously when a slot is free', () => {
    const run = limit(1);
    let started = false;
    void run(() => {
      started = true;
    });
    expect(started).toBe(true);
  });

  it('starts waiting jobs in arrival order', async () => {
    const run = limit(1);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => run(async () => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('passes failures through and frees the slot (sync and async throws)', async () => {
    const run = limit(1);
    const a = run(() => {
      throw new Error('sync');
    });
    const b = run(async () => {
      throw new Error('async');
    });
    const c = run(() => {
      throw new Error('queued sync');
    });
    const d = run(() => 'value');
    await expect(a).rejects.toThrow('sync');
    await expect(b).rejects.toThrow('async');
    await expect(c).rejects.toThrow('queued sync');
    expect(await d).toBe('value');
    expect(run.activeCount).toBe(0);
  });

  it('an aborted pending job never runs and leaves the line', async () => {
    const run = limit(1);
    const g = gate();
    const first = run(() => g.promise);
    const ac = new AbortController();
    let ran = false;
    const aborted = run(
      () => {
        ran = true;
      },
      { signal: ac.signal },
    );
    expect(run.pendingCount).toBe(1);
    ac.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(run.pendingCount).toBe(0);
    g.open();
    await first;
    expect(ran).toBe(false);
    await expect(run(() => 1, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('handles many jobs', async () => {
    const run = limit(10);
    let active = 0;
    let peak = 0;
    const all = Array.from({ length: 1000 }, (_, i) =>
      run(async () => {
        active++;
        peak = Math.max(peak, active);
        await null;
        active--;
        return i;
      }),
    );
    const out = await Promise.all(all);
    expect(out[999]).toBe(999);
    expect(peak).toBe(10);
  });

  it('rejects an invalid concurrency', () => {
    expect(() => limit(0)).toThrow(RangeError);
    expect(() => limit(1.5)).toThrow(RangeError);
    expect(limit(Number.POSITIVE_INFINITY).concurrency).toBe(Number.POSITIVE_INFINITY);
  });
});
