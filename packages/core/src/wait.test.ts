import { describe, expect, expectTypeOf, it } from 'vitest';
import { deferred, macrotask } from '../test-support/deferred.ts';
import { sleep } from './sleep.ts';
import { createTask, type Task } from './task.ts';
import { type WaitResult, wait } from './wait.ts';

describe('wait', () => {
  it('ALL_COMPLETED (the default) waits for every one and returns the same objects', async () => {
    const a = deferred<number>();
    const task = createTask(async () => 'task');
    const failing = Promise.reject(new Error('counted as done'));
    const result = wait([a.promise, task, failing]);
    a.resolve(1);
    const { done, pending } = await result;
    expect(done).toEqual(new Set([a.promise, task, failing]));
    expect(pending.size).toBe(0);
    expect([...done].includes(task)).toBe(true);
  });

  it('FIRST_COMPLETED returns as soon as one settles, and cancels nothing', async () => {
    const slow = createTask((signal) => sleep(60_000, { signal }));
    const gate = deferred<string>();
    const result = wait<PromiseLike<unknown>>([slow, gate.promise], { returnWhen: 'FIRST_COMPLETED' });
    gate.resolve('first');
    const { done, pending } = await result;
    expect(done).toEqual(new Set([gate.promise]));
    expect(pending).toEqual(new Set([slow]));
    expect(slow.done()).toBe(false);
    slow.cancel();
    await expect(slow).rejects.toThrow();
  });

  it('FIRST_COMPLETED puts everything already settled into done', async () => {
    const a = Promise.resolve(1);
    const b = Promise.resolve(2);
    const t = createTask(() => 3);
    await t;
    const c = deferred<number>();
    const { done, pending } = await wait<PromiseLike<number>>([a, b, t, c.promise], {
      returnWhen: 'FIRST_COMPLETED',
    });
    expect(done).toEqual(new Set([a, b, t]));
    expect(pending).toEqual(new Set([c.promise]));
  });

  it('FIRST_EXCEPTION returns at the first real failure, ignoring successes and cancellations', async () => {
    const ok = deferred<number>();
    const cancelled = createTask((signal) => sleep(60_000, { signal }));
    const failing = deferred<number>();
    const other = deferred<number>();
    const result = wait<PromiseLike<unknown>>([ok.promise, cancelled, failing.promise, other.promise], {
      returnWhen: 'FIRST_EXCEPTION',
    });
    ok.resolve(1);
    cancelled.cancel();
    await macrotask();
    let returned = false;
    void result.then(() => {
      returned = true;
    });
    await macrotask();
    expect(returned).toBe(false);
    failing.reject(new Error('boom'));
    const { done, pending } = await result;
    expect(done).toEqual(new Set([ok.promise, cancelled, failing.promise]));
    expect(pending).toEqual(new Set([other.promise]));
    other.reject(new Error('later failure, still handled'));
    await macrotask();
  });

  it('FIRST_EXCEPTION without failures waits for all', async () => {
    const a = createTask(async () => 1);
    const b = createTask(async () => 2);
    const result = wait([a, b], { returnWhen: 'FIRST_EXCEPTION' });
    expectTypeOf(result).toEqualTypeOf<Promise<WaitResult<Task<number>>>>();
    const { done, pending } = await result;
    expect(done).toEqual(new Set([a, b]));
    expect(pending.size).toBe(0);
  });

  it('returns at the timeout with whatever has settled, without cancelling', async () => {
    const quick = Promise.resolve('quick');
    const stuck = createTask((signal) => sleep(60_000, { signal }));
    const never = deferred<never>();
    const { done, pending } = await wait<PromiseLike<unknown>>([quick, stuck, never.promise], { timeout: 5 });
    expect(done).toEqual(new Set([quick]));
    expect(pending).toEqual(new Set([stuck, never.promise]));
    expect(stuck.signal.aborted).toBe(false);
    stuck.cancel();
    never.reject(new Error('late, handled'));
    await expect(stuck).rejects.toThrow();
    await macrotask();
  });

  it('resolves at once with empty Sets for no input', async () => {
    const { done, pending } = await wait([]);
    expect(done.size + pending.size).toBe(0);
  });
});
