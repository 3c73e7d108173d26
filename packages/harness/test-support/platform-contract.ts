/**
 * The Platform contract as a vitest suite: what every adapter's Platform must do, whatever the
 * runtime. Each adapter's platform.test.ts calls describePlatformContract and adds its own extras.
 * Test-only (imports vitest); web-standard APIs only, so the same suite runs on Node, Deno and Bun.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Platform, RuntimeName } from '../src/platform.ts';

export interface PlatformContractOptions {
  /** The runtime the platform must name. */
  runtime: RuntimeName;
  /** The exact version it must report (read by the caller from its runtime). */
  version: string;
  /** Sets an environment variable the runtime's own way, so `env` can be seen to read it. */
  setEnv(name: string, value: string): void;
}

/** `${dir}/${name}`: every runtime accepts '/' in paths, Windows included. */
const join = (dir: string, name: string) => `${dir}/${name}`;

/** Declares the `<runtime> platform` suite against the platform `getPlatform` returns. */
export function describePlatformContract(
  getPlatform: () => Platform,
  options: PlatformContractOptions,
): void {
  const { runtime, version, setEnv } = options;

  describe(`${runtime} platform`, () => {
    it('names the runtime and its exact version', () => {
      const platform = getPlatform();
      expect(platform.runtime).toBe(runtime);
      expect(platform.version).toBe(version);
    });

    it('blockingSleep blocks the thread for about the time', () => {
      const start = performance.now();
      getPlatform().blockingSleep(50);
      const elapsed = performance.now() - start;
      expect(elapsed).toBeGreaterThanOrEqual(45);
      expect(elapsed).toBeLessThan(5_000);
    });

    describe('files', () => {
      let dir = '';
      afterAll(async () => {
        if (dir) await getPlatform().removeDir(dir);
      });

      it('round-trips bytes through writeFile, readFileSync and readFile', async () => {
        const platform = getPlatform();
        dir = await platform.makeTempDir(`asyncbench-${runtime}-`);
        const path = join(dir, 'data.bin');
        const data = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
        await platform.writeFile(path, data);
        expect(new Uint8Array(platform.readFileSync(path))).toEqual(data);
        expect(new Uint8Array(await platform.readFile(path))).toEqual(data);
      });

      it('removeDir removes the directory and its files', async () => {
        const platform = getPlatform();
        const other = await platform.makeTempDir(`asyncbench-${runtime}-`);
        await platform.writeFile(join(other, 'x'), new Uint8Array([1]));
        await platform.removeDir(other);
        await expect(platform.readFile(join(other, 'x'))).rejects.toThrow();
      });
    });

    describe('http', () => {
      it('serves GET /?delay= after the delay, and blockingGet gets it while this thread is blocked', async () => {
        const platform = getPlatform();
        const server = await platform.startHttpServer();
        try {
          expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
          const response = await fetch(`${server.url}/?delay=20`);
          expect(response.status).toBe(200);
          const body = await response.arrayBuffer();
          expect(body.byteLength).toBe(64);

          const start = performance.now();
          const result = platform.blockingGet(`${server.url}/?delay=30`);
          expect(result).toEqual({ status: 200, bytes: 64 });
          expect(performance.now() - start).toBeGreaterThanOrEqual(25);
          // The helper worker is reused.
          expect(platform.blockingGet(`${server.url}/?delay=0`)).toEqual({ status: 200, bytes: 64 });
        } finally {
          await server.close();
        }
      });

      it('blockingGet reports a refused connection as an error', () => {
        expect(() => getPlatform().blockingGet('http://127.0.0.1:1/')).toThrow(/blockingGet/);
      });
    });

    it('opens SQLite and round-trips rows', async () => {
      const platform = getPlatform();
      const dir = await platform.makeTempDir('asyncbench-sqlite-');
      try {
        const db = platform.openSqlite!(join(dir, 'test.db'));
        db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
        db.run('INSERT INTO t (id, name) VALUES (?, ?)', [1, 'one']);
        db.run('INSERT INTO t (id, name) VALUES (?, ?)', [2, 'two']);
        expect(db.all('SELECT id, name FROM t WHERE id > ? ORDER BY id', [0])).toEqual([
          { id: 1, name: 'one' },
          { id: 2, name: 'two' },
        ]);
        db.close();
      } finally {
        await platform.removeDir(dir);
      }
    });

    it('sqliteDriver names the driver and the SQLite version it runs', () => {
      const driver = getPlatform().sqliteDriver!();
      expect(driver.name).toMatch(/^(node:sqlite|bun:sqlite|better-sqlite3 \d+\.\d+\.\d+)$/);
      expect(driver.engine).toMatch(/^SQLite 3\.\d+\.\d+$/);
    });

    it('openSqliteAsync runs queries on worker threads, transactions included', async () => {
      const platform = getPlatform();
      const dir = await platform.makeTempDir('asyncbench-sqlite-async-');
      try {
        const db = await platform.openSqliteAsync!(join(dir, 'test.db'), 2);
        expect(db.size).toBe(2);
        await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
        await db.transaction([
          { sql: 'INSERT INTO t (id, name) VALUES (?, ?)', params: [1, 'one'] },
          { sql: 'INSERT INTO t (id, name) VALUES (?, ?)', params: [2, 'two'] },
        ]);
        await db.run('INSERT INTO t (id, name) VALUES (?, ?)', [3, 'three']);
        const counts = await Promise.all([1, 2, 3, 4].map(() => db.all('SELECT count(*) AS n FROM t')));
        expect(counts).toEqual(Array.from({ length: 4 }, () => [{ n: 3 }]));
        await expect(db.all('SELECT nope FROM t')).rejects.toThrow();
        await db.close();
      } finally {
        await platform.removeDir(dir);
      }
    });

    describe('input events', () => {
      /** Starts a stream that records every event; `stop` returns them with the count sent. */
      async function record(intervalMs: number) {
        const events: { sentAt: number; handledAt: number }[] = [];
        const stream = await getPlatform().startInputEvents!(intervalMs, (sentAt, handledAt) =>
          events.push({ sentAt, handledAt }),
        );
        return { events, stream };
      }

      it('arrive from another thread while this one is blocked, stamped on a clock both share', async () => {
        const { events, stream } = await record(5);
        const opened = stream.now();
        await new Promise((resolve) => setTimeout(resolve, 30));
        const blockStart = stream.now();
        getPlatform().blockingSleep(60);
        const blockEnd = stream.now();
        await new Promise((resolve) => setTimeout(resolve, 30));
        const { sent } = await stream.stop();
        const closed = stream.now();

        expect(sent).toBe(events.length);
        // Sent while this thread slept: the sender does not depend on it...
        const duringBlock = events.filter((e) => e.sentAt >= blockStart && e.sentAt <= blockEnd);
        expect(duringBlock.length).toBeGreaterThanOrEqual(2);
        // ...and handled only once it woke up.
        for (const e of duringBlock) expect(e.handledAt).toBeGreaterThanOrEqual(blockEnd);
        // One clock: no event is sent after the stream closed, none is handled before it was sent
        // (0.1 ms for the two threads' clock readings), and the sender keeps to its schedule rather
        // than catching up in a burst after a late tick.
        for (const e of events) {
          expect(e.sentAt).toBeLessThanOrEqual(closed);
          expect(e.handledAt - e.sentAt).toBeGreaterThanOrEqual(-0.1);
        }
        // At most one tick per 5 ms slot: n events span at least (n - 1) slots, give or take a
        // late first tick (one slot); a catch-up burst after the 60 ms block would add about 12.
        const span = events.at(-1)!.sentAt - events[0]!.sentAt;
        expect(events.length).toBeLessThanOrEqual(span / 5 + 3);
        expect(opened).toBeLessThan(blockStart);
      });

      it('a stopped stream sends nothing more', async () => {
        const { events, stream } = await record(2);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { sent } = await stream.stop();
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(events.length).toBe(sent);
      });
    });

    it('yielders include setTimeout(0), and each lets waiting input in', async () => {
      const platform = getPlatform();
      const yielders = Object.entries(platform.yielders ?? {});
      expect(yielders.map(([name]) => name)).toContain('setTimeout(0)');
      let handled = 0;
      const stream = await platform.startInputEvents!(2, () => handled++);
      try {
        for (const [name, yieldNow] of yielders) {
          // Events pile up while the thread is blocked; a real yield lets them be handled. How many
          // yields that takes differs (Deno's setImmediate and MessageChannel can run dozens before a
          // worker's message gets in), so the bound is time, not a count: a microtask would never do.
          platform.blockingSleep(20);
          const before = handled;
          const deadline = performance.now() + 1_000;
          while (handled === before && performance.now() < deadline) await yieldNow();
          expect(handled, `${name} let no input event in within 1 s`).toBeGreaterThan(before);
        }
      } finally {
        await stream.stop();
      }
    });

    it('reads the environment and memory figures', () => {
      const platform = getPlatform();
      setEnv('ASYNCBENCH_ADAPTER_TEST', 'yes');
      expect(platform.env('ASYNCBENCH_ADAPTER_TEST')).toBe('yes');
      expect(platform.env('ASYNCBENCH_SURELY_UNSET_VARIABLE')).toBeUndefined();
      const memory = platform.memoryUsage();
      expect(memory.rss).toBeGreaterThan(0);
      expect(memory.heapUsed).toBeGreaterThan(0);
    });
  });
}
