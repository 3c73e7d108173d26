/**
 * A stand-in for Platform.startInputEvents on the test's own thread: event k is sent at
 * t0 + k * interval whatever this thread does, and handled when a timer here next runs. While the
 * thread is blocked, due events pile up and are handled late with their scheduled sent times, as an
 * outside sender's would be. For tests of the harness and of scenarios without a worker thread;
 * the adapters' real streams are checked by the platform contract. Test-only.
 */
import type { InputStream, Platform } from '../src/platform.ts';

export interface ScheduledInputOptions {
  /** Claims this many more events were sent than were delivered (to test loss detection). */
  lose?: number;
  /** Counts stop() calls. */
  stopped?: { count: number };
}

export function scheduledInputEvents(
  options: ScheduledInputOptions = {},
): NonNullable<Platform['startInputEvents']> {
  return (intervalMs, onInput) => {
    const t0 = performance.now();
    let next = 1;
    const deliverDue = () => {
      const now = performance.now();
      for (; t0 + next * intervalMs <= now; next++) onInput(t0 + next * intervalMs, performance.now());
    };
    const timer = setInterval(deliverDue, 1);
    const stream: InputStream = {
      source: 'worker-message',
      now: () => performance.now(),
      async stop() {
        clearInterval(timer);
        deliverDue();
        if (options.stopped) options.stopped.count++;
        return { sent: next - 1 + (options.lose ?? 0) };
      },
    };
    return Promise.resolve(stream);
  };
}
