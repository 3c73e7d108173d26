/**
 * Platform.startInputEvents in the page: the input is real. The driver dispatches keyboard and
 * mouse events through the DevTools protocol at a steady rate, the browser process stamps each
 * (event.timeStamp, on the page's performance.now() clock) and queues it for the page's main
 * thread; a listener here stamps when it ran. A blocked main thread therefore shows as input
 * delay exactly as a user would feel it. The Event Timing API (PerformanceEventTiming, events of
 * 16 ms or more) is read alongside, as the browser's own account of the same events.
 */
import type { EventTimingEntry, InputStream } from '@asyncbench/harness';
import { BRIDGE, INPUT_EVENT_TYPES } from './bridge.ts';

type Bridge = {
  [BRIDGE.inputStart]: (intervalMs: number) => Promise<void>;
  [BRIDGE.inputStop]: () => Promise<number>;
};

/** How long stop() waits for dispatched events still queued behind the page's work. */
const DRAIN_MS = 10_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Two animation frames, or 200 ms at most: Event Timing entries are reported after a paint. */
function afterNextPaint(): Promise<void> {
  const frames = new Promise<void>((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
  return Promise.race([frames, sleep(200)]);
}

export async function startPageInput(
  intervalMs: number,
  onInput: (sentAtMs: number, handledAtMs: number) => void,
): Promise<InputStream> {
  const bridge = globalThis as unknown as Bridge;
  const types: readonly string[] = INPUT_EVENT_TYPES;
  let received = 0;
  const listener = (event: Event) => {
    const handledAt = performance.now();
    received++;
    onInput(event.timeStamp, handledAt);
  };
  // On the window, capturing: before any other handler, wherever the event lands.
  for (const type of types) addEventListener(type, listener, { capture: true });

  const timings: EventTimingEntry[] = [];
  const keep = (entries: PerformanceEntryList) => {
    for (const e of entries as PerformanceEventTiming[]) {
      if (types.includes(e.name)) {
        timings.push({ startTime: e.startTime, processingStart: e.processingStart, duration: e.duration });
      }
    }
  };
  const observer = new PerformanceObserver((list) => keep(list.getEntries()));
  observer.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);

  const detach = () => {
    for (const type of types) removeEventListener(type, listener, { capture: true });
  };
  try {
    await bridge[BRIDGE.inputStart](intervalMs);
  } catch (error) {
    detach();
    observer.disconnect();
    throw error;
  }
  return {
    source: 'dom-input',
    now: () => performance.now(),
    async stop() {
      const sent = await bridge[BRIDGE.inputStop]();
      // Every dispatch was acknowledged, but a listener may not have run yet: give it the thread.
      const deadline = performance.now() + DRAIN_MS;
      while (received < sent && performance.now() < deadline) await sleep(5);
      detach();
      await afterNextPaint();
      keep(observer.takeRecords());
      observer.disconnect();
      return { sent, eventTiming: timings };
    },
  };
}
