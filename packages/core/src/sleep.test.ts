import { describe, expect, it } from 'vitest';
import { CancelledError } from './errors.ts';
import { sleep } from './sleep.ts';

describe('sleep', () => {
  it('resolves with undefined after the delay', async () => {
    let resolved = false;
    const p = sleep(5).then(() => {
      resolved = true;
    });
    await Promise.resolve();
    expect(resolved).toBe(false);
    await p;
    expect(resolved).toBe(true);
    await expect(sleep(1, {})).resolves.toBeUndefined();
  });

  it('rejects at once with the reason of an already-aborted signal', async () => {
    const reason = new Error('stop');
    await expect(sleep(10_000, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });

  it('rejects with the reason when aborted during the wait, long before the delay', async () => {
    const controller = new AbortController();
    const p = sleep(60_000, { signal: controller.signal });
    const reason = new CancelledError('enough');
    setTimeout(() => controller.abort(reason), 1);
    // A 60 s timer left behind would also keep the runner from exiting promptly.
    await expect(p).rejects.toBe(reason);
  });

  it('uses a CancelledError when the signal carries no reason', async () => {
    const controller = new AbortController();
    const p = sleep(60_000, { signal: controller.signal });
    // A reason of undefined makes AbortController substitute its own AbortError DOMException.
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    const bare = { aborted: true, reason: undefined } as unknown as AbortSignal;
    await expect(sleep(1, { signal: bare })).rejects.toBeInstanceOf(CancelledError);
  });

  it('removes its abort listener when it finishes normally', async () => {
    const controller = new AbortController();
    await sleep(1, { signal: controller.signal });
    // Aborting afterwards must not reject anything (it would surface as an unhandled rejection).
    controller.abort(new Error('late'));
    await sleep(5);
  });
});
