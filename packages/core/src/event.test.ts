import { describe, expect, it } from 'vitest';
import { flush, track } from '../test-support/track.ts';
import { Event } from './event.ts';

describe('Event', () => {
  it('wait blocks until set, then resolves every waiter with true', async () => {
    const ev = new Event();
    expect(ev.isSet()).toBe(false);
    const a = track(ev.wait());
    const b = track(ev.wait());
    await flush();
    expect(a.status).toBe('pending');
    ev.set();
    expect(ev.isSet()).toBe(true);
    await flush();
    expect(a.value).toBe(true);
    expect(b.value).toBe(true);
    expect(await ev.wait()).toBe(true);
  });

  it('clear() makes later waits block again', async () => {
    const ev = new Event();
    ev.set();
    ev.clear();
    expect(ev.isSet()).toBe(false);
    const w = track(ev.wait());
    await flush();
    expect(w.status).toBe('pending');
    ev.set();
    ev.set(); // setting twice is harmless
    await flush();
    expect(w.status).toBe('fulfilled');
  });

  it('an aborted waiter rejects with the reason and the others still wake', async () => {
    const ev = new Event();
    const ac = new AbortController();
    const aborted = ev.wait({ signal: ac.signal });
    const other = track(ev.wait());
    ac.abort(new Error('bye'));
    await expect(aborted).rejects.toThrow('bye');
    ev.set();
    await flush();
    expect(other.status).toBe('fulfilled');
  });

  it('rejects at once with an already-aborted signal, even when set', async () => {
    const ev = new Event();
    ev.set();
    await expect(ev.wait({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
