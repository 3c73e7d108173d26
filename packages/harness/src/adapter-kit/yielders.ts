/**
 * Platform.yielders, detected by feature: the ways this runtime has to give the thread back to the
 * event loop so that waiting tasks (input among them) run before the next slice of work.
 * - `setTimeout(0)`: everywhere; clamped to 1 ms on Node and Bun, to 4 ms in browsers once nested.
 * - `setImmediate`: Node, Deno and Bun; runs after the I/O callbacks already due.
 * - `MessageChannel`: everywhere; a message to itself, the idiom of React's scheduler. A fresh
 *   channel per yield, closed at once: a long-lived port with a listener keeps Deno from exiting.
 * - `scheduler.yield()`: where the Prioritized Task Scheduling API has it (Chromium); the
 *   continuation goes ahead of other queued tasks of its priority.
 */

type Yield = () => Promise<void>;

interface YieldGlobals {
  setTimeout: (callback: () => void, ms: number) => unknown;
  setImmediate?: (callback: () => void) => unknown;
  MessageChannel?: typeof MessageChannel;
  scheduler?: { yield?: () => Promise<void> };
}

export function detectYielders(
  g: YieldGlobals = globalThis as unknown as YieldGlobals,
): Record<string, Yield> {
  const yielders: Record<string, Yield> = {
    'setTimeout(0)': () => new Promise((resolve) => void g.setTimeout(resolve, 0)),
  };
  const { setImmediate, MessageChannel: Channel, scheduler } = g;
  if (typeof setImmediate === 'function') {
    yielders.setImmediate = () => new Promise((resolve) => void setImmediate(resolve));
  }
  if (typeof Channel === 'function') {
    yielders.MessageChannel = () =>
      new Promise((resolve) => {
        const { port1, port2 } = new Channel();
        port1.onmessage = () => {
          port1.close();
          port2.close();
          resolve();
        };
        port2.postMessage(null);
      });
  }
  if (typeof scheduler?.yield === 'function') {
    yielders['scheduler.yield()'] = () => scheduler.yield!.call(scheduler);
  }
  return yielders;
}
