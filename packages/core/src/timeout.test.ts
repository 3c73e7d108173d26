import { describe, expect, it } from 'vitest';
import { CancelledError, TimeoutError } from './errors.ts';
import { sleep } from './sleep.ts';
import { createTask } from './task.ts';
import { timeout, waitFor } from './timeout.ts';

/** Lets the runtime notice any unhandled rejection while this test is still running. */
const macrotask = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('timeout', () => {
  it('resolves with the value of fn when it finishes in time', async () => {
    let seen: AbortSignal | undefined;
    const value = await timeout(60_000, async (signal) => {
      seen = signal;
      await sleep(1, { signal });
      return 'ok';
    });
    expect(value).toBe('ok');
    // The deadline never fired, so the signal fn got was not aborted.
    expect(seen?.aborted).toBe(false);
    expect(await timeout(60_000, () => 5)).toBe(5);
  });

  it('rejects as fn does', async () => {
    const boom = new Error('boom');
    await expect(
      timeout(60_000, async () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(
      timeout(60_000, () => {
        throw boom;
      }),
    ).rejects.toBe(boom);
  });

  it('at the deadline aborts the signal and rejects with that TimeoutError', async () => {
    let seen: AbortSignal | undefined;
    const err = await timeout(5, (signal) => {
      seen = signal;
      return sleep(60_000, { signal });
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(seen?.aborted).toBe(true);
    expect(seen?.reason).toBe(err);
  });

  it('rejects at the deadline even when fn ignores the signal; the late outcome stays handled', async () => {
    let fail!: (err: unknown) => void;
    const ignoring = new Promise<never>((_, reject) => {
      fail = reject;
    });
    await expect(timeout(2, () => ignoring)).rejects.toBeInstanceOf(TimeoutError);
    // fn fails only now; that must not surface as an unhandled rejection.
    fail(new Error('too late to matter'));
    await macrotask();
  });

  it('follows an outer signal', async () => {
    const reason = new CancelledError('outer');
    await expect(timeout(60_000, () => 1, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    const controller = new AbortController();
    let inner: AbortSignal | undefined;
    const p = timeout(
      60_000,
      (signal) => {
        inner = signal;
        return sleep(60_000, { signal });
      },
      { signal: controller.signal },
    );
    controller.abort(reason);
    await expect(p).rejects.toBe(reason);
    expect(inner?.reason).toBe(reason);
  });

  it('treats Infinity as no deadline', async () => {
    expect(await timeout(Number.POSITIVE_INFINITY, () => sleep(1).then(() => 'done'))).toBe('done');
  });
});

describe('waitFor', () => {
  it('settles as the awaitable does when it is in time', async () => {
    expect(
      await waitFor(
        sleep(1).then(() => 3),
        60_000,
      ),
    ).toBe(3);
    expect(await waitFor(7, 60_000)).toBe(7);
    const boom = new Error('boom');
    await expect(waitFor(Promise.reject(boom), 60_000)).rejects.toBe(boom);
  });

  it('rejects with TimeoutError at the deadline; a plain promise keeps running, handled', async () => {
    let fail!: (err: unknown) => void;
    const slow = new Promise<never>((_, reject) => {
      fail = reject;
    });
    await expect(waitFor(slow, 2)).rejects.toBeInstanceOf(TimeoutError);
    fail(new Error('late failure'));
    await macrotask();
  });

  it('cancels a Task at the deadline', async () => {
    const task = createTask((signal) => sleep(60_000, { signal }));
    const err = await waitFor(task, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    await expect(task).rejects.toBeInstanceOf(CancelledError);
    expect(task.cancelled()).toBe(true);
    expect((task.signal.reason as CancelledError).cause).toBe(err);
    await macrotask();
  });

  it('does not cancel a Task that finished in time', async () => {
    const task = createTask(async () => 'quick');
    expect(await waitFor(task, 60_000)).toBe('quick');
    expect(task.cancelled()).toBe(false);
  });
});
