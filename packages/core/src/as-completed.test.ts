import { describe, expect, expectTypeOf, it } from 'vitest';
import { deferred, macrotask } from '../test-support/deferred.ts';
import { asCompleted } from './as-completed.ts';

describe('asCompleted', () => {
  it('yields settled promises in completion order, not input order', async () => {
    const a = deferred<string>();
    const b = deferred<string>();
    const c = deferred<string>();
    const seen: string[] = [];
    const loop = (async () => {
      for await (const done of asCompleted([a.promise, b.promise, c.promise])) seen.push(await done);
    })();
    c.resolve('c');
    await macrotask();
    a.resolve('a');
    await macrotask();
    b.resolve('b');
    await loop;
    expect(seen).toEqual(['c', 'a', 'b']);
  });

  it('yields a native promise input as itself, and plain values too', async () => {
    const p = Promise.resolve(1);
    const out: unknown[] = [];
    for await (const done of asCompleted<number | Promise<number>>([p, 2])) out.push(done);
    expect(out[0]).toBe(p);
    expect(await Promise.all(out)).toEqual([1, 2]);
    const typed = asCompleted([Promise.resolve('s')]);
    expectTypeOf(typed).toEqualTypeOf<AsyncIterableIterator<Promise<string>>>();
  });

  it('lets each failure be handled in place and keeps going', async () => {
    const a = deferred<number>();
    const b = deferred<number>();
    const outcomes: string[] = [];
    const loop = (async () => {
      for await (const done of asCompleted([a.promise, b.promise])) {
        try {
          outcomes.push(`ok ${await done}`);
        } catch (err) {
          outcomes.push(`err ${(err as Error).message}`);
        }
      }
    })();
    b.reject(new Error('b failed'));
    await macrotask();
    a.resolve(1);
    await loop;
    expect(outcomes).toEqual(['err b failed', 'ok 1']);
  });

  it('leaks no rejection when the loop breaks early or a yielded failure is never awaited', async () => {
    const a = deferred<number>();
    const b = deferred<number>();
    const c = deferred<number>();
    a.reject(new Error('yielded, never awaited'));
    for await (const _ of asCompleted([a.promise, b.promise, c.promise])) break;
    b.reject(new Error('never yielded'));
    c.resolve(3);
    await macrotask();
  });

  it('ends at once for no input, and answers next() calls made ahead of time', async () => {
    expect(await asCompleted([]).next()).toEqual({ value: undefined, done: true });
    const a = deferred<number>();
    const b = deferred<number>();
    const it = asCompleted([a.promise, b.promise]);
    const first = it.next();
    const second = it.next();
    const third = it.next();
    expect(await third).toEqual({ value: undefined, done: true });
    b.resolve(2);
    a.resolve(1);
    expect(await (await first).value).toBe(2);
    expect(await (await second).value).toBe(1);
    expect((await it.next()).done).toBe(true);
  });
});
