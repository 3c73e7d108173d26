/**
 * What an adapter supplies so that scenario code never touches a runtime global.
 * Each adapter (packages/adapter-*) implements this with its runtime's own APIs.
 */

import type { AdapterRuntime, DriverInfo, Requirement } from '@asyncbench/results/schema';

export type { DriverInfo };

/** The runtimes asyncbench knows how to drive (the results schema's list, ADAPTER_RUNTIMES). */
export type RuntimeName = AdapterRuntime;

/** A native HTTP server of the runtime, answering on 127.0.0.1. */
export interface HttpTarget {
  /** Base URL, e.g. `http://127.0.0.1:41234`. `GET /?delay=<ms>` answers 200 with a small body after ms. */
  readonly url: string;
  /** Stops the server and whatever thread it runs on. */
  close(): Promise<void>;
}

/** Memory figures in bytes. */
export interface MemoryUsage {
  /** Resident set size of the process; 0 where the runtime cannot see it (a browser page). */
  rss: number;
  heapUsed: number;
}

/**
 * How input events reach the measured thread: `worker-message` (a worker thread posts a message
 * every interval), `dom-input` (the browser dispatches real keyboard and mouse events to the page).
 */
export type InputSource = 'worker-message' | 'dom-input';

/** One Event Timing API entry (PerformanceEventTiming), on the stream's clock, ms. */
export interface EventTimingEntry {
  /** The event's timeStamp. */
  startTime: number;
  /** When its first handler started. */
  processingStart: number;
  /** From startTime to the next paint after its handlers ran, rounded to 8 ms by the browser. */
  duration: number;
}

/** A running stream of input events (Platform.startInputEvents). */
export interface InputStream {
  readonly source: InputSource;
  /** A reading of the clock that sentAtMs and handledAtMs are on, ms. */
  now(): number;
  /**
   * Stops sending. Resolves once every event sent has reached onInput, with how many were sent
   * and, in a browser, the Event Timing API entries (those of at least 16 ms) seen meanwhile.
   */
  stop(): Promise<{ sent: number; eventTiming?: EventTimingEntry[] }>;
}

/** A synchronous SQLite handle (bun:sqlite, node:sqlite or better-sqlite3 underneath). */
export interface SqliteDb {
  exec(sql: string): void;
  run(sql: string, params?: readonly unknown[]): void;
  all(sql: string, params?: readonly unknown[]): unknown[];
  close(): void;
}

/** One statement with its parameters, for AsyncSqliteDb.transaction. */
export interface SqlStatement {
  sql: string;
  params?: readonly unknown[];
}

/**
 * An asynchronous SQLite handle: a small pool of worker threads, each with its own connection to the
 * same file (WAL mode), so queries run off the main thread and several can be in flight at once.
 */
export interface AsyncSqliteDb {
  /** Number of connections (worker threads) in the pool. */
  readonly size: number;
  exec(sql: string): Promise<void>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  all(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /** Runs the statements in one transaction (BEGIN IMMEDIATE ... COMMIT) on one connection. */
  transaction(statements: readonly SqlStatement[]): Promise<void>;
  /** Closes every connection and stops the workers. */
  close(): Promise<void>;
}

export interface Platform {
  /** Which runtime this is. */
  readonly runtime: RuntimeName;
  /** The runtime's exact version, e.g. `20.20.2`. */
  readonly version: string;
  /**
   * What this platform cannot provide of what scenarios may require, each with the reason
   * (`files: 'a browser page has no file system'`). runMain answers a scenario requiring one with a
   * `skipped` line carrying the reason. Absent: nothing lacking.
   */
  readonly lacks?: Readonly<Partial<Record<Requirement, string>>>;
  /**
   * Blocks the thread for ms: the `time.sleep` of the blocking mode. Atomics.wait where the
   * runtime allows it on this thread; a busy-wait where it does not (a browser's main thread).
   */
  blockingSleep(ms: number): void;
  /**
   * Ways to give the thread back to the event loop, by name (`setTimeout(0)`, `setImmediate`,
   * `MessageChannel`, `scheduler.yield()`), as this runtime has them: each resolves in a later
   * task, so waiting tasks, input among them, can run first. How soon input really gets in differs
   * by runtime and method (the responsiveness scenario measures it). Detected by feature
   * (adapter-kit's detectYielders), never by runtime name.
   */
  readonly yielders?: Readonly<Record<string, () => Promise<void>>>;
  /**
   * Starts a steady stream of input events from outside this thread, one every intervalMs: the
   * arrival times do not depend on this thread, so a blocked thread shows as input delay. For each
   * event, onInput gets when it was sent and when this thread handled it, both on the stream's
   * clock (shared across threads: performance.timeOrigin + performance.now(), or the page's clock
   * for DOM events, whose event.timeStamp is on it).
   */
  startInputEvents?(
    intervalMs: number,
    onInput: (sentAtMs: number, handledAtMs: number) => void,
  ): Promise<InputStream>;
  /** Reads a whole file, blocking the thread. */
  readFileSync(path: string): Uint8Array;
  /** Reads a whole file without blocking. */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a whole file (scenario setup). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Creates a fresh temporary directory and returns its path. */
  makeTempDir(prefix: string): Promise<string>;
  /** Removes a directory and everything in it. */
  removeDir(path: string): Promise<void>;
  /**
   * Starts the runtime's native HTTP server (node:http, Deno.serve, Bun.serve) on 127.0.0.1 and a
   * free port, on its own worker thread so that a blocked main thread can still be answered.
   */
  startHttpServer(): Promise<HttpTarget>;
  /** A GET that blocks the calling thread until the whole body has arrived. */
  blockingGet(url: string): { status: number; bytes: number };
  /** Current memory figures. */
  memoryUsage(): MemoryUsage;
  /** Forces a garbage collection where the runtime exposes one. */
  gc?: () => void;
  /** Reads an environment variable (e.g. ASYNCBENCH_PG_URL); undefined when unset. */
  env(name: string): string | undefined;
  /** Opens (creating) a SQLite database file with the runtime's own driver. */
  openSqlite?: (path: string) => SqliteDb;
  /** Opens a SQLite file through `connections` worker threads (see AsyncSqliteDb). */
  openSqliteAsync?: (path: string, connections: number) => Promise<AsyncSqliteDb>;
  /**
   * Which SQLite driver openSqlite uses and the SQLite library's version (`select sqlite_version()`),
   * recorded with every result of a scenario that requires 'sqlite'. Throws when there is no driver.
   */
  sqliteDriver?: () => DriverInfo;
}
