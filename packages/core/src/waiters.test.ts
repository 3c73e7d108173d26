import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { WaiterList } from './waiters.ts';

describe('WaiterList', () => {
  it('serves waiters in arrival order', async () => {
    const line = new WaiterList<string>();
    const a = line.wait();
    const b = line.wait();
    expect(line.size).toBe(2);
    expect(line.resolveNext('first')).toBe(true);
    expect(line.resolveNext('second')).toBe(true);
    expect(line.resolveNext('nobody')).toBe(false);
    expect([await a, await b]).toEqual(['first', 'second']);
    expect(line.size).toBe(0);
  });

  it('carries a payload to whoever serves the waiter', () => {
    const line = new WaiterList<void>();
    void line.wait(undefined, 'item');
    const w = line.shift();
    expect(w?.payload).toBe('item');
    w?.resolve(undefined);
    expect(line.shift()).toBeNull();
  });

  it('an aborted waiter leaves from the head, middle or tail without disturbing the others', async () => {
    for (const abortAt of [0, 1, 2]) {
      const line = new WaiterList<number>();
      const controllers = [0, 1, 2].map(() => new AbortController());
      const waits = controllers.map((c) => track(line.wait(c.signal)));
      controllers[abortAt]!.abort(new Error(`abort ${abortAt}`));
      await flush();
      expect(line.size).toBe(2);
      expect(waits[abortAt]!.status).toBe('rejected');
      line.resolveAll(7);
      await flush();
      expect(waits.filter((w) => w.status === 'fulfilled').length).toBe(2);
      expect(line.head).toBeNull();
      expect(line.tail).toBeNull();
    }
  });

  it('an abort after the waiter was served changes nothing', async () => {
    const line = new WaiterList<number>();
    const ac = new AbortController();
    const p = line.wait(ac.signal);
    line.resolveNext(1);
    ac.abort();
    expect(await p).toBe(1);
    expect(line.size).toBe(0);
  });

  it('rejects at once with an already-aborted signal and parks nothing', async () => {
    const line = new WaiterList<number>();
    await expect(line.wait(AbortSignal.abort(new Error('late')))).rejects.toThrow('late');
    expect(line.size).toBe(0);
  });

  it('rejectAll gives each waiter its own error', async () => {
    const line = new WaiterList<number>();
    const a = line.wait();
    const b = line.wait();
    line.rejectAll(() => new Error('closed'));
    const [ea, eb] = await Promise.all([a.catch((e: unknown) => e), b.catch((e: unknown) => e)]);
    expect(ea).toBeInstanceOf(Error);
    expect(ea).not.toBe(eb);
    expect(line.size).toBe(0);
  });
});
