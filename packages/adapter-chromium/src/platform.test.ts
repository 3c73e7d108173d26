/**
 * The Platform contract for the chromium platform, which lives in a page: the same promises the
 * other adapters' platforms keep (harness/testing/platform-contract.ts), checked in a real page
 * opened by the driver's own code (launchChromium, openDriverPage). Each check runs in the page
 * through page.evaluate and hands back what it saw; the assertions are made here. Functions given
 * to evaluate are serialised, so they reach the platform through the global the page sets, never
 * through anything imported here.
 */
import type { Platform } from '@asyncbench/harness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, chromiumVersion, dist, hasChromium } from '../test-support/chromium.ts';
import { PLATFORM_GLOBAL } from './bridge.ts';
import { type ChromiumProcess, launchChromium } from './chromium-process.ts';
import { type DriverPage, openDriverPage } from './driver.ts';

let browserProcess: ChromiumProcess | undefined;
let driver: DriverPage;

/** Runs check(platform, arg) in the page and resolves to what it returns (JSON-serialisable). */
function inPage<A, R>(check: (platform: Platform, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
  return driver.page.evaluate(
    ([name, source, value]) => {
      const platform = (globalThis as Record<string, unknown>)[name];
      // The check's own source, written in this file, compiled in the page.
      const compiled = new Function(`return (${source});`)() as (p: unknown, a: unknown) => unknown;
      return compiled(platform, value);
    },
    [PLATFORM_GLOBAL, check.toString(), arg] as [string, string, A],
  ) as Promise<R>;
}

describe.skipIf(!hasChromium)('chromium platform (in a page)', () => {
  beforeAll(async () => {
    process.env.ASYNCBENCH_ADAPTER_TEST = 'yes';
    browserProcess = await launchChromium(CHROMIUM);
    driver = await openDriverPage(browserProcess, dist);
  });
  afterAll(async () => {
    await driver?.close();
    await browserProcess?.close();
  });

  it('names the runtime and the version chromium --version prints', async () => {
    const named = await inPage((p) => ({ runtime: p.runtime, version: p.version }));
    expect(named).toEqual({ runtime: 'chromium', version: chromiumVersion() });
    expect(driver.version).toBe(named.version);
  });

  it('blockingSleep holds the page’s thread for about the time (a busy-wait: Atomics.wait is refused here)', async () => {
    const seen = await inPage((p) => {
      let atomics = 'allowed';
      try {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      } catch (error) {
        atomics = String(error);
      }
      const start = performance.now();
      p.blockingSleep(50);
      return { elapsed: performance.now() - start, atomics, isolated: crossOriginIsolated };
    });
    expect(seen.atomics).toMatch(/Atomics\.wait cannot be called in this context/);
    expect(seen.elapsed).toBeGreaterThanOrEqual(49.9);
    expect(seen.elapsed).toBeLessThan(5_000);
    // COOP and COEP from the page server: performance.now() keeps its fine resolution.
    expect(seen.isolated).toBe(true);
  });

  it('lacks files, SQLite and PostgreSQL, with reasons, and its file methods say why', async () => {
    const seen = await inPage(async (p) => {
      let sync = '';
      try {
        p.readFileSync('/etc/hostname');
      } catch (error) {
        sync = String(error);
      }
      const async = await p.readFile('/etc/hostname').then(
        () => 'read',
        (error: unknown) => String(error),
      );
      return { lacks: p.lacks, sync, async, sqlite: typeof p.openSqlite };
    });
    expect(seen.lacks).toEqual({
      files: 'a browser page has no file system',
      sqlite: 'a browser page has no SQLite driver',
      postgres: 'a browser page cannot open the raw TCP connection a PostgreSQL driver needs',
    });
    expect(seen.sync).toBe('Error: chromium: a browser page has no file system');
    expect(seen.async).toBe('Error: chromium: a browser page has no file system');
    expect(seen.sqlite).toBe('undefined');
  });

  it('serves GET /?delay= after the delay, and blockingGet gets it while the page is blocked', async () => {
    const seen = await inPage(async (p) => {
      const server = await p.startHttpServer();
      try {
        const response = await fetch(`${server.url}/?delay=20`);
        const body = await response.arrayBuffer();
        const start = performance.now();
        const blocking = p.blockingGet(`${server.url}/?delay=30`);
        const blockedMs = performance.now() - start;
        let refused = '';
        try {
          p.blockingGet('http://127.0.0.1:1/');
        } catch (error) {
          refused = String(error);
        }
        return {
          url: server.url,
          status: response.status,
          bytes: body.byteLength,
          blocking,
          blockedMs,
          refused,
        };
      } finally {
        await server.close();
      }
    });
    expect(seen.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(seen).toMatchObject({ status: 200, bytes: 64, blocking: { status: 200, bytes: 64 } });
    expect(seen.blockedMs).toBeGreaterThanOrEqual(25);
    expect(seen.refused).toMatch(/blockingGet http:\/\/127\.0\.0\.1:1\//);
  });

  it('real input events arrive while the page is blocked, stamped by the browser, handled after the block', async () => {
    const seen = await inPage(async (p) => {
      const events: { sentAt: number; handledAt: number }[] = [];
      const stream = await p.startInputEvents!(5, (sentAt, handledAt) => events.push({ sentAt, handledAt }));
      await new Promise((resolve) => setTimeout(resolve, 30));
      const blockStart = stream.now();
      p.blockingSleep(80);
      const blockEnd = stream.now();
      await new Promise((resolve) => setTimeout(resolve, 30));
      const { sent, eventTiming } = await stream.stop();
      return { source: stream.source, events, sent, eventTiming: eventTiming ?? [], blockStart, blockEnd };
    });
    expect(seen.source).toBe('dom-input');
    expect(seen.sent).toBe(seen.events.length);
    const duringBlock = seen.events.filter((e) => e.sentAt >= seen.blockStart && e.sentAt <= seen.blockEnd);
    expect(duringBlock.length).toBeGreaterThanOrEqual(2);
    for (const e of duringBlock) expect(e.handledAt).toBeGreaterThanOrEqual(seen.blockEnd);
    for (const e of seen.events) expect(e.handledAt - e.sentAt).toBeGreaterThanOrEqual(0);
    // The browser's own account (Event Timing, events of 16 ms or more) sees the held-back events
    // too: at least one started in the block and was processed only after it.
    const held = seen.eventTiming.filter(
      (e) => e.startTime >= seen.blockStart && e.startTime <= seen.blockEnd,
    );
    expect(held.length).toBeGreaterThan(0);
    for (const e of held) expect(e.processingStart).toBeGreaterThanOrEqual(seen.blockEnd - 1);
  });

  it('yielders are setTimeout(0), MessageChannel and scheduler.yield(), and each lets waiting input in', async () => {
    const seen = await inPage(async (p) => {
      const out: Record<string, boolean> = {};
      let handled = 0;
      const stream = await p.startInputEvents!(2, () => handled++);
      try {
        for (const [name, yieldNow] of Object.entries(p.yielders ?? {})) {
          p.blockingSleep(20);
          const before = handled;
          const deadline = performance.now() + 1_000;
          while (handled === before && performance.now() < deadline) await yieldNow();
          out[name] = handled > before;
        }
      } finally {
        await stream.stop();
      }
      return out;
    });
    expect(seen).toEqual({ 'setTimeout(0)': true, MessageChannel: true, 'scheduler.yield()': true });
  });

  it('sees the driver’s ASYNCBENCH_* variables only, JS heap figures and gc()', async () => {
    const seen = await inPage((p) => ({
      mine: p.env('ASYNCBENCH_ADAPTER_TEST'),
      home: p.env('HOME'),
      memory: p.memoryUsage(),
      gc: typeof p.gc,
    }));
    expect(seen).toMatchObject({ mine: 'yes', home: undefined, gc: 'function' });
    expect(seen.memory.heapUsed).toBeGreaterThan(0);
    expect(seen.memory.rss).toBe(0);
  });

  it('loads the shared scenarios.js with stubs for the node:* modules, which fail loudly when used', async () => {
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const seen = await driver.page.evaluate(`import('node:net').then((net) => {
      try {
        net.default.connect(5432);
        return 'connected';
      } catch (error) {
        return String(error);
      }
    })`);
    expect(seen).toBe('Error: node:net is not available in a browser page');
  });
});
