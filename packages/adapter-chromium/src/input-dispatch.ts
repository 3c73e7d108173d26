/**
 * The driver's side of the page's input events: real keyboard and mouse input through playwright
 * (DevTools Input.dispatchKeyEvent / dispatchMouseEvent), one event per tick of a steadyTicker,
 * cycling through INPUT_EVENT_TYPES. A dispatch is sent without waiting for the previous one to be
 * acknowledged, so a page that is blocked delays the handling, never the sending (no coordinated
 * omission); the browser stamps each event as it receives it.
 */
import { steadyTicker } from '@asyncbench/harness/adapter-kit';
import type { Page } from 'playwright-core';

export interface InputDispatch {
  /** Stops ticking, releases a key or button left down, waits for every acknowledgement; resolves to events sent. */
  stop(): Promise<number>;
}

export async function startInputDispatch(page: Page, intervalMs: number): Promise<InputDispatch> {
  // Clicks land inside the page, on the body.
  await page.mouse.move(20, 20);
  const steps = [
    () => page.keyboard.down('a'),
    () => page.keyboard.up('a'),
    () => page.mouse.down(),
    () => page.mouse.up(),
  ] as const;
  const pending: Promise<void>[] = [];
  let failure: unknown;
  const send = (step: number) => {
    const dispatched = steps[step % steps.length]!().catch((error: unknown) => {
      failure ??= error;
    });
    pending.push(dispatched);
  };
  const ticker = steadyTicker(intervalMs, send);
  return {
    async stop() {
      let sent = ticker.stop();
      // A key or button left down is released (its up event is sent and counted too), so the next
      // stream starts from a clean keyboard and mouse.
      if (sent % 2 === 1) send(sent++);
      await Promise.all(pending);
      if (failure) throw failure;
      return sent;
    },
  };
}
