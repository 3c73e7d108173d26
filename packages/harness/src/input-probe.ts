/**
 * Input delay while a workload runs: input events arrive at a steady rate from outside the measured
 * thread (Platform.startInputEvents), and each one's delay is the time it waited for this thread,
 * handled time minus sent time. Only events sent inside the timed window count; those handled after
 * the work ended count with their whole wait, so a thread that never yielded shows every event it
 * held back (no coordinated omission: the sender never waits for the handler).
 */
import type { InputStats } from '@asyncbench/results/schema';
import { LatencyRecorder } from './latency-recorder.ts';
import type { EventTimingEntry, InputStream, Platform } from './platform.ts';

/** Events handled before the window opens (warm-up), and how long to wait for them at most. */
const WARM_UP_EVENTS = 3;
const WARM_UP_LIMIT_MS = 5_000;

/** One stream around one timed run: begin() and end() mark the window, finish() stops and sums up. */
export interface InputProbe {
  /** Marks the start of the timed work. */
  begin(): void;
  /**
   * Marks its end: now, or at workEndedAtMs (performance.now() ms, e.g. when the last unit ended)
   * when given and finite.
   */
  end(workEndedAtMs?: number): void;
  /** Stops the stream (after a failed run too) and sums up the window; throws when it held no event. */
  finish(): Promise<InputStats>;
}

/**
 * Starts the platform's input stream, one event every intervalMs, and resolves once it is warm
 * (WARM_UP_EVENTS handled). Throws when the platform has none (a scenario using input should
 * declare `requires: ['input-events']`) or when no events arrive.
 */
export async function startInputProbe(platform: Platform, intervalMs: number): Promise<InputProbe> {
  if (!platform.startInputEvents) {
    throw new Error(`${platform.runtime} platform has no input events (Platform.startInputEvents)`);
  }
  let sent: Float64Array = new Float64Array(1024);
  let handled: Float64Array = new Float64Array(1024);
  let count = 0;
  const stream = await platform.startInputEvents(intervalMs, (sentAtMs, handledAtMs) => {
    if (count === sent.length) {
      sent = grow(sent);
      handled = grow(handled);
    }
    sent[count] = sentAtMs;
    handled[count] = handledAtMs;
    count++;
  });
  // Warm-up: the first events through a fresh stream carry one-time costs (a new thread's first
  // message, the handler's first compile; in a browser the first dispatch), not the work's; the
  // window opens once WARM_UP_EVENTS have been handled.
  const deadline = performance.now() + WARM_UP_LIMIT_MS;
  while (count < WARM_UP_EVENTS) {
    if (performance.now() > deadline) {
      await stream.stop().catch(() => {});
      throw new Error(`input events: ${count} of ${WARM_UP_EVENTS} arrived within ${WARM_UP_LIMIT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  let start = Number.NaN;
  let end = Number.NaN;
  return {
    begin: () => {
      start = stream.now();
    },
    end: (workEndedAtMs) => {
      // stream.now() and performance.now() differ by a constant (the stream's time origin).
      const streamNow = stream.now();
      end = Number.isFinite(workEndedAtMs) ? streamNow - (performance.now() - workEndedAtMs!) : streamNow;
    },
    async finish() {
      const { sent: total, eventTiming } = await stream.stop();
      if (total !== count) {
        throw new Error(`input events: ${total} sent but ${count} reached the handler`);
      }
      if (Number.isNaN(start) || Number.isNaN(end)) throw new Error('input events: the run was not timed');
      return summarise(
        stream,
        intervalMs,
        { start, end },
        sent.subarray(0, count),
        handled.subarray(0, count),
        eventTiming,
      );
    },
  };
}

function grow(values: Float64Array): Float64Array {
  const bigger = new Float64Array(values.length * 2);
  bigger.set(values);
  return bigger;
}

/** The window's events: expected, handled before its end, their delays; Event Timing entries in it. */
export function summarise(
  stream: Pick<InputStream, 'source'>,
  intervalMs: number,
  window: { start: number; end: number },
  sent: ArrayLike<number>,
  handled: ArrayLike<number>,
  eventTiming?: readonly EventTimingEntry[],
): InputStats {
  const delays = new LatencyRecorder();
  let handledInWindow = 0;
  for (let i = 0; i < sent.length; i++) {
    const s = sent[i]!;
    if (s < window.start || s > window.end) continue;
    delays.record(handled[i]! - s);
    if (handled[i]! <= window.end) handledInWindow++;
  }
  if (delays.count === 0) {
    const ms = (window.end - window.start).toFixed(1);
    throw new Error(
      `input events: none was sent while the work ran (${ms} ms, one every ${intervalMs} ms); make the case longer`,
    );
  }
  const stats: InputStats = {
    source: stream.source,
    intervalMs,
    expected: delays.count,
    handled: handledInWindow,
    delayMs: delays.summary(),
  };
  if (eventTiming) {
    const inWindow = eventTiming.filter((e) => e.startTime >= window.start && e.startTime <= window.end);
    stats.eventTiming = {
      entries: inWindow.length,
      maxDelayMs: Math.max(0, ...inWindow.map((e) => e.processingStart - e.startTime)),
      maxDurationMs: Math.max(0, ...inWindow.map((e) => e.duration)),
    };
  }
  return stats;
}
