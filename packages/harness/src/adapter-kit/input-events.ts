/**
 * Platform.startInputEvents over a worker thread: the worker posts one message every intervalMs,
 * stamped with when it sent it; the main thread stamps each when its handler runs. Both stamps are
 * performance.timeOrigin + performance.now(), a clock every thread of a process shares (a worker's
 * timeOrigin is its own start, but origin plus now lands on the same wall-clock axis; the platform
 * contract test checks it on every runtime). The worker keeps its own schedule (steadyTicker), so
 * a blocked main thread changes when events are handled, never when they are sent. Runtime-neutral: each adapter says only how its worker starts and how messages flow.
 */
import type { InputStream } from '../platform.ts';

/** Main thread -> worker. */
export type InputRequest = { type: 'start'; intervalMs: number } | { type: 'stop' };

/** Worker -> main thread; `stopped` comes after every `input` (messages keep their order). */
export type InputMessage =
  | { type: 'started' }
  | { type: 'input'; sentAt: number }
  | { type: 'stopped'; sent: number };

/** The clock both sides stamp with, ms. */
export const sharedClock = (): number => performance.timeOrigin + performance.now();

/**
 * Calls onTick(k) for k = 0, 1, 2... on the grid start + (k + 1) * intervalMs until stop(), which
 * returns how many ticks ran. At most one tick per slot: a late tick neither pushes the later ones
 * back nor is made up for by a burst (a user does not catch up either). Shared by the input worker
 * and the browser driver, which dispatches real input on the same schedule.
 */
export function steadyTicker(intervalMs: number, onTick: (k: number) => void): { stop(): number } {
  const start = performance.now();
  let ticks = 0;
  let slot = 1;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    onTick(ticks++);
    const now = performance.now();
    slot = Math.max(slot + 1, Math.floor((now - start) / intervalMs) + 1);
    timer = setTimeout(tick, Math.max(0, start + slot * intervalMs - now));
  };
  let timer = setTimeout(tick, intervalMs);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      return ticks;
    },
  };
}

/** Worker side: answers start/stop requests, posting input events on schedule in between. */
export function answerInputRequests(
  post: (message: InputMessage) => void,
  listen: (onRequest: (request: InputRequest) => void) => void,
): void {
  let ticker: { stop(): number } | undefined;
  listen((request) => {
    if (request.type === 'start') {
      ticker = steadyTicker(request.intervalMs, () => post({ type: 'input', sentAt: sharedClock() }));
      post({ type: 'started' });
    } else {
      post({ type: 'stopped', sent: ticker?.stop() ?? 0 });
    }
  });
}

/** A started input worker, whatever the runtime's Worker API looks like. */
export interface InputWorkerPort {
  post(request: InputRequest): void;
  /** Called once: every message and the worker's error go to these. */
  listen(onMessage: (message: InputMessage) => void, onError: (error: Error) => void): void;
  terminate(): Promise<void> | void;
}

/**
 * Main-thread side: starts the stream on `port` and resolves once the worker has begun; onInput
 * gets (sentAt, handledAt) for every event, handledAt read first thing in the handler.
 */
export function inputStreamOver(
  port: InputWorkerPort,
  intervalMs: number,
  onInput: (sentAtMs: number, handledAtMs: number) => void,
): Promise<InputStream> {
  return new Promise((resolveStarted, rejectStarted) => {
    let stopped: { resolve: (sent: number) => void; reject: (error: Error) => void } | undefined;
    let failure: Error | undefined;
    const stream: InputStream = {
      source: 'worker-message',
      now: sharedClock,
      async stop() {
        if (failure) throw failure;
        const sent = await new Promise<number>((resolve, reject) => {
          stopped = { resolve, reject };
          port.post({ type: 'stop' });
        });
        await port.terminate();
        return { sent };
      },
    };
    port.listen(
      (message) => {
        if (message.type === 'input') onInput(message.sentAt, sharedClock());
        else if (message.type === 'started') resolveStarted(stream);
        else stopped?.resolve(message.sent);
      },
      (error) => {
        failure = error;
        rejectStarted(error);
        stopped?.reject(error);
      },
    );
    port.post({ type: 'start', intervalMs });
  });
}
