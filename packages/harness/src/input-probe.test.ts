import { describe, expect, it } from 'vitest';
import { scheduledInputEvents } from '../test-support/scheduled-input.ts';
import { sleep, webPlatform } from '../test-support/web-platform.ts';
import { startInputProbe, summarise } from './input-probe.ts';
import type { Platform } from './platform.ts';
import type { WorkloadCase } from './scenario.ts';
import { runWorkload } from './workload.ts';

function withInput(extra: Partial<Platform> = {}): Platform {
  return { ...webPlatform(), startInputEvents: scheduledInputEvents(), ...extra };
}

function inputCase(run: WorkloadCase['run']): WorkloadCase {
  return {
    kind: 'workload',
    id: 'work',
    label: 'work',
    mode: 'blocking',
    variant: 'loop',
    units: 1,
    concurrency: 1,
    unitMs: null,
    input: { intervalMs: 5 },
    run,
  };
}

describe('summarise', () => {
  const stream = { source: 'worker-message' as const };

  it('counts only events sent inside the window, handled ones up to its end, all their delays', () => {
    const sent = [5, 10, 20, 30, 40, 60];
    const handled = [6, 11, 45, 45, 45, 61];
    const stats = summarise(stream, 10, { start: 10, end: 50 }, sent, handled);
    expect(stats).toMatchObject({ source: 'worker-message', intervalMs: 10, expected: 4, handled: 4 });
    expect(stats.delayMs.max).toBe(25);
    expect(stats.delayMs.p50).toBeGreaterThanOrEqual(5);
    const late = summarise(stream, 10, { start: 10, end: 40 }, sent, handled);
    // The events sent at 20, 30 and 40 waited for the end, at 45: sent in the window, not handled in it.
    expect(late).toMatchObject({ expected: 4, handled: 1 });
    expect(late.eventTiming).toBeUndefined();
  });

  it('keeps the Event Timing entries that started in the window', () => {
    const entries = [
      { startTime: 5, processingStart: 100, duration: 104 },
      { startTime: 20, processingStart: 60, duration: 48 },
      { startTime: 30, processingStart: 31, duration: 16 },
    ];
    const stats = summarise(stream, 10, { start: 10, end: 50 }, [20], [60], entries);
    expect(stats.eventTiming).toEqual({ entries: 2, maxDelayMs: 40, maxDurationMs: 48 });
    const none = summarise(stream, 10, { start: 10, end: 50 }, [20], [21], []);
    expect(none.eventTiming).toEqual({ entries: 0, maxDelayMs: 0, maxDurationMs: 0 });
  });

  it('refuses a window without events rather than report empty percentiles', () => {
    expect(() => summarise(stream, 10, { start: 10, end: 12 }, [5, 30], [6, 31])).toThrow(
      /none was sent while the work ran \(2\.0 ms, one every 10 ms\)/,
    );
  });
});

/** One warm-up round, then one timed round, which the input window covers. */
const ONE_ROUND = { warmupMs: 0, maxWarmupMs: 0, timedMs: 0 };

describe('runWorkload with input events', () => {
  it('a blocked thread handles no event while it works, and each waits for the block to end', async () => {
    const platform = withInput();
    const stats = await runWorkload(
      inputCase(async (ctx) => ctx.timeSync(() => ctx.platform.blockingSleep(60))),
      platform,
      1,
      ONE_ROUND,
    );
    const input = stats.input!;
    expect(input.handled).toBe(0);
    expect(input.expected).toBeGreaterThanOrEqual(8);
    // The first event was sent about 5 ms into the block and handled after it.
    expect(input.delayMs.max).toBeGreaterThan(40);
  });

  it('a thread that awaits handles events while it works, promptly', async () => {
    const stats = await runWorkload(
      inputCase(async (ctx) => {
        for (let i = 0; i < 6; i++) await ctx.time(() => sleep(10));
      }),
      withInput(),
      1,
      ONE_ROUND,
    );
    expect(stats.input!.handled).toBeGreaterThan(0);
    expect(stats.input!.handled).toBeLessThanOrEqual(stats.input!.expected);
  });

  it('warms an input case up for one window, where a plateau would need at least two', async () => {
    // Each round is slower than the last, so a throughput case would keep warming up until the
    // cap (2 windows at least); an input case stops after its first window and says steady.
    let round = 0;
    const slowing = inputCase(async (ctx) => ctx.timeSync(() => ctx.platform.blockingSleep(5 + 5 * round++)));
    const budget = { warmupMs: 1, maxWarmupMs: 1000, timedMs: 0 };
    const stats = await runWorkload(slowing, withInput(), 1, budget);
    expect(stats.warmupRounds).toBe(1);
    expect(stats.warmupSteady).toBe(true);
    const asThroughput = { ...slowing, input: undefined };
    round = 0;
    const plain = await runWorkload(asThroughput, withInput(), 1, budget);
    expect(plain.warmupRounds).toBeGreaterThanOrEqual(2);
  });

  it('stops the stream when a timed round throws, and reports the run error', async () => {
    const stopped = { count: 0 };
    const platform = withInput({ startInputEvents: scheduledInputEvents({ stopped }) });
    // The warm-up round passes; the timed one, which the input window covers, throws.
    let round = 0;
    const failing = inputCase(async (ctx) => {
      await ctx.time(() => sleep(10));
      if (++round > 1) throw new Error('work failed');
    });
    await expect(runWorkload(failing, platform, 1, ONE_ROUND)).rejects.toThrow('work failed');
    expect(stopped.count).toBe(1);
  });

  it('fails the case when events went missing, or the platform has no input events', async () => {
    const lossy = withInput({ startInputEvents: scheduledInputEvents({ lose: 2 }) });
    const work = inputCase(async (ctx) => ctx.timeSync(() => ctx.platform.blockingSleep(20)));
    await expect(runWorkload(work, lossy, 1, ONE_ROUND)).rejects.toThrow(
      /input events: \d+ sent but \d+ reached/,
    );
    await expect(startInputProbe(webPlatform(), 5)).rejects.toThrow(
      'node platform has no input events (Platform.startInputEvents)',
    );
  });

  it('opens the window only once the stream is warm, and gives up on a silent one', async () => {
    const early: number[] = [];
    const probe = await startInputProbe(
      withInput({
        startInputEvents: async (intervalMs, onInput) =>
          scheduledInputEvents()(intervalMs, (sent, handled) => {
            early.push(sent);
            onInput(sent, handled);
          }),
      }),
      5,
    );
    // Three events were handled before startInputProbe resolved; none of them is in the window.
    const warmUp = early.length;
    expect(warmUp).toBeGreaterThanOrEqual(3);
    probe.begin();
    await sleep(30);
    probe.end();
    const stats = await probe.finish();
    expect(stats.expected).toBeLessThanOrEqual(early.length - warmUp);
    const silent = withInput({
      startInputEvents: async () => ({
        source: 'worker-message',
        now: () => performance.now(),
        stop: async () => ({ sent: 0 }),
      }),
    });
    await expect(startInputProbe(silent, 1000)).rejects.toThrow(
      'input events: 0 of 3 arrived within 5000 ms',
    );
  }, 20_000);

  it('leaves cases without input untouched', async () => {
    const { input: _, ...plain } = inputCase(async (ctx) => {
      ctx.timeSync(() => 1);
    });
    const stats = await runWorkload(plain, withInput(), 1, ONE_ROUND);
    expect(stats.input).toBeUndefined();
  });
});
