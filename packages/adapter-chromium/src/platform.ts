/**
 * Platform in a Chromium page: web APIs, plus what only the driver can do (HTTP servers) through
 * the functions it exposes. A page has no file system, no SQLite and no raw sockets (so no
 * PostgreSQL driver): those are declared lacking, and scenarios that require them are skipped
 * with the reason.
 */
import type { HttpTarget, Platform } from '@asyncbench/harness';
import { detectYielders } from '@asyncbench/harness/adapter-kit';
import { BRIDGE, CONFIG_GLOBAL, type PageConfig } from './bridge.ts';
import { startPageInput } from './page-input.ts';

type Bridge = {
  [BRIDGE.httpStart]: () => Promise<string>;
  [BRIDGE.httpStop]: (url: string) => Promise<void>;
};

const bridge = globalThis as unknown as Bridge;
const config = (globalThis as unknown as Record<string, PageConfig>)[CONFIG_GLOBAL]!;

const NO_FILES = 'a browser page has no file system';
const noFiles = (): never => {
  throw new Error(`chromium: ${NO_FILES}`);
};

/**
 * Atomics.wait throws on a browser's main thread ("cannot be called in this context"), so the
 * blocking sleep spins on performance.now() instead. That is what a blocked UI thread is: busy,
 * unable to run input handlers, timers or rendering until it returns. It costs a CPU core, as
 * Atomics.wait does not; on the other runtimes the blocking sleep leaves the core idle.
 */
function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Spin: the point is to hold the thread.
  }
}

/**
 * A GET that blocks the page's main thread: a synchronous XMLHttpRequest (deprecated on the main
 * thread, still supported, and the only blocking network call a page has). Cross-origin to the
 * driver's HTTP target, which allows it with CORS. Synchronous requests cannot ask for bytes, so
 * the body is read as text and measured in UTF-8 (the body is ASCII).
 */
function blockingGet(url: string): { status: number; bytes: number } {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  try {
    request.send();
  } catch (error) {
    throw new Error(`blockingGet ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (request.status === 0) throw new Error(`blockingGet ${url}: network error`);
  return { status: request.status, bytes: new TextEncoder().encode(request.responseText).length };
}

async function startHttpServer(): Promise<HttpTarget> {
  const url = await bridge[BRIDGE.httpStart]();
  return { url, close: () => bridge[BRIDGE.httpStop](url) };
}

/** Chromium's performance.memory (exact with --enable-precise-memory-info); a page has no RSS. */
function memoryUsage() {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return { rss: 0, heapUsed: memory?.usedJSHeapSize ?? 0 };
}

const gc = (globalThis as { gc?: () => void }).gc;

export const platform: Platform = {
  runtime: 'chromium',
  version: config.version,
  lacks: {
    files: NO_FILES,
    sqlite: 'a browser page has no SQLite driver',
    postgres: 'a browser page cannot open the raw TCP connection a PostgreSQL driver needs',
  },
  blockingSleep: busyWait,
  yielders: detectYielders(),
  startInputEvents: startPageInput,
  readFileSync: noFiles,
  readFile: async () => noFiles(),
  writeFile: async () => noFiles(),
  makeTempDir: async () => noFiles(),
  removeDir: async () => noFiles(),
  startHttpServer,
  blockingGet,
  memoryUsage,
  // Only with --js-flags=--expose-gc, which the driver passes.
  ...(typeof gc === 'function' ? { gc: () => gc() } : {}),
  env: (name) => config.env[name],
};
