import { describe, expect, it } from 'vitest';
import { CancelledError, ExceptionGroup, InvalidStateError } from './errors.ts';
import { Queue } from './queue.ts';
import { sleep } from './sleep.ts';
import type { Task } from './task.ts';
import { TaskGroup } from './task-group.ts';

/** Lets the runtime notice any unhandled rejection while this test is still running. */
const macrotask = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The error a promise rejected with (fails the test when it fulfils). */
async function rejection(p: PromiseLike<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('TaskGroup.run', () => {
  it('returns the body value after every child has finished', async () => {
    const finished: string[] = [];
    const value = await TaskGroup.run(async (tg) => {
      tg.createTask(async (signal) => {
        await sleep(5, { signal });
        finished.push('slow');
      });
      const fast = tg.createTask(async () => {
        finished.push('fast');
        return 1;
      });
      return (await fast) + 1;
    });
    expect(value).toBe(2);
    expect(finished).toEqual(['fast', 'slow']);
  });

  it('waits for children spawned by children, even after the body returned', async () => {
    const finished: string[] = [];
    await TaskGroup.run((tg) => {
      tg.createTask(async () => {
        await sleep(1);
        tg.createTask(async () => {
          await sleep(1);
          tg.createTask(async () => {
            await sleep(1);
            finished.push('grandchild');
          });
          finished.push('child');
        });
        finished.push('parent');
      });
    });
    expect(finished).toEqual(['parent', 'child', 'grandchild']);
  });

  it('first child failure cancels siblings and rejects with an ExceptionGroup of real errors only', async () => {
    const boom = new Error('boom');
    const cancelledSiblings: unknown[] = [];
    let groupSignal: AbortSignal | undefined;
    const children: Task<unknown>[] = [];
    const err = await rejection(
      TaskGroup.run(async (tg) => {
        groupSignal = tg.signal;
        for (let i = 0; i < 3; i++) {
          children.push(
            tg.createTask(async (signal) => {
              try {
                await sleep(60_000, { signal });
              } catch (e) {
                cancelledSiblings.push(e);
                throw e;
              }
            }),
          );
        }
        children.push(
          tg.createTask(async () => {
            await sleep(1);
            throw boom;
          }),
        );
      }),
    );
    expect(err).toBeInstanceOf(ExceptionGroup);
    expect((err as ExceptionGroup).errors).toEqual([boom]);
    expect(cancelledSiblings).toHaveLength(3);
    for (const e of cancelledSiblings) expect(e).toBeInstanceOf(CancelledError);
    expect(groupSignal?.aborted).toBe(true);
    expect((groupSignal!.reason as CancelledError).cause).toBe(boom);
    expect(children.map((t) => t.cancelled())).toEqual([true, true, true, false]);
    expect(children.every((t) => t.done())).toBe(true);
    await macrotask();
  });

  it('collects every real error, including ones raised while being cancelled', async () => {
    const first = new Error('first');
    const second = new Error('second');
    const err = await rejection(
      TaskGroup.run((tg) => {
        tg.createTask(async (signal) => {
          await sleep(60_000, { signal }).catch(() => undefined);
          throw second; // a failing cleanup is a real error too
        });
        tg.createTask(async () => {
          await sleep(1);
          throw first;
        });
      }),
    );
    expect((err as ExceptionGroup).errors).toEqual([first, second]);
    expect((err as ExceptionGroup).message).toContain('2 sub-exceptions');
    await macrotask();
  });

  it('a body failure cancels the children and is part of the ExceptionGroup', async () => {
    const bodyError = new Error('body');
    let child: Task<void> | undefined;
    const err = await rejection(
      TaskGroup.run(async (tg) => {
        child = tg.createTask((signal) => sleep(60_000, { signal }));
        await sleep(1);
        throw bodyError;
      }),
    );
    expect((err as ExceptionGroup).errors).toEqual([bodyError]);
    expect(child?.cancelled()).toBe(true);
    await macrotask();
  });

  it('nests: a failing inner group fails its task, and the outer group reports that', async () => {
    const boom = new Error('inner boom');
    const err = await rejection(
      TaskGroup.run((outer) => {
        outer.createTask(() =>
          TaskGroup.run((inner) => {
            inner.createTask(async () => {
              throw boom;
            });
          }),
        );
      }),
    );
    const [nested] = (err as ExceptionGroup).errors;
    expect(nested).toBeInstanceOf(ExceptionGroup);
    expect((nested as ExceptionGroup).errors).toEqual([boom]);
    await macrotask();
  });

  it('a child cancelled by hand does not fail the group', async () => {
    const value = await TaskGroup.run(async (tg) => {
      const doomed = tg.createTask((signal) => sleep(60_000, { signal }));
      const fine = tg.createTask(async () => 'fine');
      await sleep(1);
      doomed.cancel();
      return fine;
    });
    expect(value).toBe('fine');
  });

  it('refuses new tasks once finished', async () => {
    let kept: TaskGroup | undefined;
    await TaskGroup.run((tg) => {
      kept = tg;
    });
    expect(() => kept!.createTask(async () => 1)).toThrow(InvalidStateError);
    expect(() => kept!.createTask(async () => 1)).toThrow(/finished/);
  });

  it('while shutting down hands out already-cancelled tasks that never run', async () => {
    const boom = new Error('boom');
    let late: Task<number> | undefined;
    let ran = false;
    const err = await rejection(
      TaskGroup.run(async (tg) => {
        tg.createTask(async () => {
          throw boom;
        });
        // The body keeps going after the failure, as JavaScript cannot interrupt it.
        while (!tg.signal.aborted) await sleep(1);
        late = tg.createTask(async () => {
          ran = true;
          return 1;
        });
        await late; // rejects with a CancelledError: not counted as an error of the group
      }),
    );
    expect((err as ExceptionGroup).errors).toEqual([boom]);
    expect(late?.cancelled()).toBe(true);
    expect(ran).toBe(false);
    await macrotask();
  });

  it('a body awaiting a sibling that the failure cancelled adds no error of its own', async () => {
    const boom = new Error('boom');
    const err = await rejection(
      TaskGroup.run(async (tg) => {
        const waiting = tg.createTask((signal) => sleep(60_000, { signal }));
        tg.createTask(async () => {
          await sleep(1);
          throw boom;
        });
        await waiting;
      }),
    );
    expect((err as ExceptionGroup).errors).toEqual([boom]);
    await macrotask();
  });

  it('a body cancellation cancels the children and propagates as it is', async () => {
    const cancel = new CancelledError('stop');
    let child: Task<void> | undefined;
    await expect(
      TaskGroup.run((tg) => {
        child = tg.createTask((signal) => sleep(60_000, { signal }));
        throw cancel;
      }),
    ).rejects.toBe(cancel);
    expect(child?.cancelled()).toBe(true);
    expect((child!.signal.reason as CancelledError).cause).toBe(cancel);
  });
});

describe('TaskGroup with await using', () => {
  it('waits for the children at the end of the scope', async () => {
    const finished: string[] = [];
    {
      await using tg = new TaskGroup();
      tg.createTask(async () => {
        await sleep(2);
        finished.push('child');
      });
      finished.push('scope');
    }
    expect(finished).toEqual(['scope', 'child']);
  });

  it('rejects with an ExceptionGroup when a child failed', async () => {
    const boom = new Error('boom');
    const tg = new TaskGroup();
    const sibling = tg.createTask((signal) => sleep(60_000, { signal }));
    tg.createTask(async () => {
      throw boom;
    });
    // What `await using` calls, with the same guard as the implementation (Node 20 lacks it).
    const asyncDispose: typeof Symbol.asyncDispose = ((Symbol as { asyncDispose?: symbol }).asyncDispose ??
      Symbol.for('Symbol.asyncDispose')) as typeof Symbol.asyncDispose;
    const err = await rejection(tg[asyncDispose]());
    expect((err as ExceptionGroup).errors).toEqual([boom]);
    expect(sibling.cancelled()).toBe(true);
    await macrotask();
  });
});

describe('TaskGroup: each error once, nothing left running', () => {
  it('reports a child error once when the body awaits the child and rethrows it (as asyncio)', async () => {
    const boom = new Error('boom');
    const eg = await rejection(
      TaskGroup.run(async (tg) => {
        const a = tg.createTask(async () => {
          await sleep(1);
          throw boom;
        });
        const b = tg.createTask((signal) => sleep(50, { signal }).then(() => 1));
        return (await a) + (await b);
      }),
    );
    expect(eg).toBeInstanceOf(ExceptionGroup);
    expect((eg as ExceptionGroup).errors).toEqual([boom]);
  });

  it('lists one error object once even when two children reject with it', async () => {
    const shared = new Error('shared');
    const eg = await rejection(
      TaskGroup.run((tg) => {
        tg.createTask(async () => {
          throw shared;
        });
        tg.createTask(async () => {
          throw shared;
        });
      }),
    );
    expect((eg as ExceptionGroup).errors).toEqual([shared]);
  });

  it('keeps distinct errors, also a body error wrapping a child error', async () => {
    const boom = new Error('boom');
    const eg = await rejection(
      TaskGroup.run(async (tg) => {
        const a = tg.createTask(async () => {
          throw boom;
        });
        try {
          await a;
        } catch (err) {
          throw new Error('wrapped', { cause: err });
        }
      }),
    );
    const errors = (eg as ExceptionGroup).errors as Error[];
    expect(errors.map((e) => e.message)).toEqual(['boom', 'wrapped']);
  });

  it('an outer signal cancels the children and the group rejects with its reason once they ended', async () => {
    const controller = new AbortController();
    const reason = new CancelledError('outer');
    const events: string[] = [];
    const p = TaskGroup.run(
      async (tg) => {
        tg.createTask(async (signal) => {
          try {
            await sleep(60_000, { signal });
          } finally {
            await sleep(10);
            events.push('child ended');
          }
        });
        await sleep(60_000, { signal: tg.signal });
      },
      { signal: controller.signal },
    ).catch((err: unknown) => {
      events.push('group settled');
      return err;
    });
    await sleep(1);
    controller.abort(reason);
    expect(await p).toBe(reason);
    expect(events).toEqual(['child ended', 'group settled']);
  });

  it('an outer signal that aborts after the body returned cuts the children short: rejects with its reason', async () => {
    const controller = new AbortController();
    const reason = new CancelledError('outer');
    const p = TaskGroup.run(
      (tg) => {
        tg.createTask((signal) => sleep(60_000, { signal }));
        return 'value';
      },
      { signal: controller.signal },
    );
    await sleep(1);
    controller.abort(reason);
    await expect(p).rejects.toBe(reason);
  });

  it('a body still running at the abort that returns a value anyway keeps it', async () => {
    const controller = new AbortController();
    const q = new Queue<string>();
    const p = TaskGroup.run((tg) => q.get({ signal: tg.signal }), { signal: controller.signal });
    await sleep(0);
    // The item is handed to the body in the same tick as the abort: it must not be lost.
    q.putNowait('item');
    controller.abort();
    expect(await p).toBe('item');
    expect(q.size).toBe(0);
  });

  it('an already aborted outer signal runs nothing', async () => {
    let ran = false;
    const reason = new CancelledError('before');
    await expect(
      TaskGroup.run(
        () => {
          ran = true;
        },
        { signal: AbortSignal.abort(reason) },
      ),
    ).rejects.toBe(reason);
    expect(ran).toBe(false);
  });

  it('await using with an outer signal: the group is cancelled and dispose waits for the children', async () => {
    const controller = new AbortController();
    const tg = new TaskGroup({ signal: controller.signal });
    let ended = false;
    const child = tg.createTask(async (signal) => {
      await sleep(60_000, { signal }).catch(() => undefined);
      ended = true;
    });
    await sleep(1); // let the child start: a child cancelled before it starts never runs
    controller.abort();
    expect(tg.signal.aborted).toBe(true);
    {
      await using _scope = tg;
    }
    expect(ended).toBe(true);
    expect(child.done()).toBe(true);
  });

  it('drops its listener on a long-lived outer signal when it finishes', async () => {
    const signal = new AbortController().signal;
    let listeners = 0;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    };
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    };
    for (let i = 0; i < 20; i++) expect(await TaskGroup.run(() => i, { signal })).toBe(i);
    expect(listeners).toBe(0);
  });
});
