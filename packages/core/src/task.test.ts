import { describe, expect, expectTypeOf, it } from 'vitest';
import { deferred, macrotask } from '../test-support/deferred.ts';
import { CancelledError, InvalidStateError } from './errors.ts';
import { sleep } from './sleep.ts';
import { createTask, type Task, taskState } from './task.ts';

describe('createTask', () => {
  it('runs fn with the task signal and resolves with its value', async () => {
    let seen: AbortSignal | undefined;
    const task = createTask(async (signal) => {
      seen = signal;
      return 7;
    });
    expectTypeOf(task).toEqualTypeOf<Task<number>>();
    expect(await task).toBe(7);
    expect(seen).toBe(task.signal);
    expect(task.done()).toBe(true);
    expect(task.cancelled()).toBe(false);
    expect(task.result()).toBe(7);
    expect(task.exception()).toBeUndefined();
    expect(taskState(task)).toBe('fulfilled');
  });

  it('calls a function that declares no parameter without a signal, made lazily on demand', async () => {
    const bare = createTask((...args: unknown[]) => args.length);
    expect(await bare).toBe(0);
    const withSignal = createTask((signal: AbortSignal) => signal instanceof AbortSignal);
    expect(await withSignal).toBe(true);

    // Cancelling a parameterless task still aborts its (lazily created) signal.
    let release!: () => void;
    const lazy = createTask(() => new Promise<void>((resolve) => (release = resolve)));
    await Promise.resolve();
    expect(lazy.cancel()).toBe(true);
    expect(lazy.signal.aborted).toBe(true);
    release();
    // fn ignored the (lazily made) signal and completed: its outcome wins.
    await expect(lazy).resolves.toBeUndefined();
    expect(lazy.cancelled()).toBe(false);
  });

  it('starts fn on a microtask, not synchronously', async () => {
    let started = false;
    const task = createTask(() => {
      started = true;
    });
    expect(started).toBe(false);
    await task;
    expect(started).toBe(true);
  });

  it('names tasks Task-<n> by default, or as asked', () => {
    const a = createTask(() => 1);
    const b = createTask(() => 2);
    expect(a.name).toMatch(/^Task-\d+$/);
    expect(Number(b.name.slice(5))).toBe(Number(a.name.slice(5)) + 1);
    expect(createTask(() => 3, { name: 'download' }).name).toBe('download');
  });

  it('throws InvalidStateError from result() and exception() while pending', async () => {
    const gate = deferred<number>();
    const task = createTask(() => gate.promise);
    expect(task.done()).toBe(false);
    expect(() => task.result()).toThrow(InvalidStateError);
    expect(() => task.exception()).toThrow(InvalidStateError);
    gate.resolve(1);
    expect(await task).toBe(1);
  });

  it('fails with the error of fn, sync or async; result() rethrows, exception() returns it', async () => {
    const boom = new Error('boom');
    const asyncFail = createTask(async () => {
      throw boom;
    });
    await expect(asyncFail).rejects.toBe(boom);
    expect(asyncFail.cancelled()).toBe(false);
    expect(() => asyncFail.result()).toThrow(boom);
    expect(asyncFail.exception()).toBe(boom);
    expect(taskState(asyncFail)).toBe('rejected');

    const syncFail = createTask(() => {
      throw boom;
    });
    await expect(syncFail).rejects.toBe(boom);
    expect(syncFail.exception()).toBe(boom);
  });

  it('does not report an unhandled rejection for a failure nobody awaits', async () => {
    const task = createTask(async () => {
      throw new Error('never retrieved');
    });
    await macrotask();
    expect(task.done()).toBe(true);
    // Awaiting it later still rejects.
    await expect(task).rejects.toThrow('never retrieved');
    await expect(task.catch((err: Error) => err.message)).resolves.toBe('never retrieved');
  });

  it('cancel before start: fn never runs and the task ends cancelled', async () => {
    let ran = false;
    const task = createTask(async () => {
      ran = true;
    });
    expect(task.cancel('not needed')).toBe(true);
    expect(task.signal.aborted).toBe(true);
    const err = await task.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(ran).toBe(false);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).message).toBe('not needed');
    expect(task.cancelled()).toBe(true);
    expect(task.done()).toBe(true);
  });

  it('cancel during: a fn honouring its signal ends the task cancelled with the CancelledError', async () => {
    const task = createTask((signal) => sleep(60_000, { signal }));
    await sleep(1);
    const cause = new Error('user left');
    expect(task.cancel(cause)).toBe(true);
    // cancel() requests; the task ends when fn does.
    expect(task.done()).toBe(false);
    expect(task.cancelled()).toBe(false);
    const err = await task.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CancelledError);
    expect(err).toBe(task.signal.reason);
    expect((err as CancelledError).cause).toBe(cause);
    expect(task.cancelled()).toBe(true);
    expect(() => task.result()).toThrow(CancelledError);
    expect(() => task.exception()).toThrow(CancelledError);
    expect(taskState(task)).toBe('cancelled');
  });

  it("fn's value wins over a cancel request when fn ignores the signal and completes normally", async () => {
    const gate = deferred<string>();
    const task = createTask(() => gate.promise);
    await sleep(1);
    expect(task.cancel()).toBe(true);
    expect(task.cancel('again')).toBe(true); // still pending: true, first reason kept
    gate.resolve('finished anyway');
    expect(await task).toBe('finished anyway');
    expect(task.cancelled()).toBe(false);
    expect(task.result()).toBe('finished anyway');
    expect(task.exception()).toBeUndefined();
    expect(task.signal.aborted).toBe(true);
    expect((task.signal.reason as CancelledError).message).toBe('cancelled');
    // Done now, so a further cancel is refused.
    expect(task.cancel()).toBe(false);
  });

  it('a task cancelled before fn started never calls fn', async () => {
    let called = false;
    const task = createTask(() => {
      called = true;
      return 1;
    });
    task.cancel('too early');
    await expect(task).rejects.toThrow('too early');
    expect(called).toBe(false);
    expect(task.cancelled()).toBe(true);
  });

  it('a real error after cancel is kept, not turned into a cancellation', async () => {
    const task = createTask(async (signal) => {
      await sleep(60_000, { signal }).catch(() => undefined);
      throw new Error('cleanup failed');
    });
    await sleep(1);
    task.cancel();
    await expect(task).rejects.toThrow('cleanup failed');
    expect(task.cancelled()).toBe(false);
    expect((task.exception() as Error).message).toBe('cleanup failed');
  });

  it('counts a CancelledError or AbortError thrown on its own as cancelled', async () => {
    const own = createTask(async () => {
      throw new CancelledError('gave up');
    });
    await expect(own).rejects.toThrow('gave up');
    expect(own.cancelled()).toBe(true);

    const abort = createTask(() => sleep(60_000, { signal: AbortSignal.abort() }));
    await expect(abort).rejects.toBeInstanceOf(CancelledError);
    expect(abort.cancelled()).toBe(true);
    expect(() => abort.result()).toThrow(CancelledError);
  });

  it('cancel after done returns false and changes nothing', async () => {
    const task = createTask(async () => 'ok');
    await task;
    expect(task.cancel()).toBe(false);
    expect(task.signal.aborted).toBe(false);
    expect(task.cancelled()).toBe(false);
    expect(task.result()).toBe('ok');
  });

  it('calls done callbacks once, with the task, also when added after the end', async () => {
    const calls: string[] = [];
    const gate = deferred<number>();
    const task = createTask(() => gate.promise, { name: 't' });
    const cb = (t: Task<number>) => calls.push(`cb:${t.name}:${t.done()}`);
    const removed = () => calls.push('removed');
    task.addDoneCallback(cb);
    task.addDoneCallback(removed);
    expect(task.removeDoneCallback(removed)).toBe(1);
    gate.resolve(1);
    await task;
    expect(calls).toEqual(['cb:t:true']);
    task.addDoneCallback(cb);
    expect(calls).toEqual(['cb:t:true']); // later ones run on a microtask
    await Promise.resolve();
    expect(calls).toEqual(['cb:t:true', 'cb:t:true']);
  });

  it('awaits a task returned as the value of another task', async () => {
    const inner = createTask(async () => 5);
    const outer = createTask(() => inner);
    expect(await outer).toBe(5);
    expect(String(outer)).toBe(`Task ${outer.name} (fulfilled)`);
  });
});
