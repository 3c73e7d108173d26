import { describe, expect, expectTypeOf, it } from 'vitest';
import { deferred, macrotask } from '../test-support/deferred.ts';
import { gather } from './gather.ts';

describe('gather', () => {
  it('returns results in input order whatever the completion order', async () => {
    const a = deferred<number>();
    const b = deferred<string>();
    const c = deferred<boolean>();
    const all = gather([a.promise, b.promise, c.promise, 42] as const);
    c.resolve(true);
    b.resolve('b');
    a.resolve(1);
    expect(await all).toEqual([1, 'b', true, 42]);
  });

  it('resolves an empty list to an empty array and accepts any iterable', async () => {
    expect(await gather([])).toEqual([]);
    const set = new Set([Promise.resolve(1), Promise.resolve(2)]);
    expect(await gather(set)).toEqual([1, 2]);
  });

  it('rejects with the first failure in time and leaves later failures handled', async () => {
    const a = deferred<number>();
    const b = deferred<number>();
    const c = deferred<number>();
    const all = gather([a.promise, b.promise, c.promise]);
    const first = new Error('first');
    b.reject(first);
    a.reject(new Error('second'));
    c.resolve(3);
    await expect(all).rejects.toBe(first);
    await macrotask();
  });

  it('with returnExceptions puts failures in place and never rejects', async () => {
    const a = deferred<number>();
    const b = deferred<number>();
    const boom = new Error('boom');
    const all = gather([a.promise, b.promise, 'x'], { returnExceptions: true });
    b.reject(boom);
    a.resolve(1);
    expect(await all).toEqual([1, boom, 'x']);
    expect(await gather([Promise.reject('plain')], { returnExceptions: true })).toEqual(['plain']);
    await macrotask();
  });

  it('keeps tuple types', () => {
    const p1 = Promise.resolve(1);
    const p2 = Promise.resolve('s');
    expectTypeOf(gather([p1, p2] as const)).toEqualTypeOf<Promise<[number, string]>>();
    expectTypeOf(gather([p1, p2])).toEqualTypeOf<Promise<[number, string]>>();
    expectTypeOf(gather([p1, p2], { returnExceptions: false })).toEqualTypeOf<Promise<[number, string]>>();
    expectTypeOf(gather([p1, p2] as const, { returnExceptions: true })).toEqualTypeOf<
      Promise<[unknown, unknown]>
    >();
    const list: Promise<number>[] = [p1];
    expectTypeOf(gather(list)).toEqualTypeOf<Promise<number[]>>();
    expectTypeOf(gather(new Set([p1]))).toEqualTypeOf<Promise<number[]>>();
  });
});
