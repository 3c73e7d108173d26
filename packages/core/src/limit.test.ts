import { describe, expect, it } from 'vitest';
import { macrotask } from '../test-support/deferred.ts';
import { flush, track } from '../test-support/track.ts';
import { CancelledError } from './errors.ts';
import { LimiterCleared, limit, limitFunction } from './limit.ts';

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

  it('clearQueue rejects plain and signalled waiting calls alike, never runs them, and keeps its reason as cause', async () => {
    const run = limit(1);
    const g = gate();
    const first = run(() => g.promise);
    const ran: number[] = [];
    const ac = new AbortController();
    const waiting = [
      track(run(() => ran.push(1))),
      track(run(() => ran.push(2), { signal: ac.signal })),
      track(run(() => ran.push(3))),
    ];
    expect(run.pendingCount).toBe(3);
    run.clearQueue('shutting down');
    expect(run.pendingCount).toBe(0);
    await flush();
    for (const t of waiting) {
      expect(t.status).toBe('rejected');
      expect(t.reason).toBeInstanceOf(LimiterCleared);
      expect(t.reason).toBeInstanceOf(CancelledError);
      expect((t.reason as LimiterCleared).name).toBe('LimiterCleared');
      expect((t.reason as LimiterCleared).cause).toBe('shutting down');
    }
    // The cleared signalled call dropped its abort listener: a later abort changes nothing.
    ac.abort();
    g.open();
    await first;
    // The limiter goes on: a new call runs, and nothing cleared ever ran.
    expect(await run(() => 'after')).toBe('after');
    expect(ran).toEqual([]);
    expect(run.activeCount).toBe(0);
  });

  it('aborted calls leave no gap: pendingCount drops at once, the order of the rest holds', async () => {
    const run = limit(1);
    const g = gate();
    void run(() => g.promise);
    const order: string[] = [];
    const acs = [new AbortController(), new AbortController()];
    const a = run(() => order.push('a'));
    const b = run(() => order.push('b'), { signal: acs[0]!.signal });
    const c = run(() => order.push('c'), { signal: acs[1]!.signal });
    const d = run(() => order.push('d'));
    acs[0]!.abort(new CancelledError('b'));
    expect(run.pendingCount).toBe(3);
    await expect(b).rejects.toThrow('b');
    g.open();
    await Promise.all([a, c, d]);
    expect(order).toEqual(['a', 'c', 'd']);
    expect(run.pendingCount).toBe(0);
  });

  it('a line of only aborted calls is emptied, and new calls start normally after it', async () => {
    const run = limit(1);
    const g = gate();
    const first = run(() => g.promise);
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const aborted = controllers.map((ac) =>
      run(() => 'never', { signal: ac.signal }).catch((e: unknown) => e),
    );
    for (const ac of controllers) ac.abort();
    expect(run.pendingCount).toBe(0);
    for (const err of await Promise.all(aborted)) expect((err as Error).name).toBe('AbortError');
    const next = run(() => 'next');
    expect(run.pendingCount).toBe(1);
    g.open();
    await first;
    expect(await next).toBe('next');
  });

  it('concurrency can be raised (waiting calls start at once) and lowered (as running calls end)', async () => {
    const run = limit(1);
    const gates = Array.from({ length: 6 }, gate);
    let running = 0;
    const started: number[] = [];
    const calls = gates.map((g, i) =>
      run(async () => {
        running++;
        started.push(i);
        await g.promise;
        running--;
      }),
    );
    expect(started).toEqual([0]);
    run.concurrency = 3;
    expect(started).toEqual([0, 1, 2]);
    expect(run.activeCount).toBe(3);
    run.concurrency = 1;
    expect(running).toBe(3); // nothing running is stopped
    gates[0]!.open();
    gates[1]!.open();
    await flush();
    expect(started).toEqual([0, 1, 2]); // still 1 running, the new limit is 1
    gates[2]!.open();
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    await Promise.all(calls);
    expect(() => {
      run.concurrency = 0;
    }).toThrow(RangeError);
    expect(run.concurrency).toBe(1);
  });

  it('rejects a non-function with a TypeError, also when it would have waited', async () => {
    const run = limit(1);
    const g = gate();
    void run(() => g.promise);
    await expect(run(42 as unknown as () => number)).rejects.toBeInstanceOf(TypeError);
    expect(run.pendingCount).toBe(0);
    g.open();
    await expect(run(42 as unknown as () => number)).rejects.toBeInstanceOf(TypeError);
  });

  it('limitFunction exposes its counters, a settable concurrency and clearQueue', async () => {
    const g = gate();
    const limited = limitFunction((n: number) => g.promise.then(() => n * 2), { concurrency: 1 });
    const a = limited(1);
    const b = track(limited(2));
    const c = limited(3);
    expect(limited.activeCount).toBe(1);
    expect(limited.pendingCount).toBe(2);
    limited.concurrency = 2;
    expect(limited.activeCount).toBe(2);
    expect(limited.concurrency).toBe(2);
    limited.clearQueue();
    await expect(c).rejects.toBeInstanceOf(LimiterCleared);
    g.open();
    expect(await a).toBe(2);
    await flush();
    expect(b.value).toBe(4);
  });

  it('a waiting call that fails (sync or async) rejects its own promise only, with no unhandled rejection', async () => {
    const run = limit(1);
    const g = gate();
    const first = run(() => g.promise);
    const sync = run(() => {
      throw new Error('sync');
    });
    const async = run(async () => {
      throw new Error('async');
    });
    const ok = run(() => 'ok');
    g.open();
    await first;
    await expect(sync).rejects.toThrow('sync');
    await expect(async).rejects.toThrow('async');
    expect(await ok).toBe('ok');
    await macrotask();
  });

  it('each waiting call gets its own outcome, whatever order the running calls settle in', async () => {
    const run = limit(3);
    const n = 60;
    const calls = Array.from({ length: n }, (_, i) =>
      run(async () => {
        // Settle out of order: later calls often finish first.
        for (let k = 0; k < (i * 7) % 5; k++) await null;
        if (i % 3 === 0) throw new Error(`call ${i}`);
        return i;
      }).then(
        (value) => ({ ok: true, value }),
        (err: Error) => ({ ok: false, value: err.message }),
      ),
    );
    const outcomes = await Promise.all(calls);
    outcomes.forEach((o, i) => {
      expect(o).toEqual(i % 3 === 0 ? { ok: false, value: `call ${i}` } : { ok: true, value: i });
    });
    expect(run.activeCount).toBe(0);
  });
});
