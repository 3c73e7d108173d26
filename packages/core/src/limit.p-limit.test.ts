/**
 * p-limit's own test suite (sindresorhus/p-limit, test.js, 7.3), its behavioural expectations
 * ported to core's limit(): the same scenarios and the same asserted outcomes. Wall-clock range
 * checks are replaced by start/finish order, which is what they stand for. Where core differs on
 * purpose (second argument, synchronous start, clearQueue always rejects) the test says so and
 * asserts core's documented behaviour instead; the README lists these differences. Not ported:
 * "propagates async execution context properly", which needs node:async_hooks' AsyncLocalStorage
 * (core is runtime-neutral, and a waiting call runs in the context of the call whose slot it
 * took; the README says so and how to bind a function to its context).
 */
import { describe, expect, it } from 'vitest';
import { isCancellation } from './errors.ts';
import { LimiterCleared, limit, limitFunction } from './limit.ts';
import { sleep } from './sleep.ts';

/** A deterministic stand-in for p-limit's randomInt(30, 200) (delays in ms). */
function delays(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 5 + ((i * 37) % 25));
}

describe('p-limit test suite, ported', () => {
  it('concurrency: 1', async () => {
    const input: [number, number][] = [
      [10, 30],
      [20, 20],
      [30, 10],
    ];
    const run = limit(1);
    const events: string[] = [];
    const mapper = ([value, ms]: [number, number]) =>
      run(async () => {
        events.push(`start ${value}`);
        await sleep(ms);
        events.push(`end ${value}`);
        return value;
      });
    expect(await Promise.all(input.map(mapper))).toEqual([10, 20, 30]);
    // p-limit asserts the total time is the sum of the delays: one at a time, in order.
    expect(events).toEqual(['start 10', 'end 10', 'start 20', 'end 20', 'start 30', 'end 30']);
  });

  it('concurrency: 4 (never more than 5 running of 100)', async () => {
    const concurrency = 5;
    let running = 0;
    let peak = 0;
    const run = limit(concurrency);
    const input = delays(100).map((ms) =>
      run(async () => {
        running++;
        peak = Math.max(peak, running);
        expect(running).toBeLessThanOrEqual(concurrency);
        await sleep(ms);
        running--;
      }),
    );
    await Promise.all(input);
    expect(peak).toBe(concurrency);
  });

  it('non-promise returning function', async () => {
    const run = limit(1);
    await expect(run(() => null)).resolves.toBeNull();
  });

  it('continues after sync throw', async () => {
    const run = limit(1);
    let ran = false;
    const promises = [
      run(() => {
        throw new Error('err');
      }),
      run(() => {
        ran = true;
      }),
    ];
    await Promise.all(promises).catch(() => undefined);
    expect(ran).toBe(true);
  });

  it('accepts additional arguments — differs: the second argument is options; limitFunction passes arguments', async () => {
    const symbol = Symbol('test');
    const run = limit(1);
    // p-limit: limit(fn, symbol) calls fn(symbol). Core: a closure carries arguments.
    expect(await run(() => symbol)).toBe(symbol);
    const limited = limitFunction((a: symbol, b: number) => [a, b] as const, { concurrency: 1 });
    expect(await limited(symbol, 2)).toEqual([symbol, 2]);
  });

  it('shared context with a limited provider helper', async () => {
    const run = limit(1);
    const sharedContext = { values: [] as string[] };
    const addValue = async (context: typeof sharedContext, value: string) => {
      context.values.push(value);
      await sleep(5);
      return context.values.length;
    };
    const runWithContext = (value: string) => run(() => addValue(sharedContext, value));
    const first = runWithContext('first');
    const second = runWithContext('second');
    expect(run.activeCount).toBe(1);
    expect(run.pendingCount).toBe(1);
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(sharedContext.values).toEqual(['first', 'second']);
  });

  it('does not ignore errors', async () => {
    const run = limit(1);
    const error = new Error('🦄');
    const promises = [
      run(() => sleep(3)),
      run(async () => {
        await sleep(8);
        throw error;
      }),
      run(() => sleep(5)),
    ];
    await expect(Promise.all(promises)).rejects.toBe(error);
  });

  it('runs all tasks asynchronously — differs: a free slot starts fn synchronously', async () => {
    const run = limit(3);
    let value = 1;
    const one = run(() => 1);
    const two = run(() => value);
    expect(run.activeCount).toBe(2);
    value = 2;
    // p-limit calls fn a microtask later and sees 2; core called it in the caller's turn.
    expect(await Promise.all([one, two])).toEqual([1, 1]);
  });

  it('activeCount and pendingCount properties', async () => {
    const run = limit(5);
    expect(run.activeCount).toBe(0);
    expect(run.pendingCount).toBe(0);

    const runningPromise1 = run(() => sleep(20));
    expect(run.activeCount).toBe(1);
    expect(run.pendingCount).toBe(0);

    await runningPromise1;
    expect(run.activeCount).toBe(0);
    expect(run.pendingCount).toBe(0);

    const immediatePromises = Array.from({ length: 5 }, () => run(() => sleep(20)));
    const delayedPromises = Array.from({ length: 3 }, () => run(() => sleep(20)));
    expect(run.activeCount).toBe(5);
    expect(run.pendingCount).toBe(3);

    await Promise.all(immediatePromises);
    expect(run.activeCount).toBe(3);
    expect(run.pendingCount).toBe(0);

    await Promise.all(delayedPromises);
    expect(run.activeCount).toBe(0);
    expect(run.pendingCount).toBe(0);
  });

  it('clearQueue', async () => {
    const run = limit(1);
    const running = run(() => sleep(20));
    const waiting = Array.from({ length: 3 }, () => run(() => sleep(20)));
    await Promise.resolve();
    expect(run.pendingCount).toBe(3);
    run.clearQueue();
    expect(run.pendingCount).toBe(0);
    // Core always rejects cleared calls (p-limit only with rejectOnClear: true, else they hang).
    for (const p of waiting) await expect(p).rejects.toBeInstanceOf(LimiterCleared);
    await running;
  });

  it('clearQueue rejects pending promises (p-limit: when rejectOnClear is enabled)', async () => {
    const run = limit({ concurrency: 1 });
    const runningPromise = run(() => sleep(10));
    let ran = 0;
    const pendingPromiseOne = run(() => ran++);
    const pendingPromiseTwo = run(() => ran++);
    await Promise.resolve();
    expect(run.pendingCount).toBe(2);
    run.clearQueue();
    expect(run.pendingCount).toBe(0);
    // Handlers first: the cleared calls reject while the running one is awaited.
    const cleared = Promise.all(
      [pendingPromiseOne, pendingPromiseTwo].map((p) => p.catch((e: unknown) => e)),
    );
    await runningPromise;
    // p-limit rejects with an AbortError; core's LimiterCleared is a CancelledError.
    const errors = await cleared;
    for (const err of errors) {
      expect(err).toBeInstanceOf(LimiterCleared);
      expect(isCancellation(err)).toBe(true);
    }
    expect(ran).toBe(0);
  });

  it('map', async () => {
    const run = limit(1);
    expect(await run.map([1, 2, 3, 4, 5, 6, 7], (input) => input + 1)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('map works when detached from the limit', async () => {
    const run = limit(1);
    const { map } = run;
    let running = 0;
    let maxRunning = 0;
    const mapper = async (input: number) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(3);
      running--;
      return input * 2;
    };
    const directResult = run(() => mapper(1));
    const mapResult = map([2, 3], mapper);
    expect(await Promise.all([directResult, mapResult])).toEqual([2, [4, 6]]);
    expect(maxRunning).toBe(1);
  });

  it('map passes index and preserves order with concurrency', async () => {
    const run = limit(3);
    const inputs = [10, 10, 10, 10, 10];
    const results = await run.map(inputs, async (value, index) => {
      await sleep((inputs.length - index) * 2);
      return value + index;
    });
    expect(results).toEqual([10, 11, 12, 13, 14]);
  });

  it('map accepts an iterable (set)', async () => {
    const run = limit(2);
    expect(await run.map(new Set([1, 2, 3, 4]), (input) => input * 2)).toEqual([2, 4, 6, 8]);
  });

  it('map accepts an iterable (array iterator)', async () => {
    const run = limit(2);
    expect(await run.map([1, 2, 3, 4].values(), (input) => input * 2)).toEqual([2, 4, 6, 8]);
  });

  it('accepts options object', async () => {
    const run = limit({ concurrency: 1 });
    const input = [
      run(async () => {
        await sleep(5);
        return 1;
      }),
      run(async () => {
        await sleep(5);
        return 2;
      }),
    ];
    expect(await Promise.all(input)).toEqual([1, 2]);
    expect(run.concurrency).toBe(1);
  });

  it('throws on invalid concurrency argument', () => {
    for (const bad of [0, -1, 1.2, undefined, true, {}, { concurrency: 0 }]) {
      expect(() => limit(bad as number)).toThrow(RangeError);
    }
  });

  /** p-limit's two concurrency-change tests: 10 calls of 10 ms, the limit changed once all started. */
  async function changeConcurrency(
    from: number,
    to: number,
  ): Promise<{ before: number; after: number; log: number[] }> {
    const run = limit(from);
    let running = 0;
    const log: number[] = [];
    const promises = Array.from({ length: 10 }).map(() =>
      run(async () => {
        ++running;
        log.push(running);
        await sleep(10);
        --running;
      }),
    );
    await sleep(0);
    const before = running;
    run.concurrency = to;
    const after = running;
    await Promise.all(promises);
    return { before, after, log };
  }

  it('change concurrency to smaller value', async () => {
    const { before, log } = await changeConcurrency(4, 2);
    expect(before).toBe(4);
    expect(log).toEqual([1, 2, 3, 4, 2, 2, 2, 2, 2, 2]);
  });

  it('change concurrency to bigger value', async () => {
    const { before, after, log } = await changeConcurrency(2, 4);
    expect(before).toBe(2);
    // Core starts the waiting calls in the setter itself (p-limit: a microtask later).
    expect(after).toBe(4);
    expect(log).toEqual([1, 2, 3, 4, 4, 4, 4, 4, 4, 4]);
  });

  it('limitFunction()', async () => {
    const concurrency = 5;
    let running = 0;
    let peak = 0;
    const limitedFunction = limitFunction(
      async (ms: number) => {
        running++;
        peak = Math.max(peak, running);
        expect(running).toBeLessThanOrEqual(concurrency);
        await sleep(ms);
        running--;
      },
      { concurrency },
    );
    await Promise.all(delays(100).map((ms) => limitedFunction(ms)));
    expect(peak).toBe(concurrency);
  });
});
