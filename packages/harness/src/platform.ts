/**
 * What an adapter supplies so that scenario code never touches a runtime global.
 * Each adapter (packages/adapter-*) implements this with its runtime's own APIs.
 */

import type { AdapterRuntime, DriverInfo } from '@asyncbench/results/schema';

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
  rss: number;
  heapUsed: number;
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
  /** Blocks the thread for ms (Atomics.wait): the `time.sleep` of the blocking mode. */
  blockingSleep(ms: number): void;
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
