import { describe, expect, it } from 'vitest';
import { deferred, macrotask } from '../test-support/deferred.ts';
import { CancelledError, TimeoutError } from './errors.ts';
import { Queue } from './queue.ts';
import { sleep } from './sleep.ts';
import { createTask } from './task.ts';
import { TaskGroup } from './task-group.ts';
import { timeout, waitFor } from './timeout.ts';

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

  it('settles only once a fn that ignores the signal has finished, with its outcome', async () => {
    const slow = deferred<string>();
    let settled = false;
    const p = timeout(2, () => slow.promise).finally(() => {
      settled = true;
    });
    await sleep(20);
    // The deadline passed long ago, but fn is still running: so is the timeout.
    expect(settled).toBe(false);
    slow.resolve('finished anyway');
    expect(await p).toBe('finished anyway');

    const failing = deferred<never>();
    const q = timeout(2, () => failing.promise);
    await sleep(10);
    failing.reject(new Error('cleanup failed'));
    await expect(q).rejects.toThrow('cleanup failed');
  });

  it('turns a cancellation of fn after the deadline into the TimeoutError, after fn ended', async () => {
    let cleanedUpAt = -1;
    const t0 = performance.now();
    const err = await timeout(5, async (signal) => {
      try {
        await sleep(60_000, { signal });
      } finally {
        await sleep(30); // cleanup that takes time, ignoring the signal
        cleanedUpAt = performance.now() - t0;
      }
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    // The cleanup had finished before timeout settled.
    expect(cleanedUpAt).toBeGreaterThanOrEqual(30);
  });

  it('gives back an item a queue handed over in the same tick as the abort', async () => {
    const q = new Queue<string>();
    const outer = new AbortController();
    const p = timeout(Number.POSITIVE_INFINITY, (signal) => q.get({ signal }), { signal: outer.signal });
    await sleep(0);
    q.putNowait('c');
    outer.abort(new CancelledError('too late'));
    expect(await p).toBe('c');
    expect(q.size).toBe(0);
  });

  it('waits for a TaskGroup inside it to finish its cleanup before rejecting', async () => {
    const events: string[] = [];
    const err = await timeout(10, (signal) =>
      TaskGroup.run(
        (tg) => {
          tg.createTask(async (s) => {
            try {
              await sleep(60_000, { signal: s });
            } finally {
              await sleep(30);
              events.push('child cleaned up');
            }
          });
        },
        { signal },
      ),
    ).catch((e: unknown) => {
      events.push('timeout settled');
      return e;
    });
    expect(err).toBeInstanceOf(TimeoutError);
    expect(events).toEqual(['child cleaned up', 'timeout settled']);
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

  it('cancels a Task at the deadline and settles once it has ended', async () => {
    let ended = false;
    const task = createTask(async (signal) => {
      try {
        await sleep(60_000, { signal });
      } finally {
        await sleep(20);
        ended = true;
      }
    });
    const err = await waitFor(task, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(ended).toBe(true);
    expect(task.cancelled()).toBe(true);
    await expect(task).rejects.toBeInstanceOf(CancelledError);
    expect((task.signal.reason as CancelledError).cause).toBe(err);
  });

  it("resolves with a Task's value when it produced one despite the cancel", async () => {
    const late = deferred<string>();
    const task = createTask(() => late.promise); // ignores its signal
    const p = waitFor(task, 2);
    await sleep(10);
    late.resolve('value');
    expect(await p).toBe('value');
    expect(task.cancelled()).toBe(false);
  });

  it("rejects with the Task's own error when it fails after the cancel", async () => {
    const task = createTask(async (signal) => {
      await sleep(60_000, { signal }).catch(() => undefined);
      throw new Error('cleanup failed');
    });
    await expect(waitFor(task, 2)).rejects.toThrow('cleanup failed');
  });

  it('does not cancel a Task that finished in time', async () => {
    const task = createTask(async () => 'quick');
    expect(await waitFor(task, 60_000)).toBe('quick');
    expect(task.cancelled()).toBe(false);
  });
});
