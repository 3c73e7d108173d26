/**
 * `http` and `http-raw`: N GET requests to the runtime's own HTTP server (on a worker thread,
 * 127.0.0.1 only). In `http` the server answers after d ms: blocking GETs and awaited fetches one
 * at a time both take about N*d; c loops of plain fetch, or an HttpSession keeping c in flight,
 * about d*ceil(N/c). In `http-raw` it answers at once, so the client's own cost per request is all
 * there is. Two scenarios, not one, so each compares its modes on the same N and the same d.
 */
import { gather, HttpSession } from '@asyncbench/core';
import type { HttpTarget, Platform, WorkloadCase, WorkloadContext } from '@asyncbench/harness';
import { defineScenario } from '@asyncbench/harness';
import { COUNT, MILLISECONDS, times } from './support.ts';

export type HttpParams = {
  /** N: requests per case. */
  requests: number;
  /** d: the server's delay per request, ms. */
  delayMs: number;
  /** c: the session's limit on requests in flight. */
  concurrency: number;
};

export type HttpRawParams = {
  /** N: requests per case. */
  requests: number;
  /** c: the session's limit on requests in flight. */
  concurrency: number;
};

/** A failed request must fail the case, not be counted as a fast unit. */
function check(status: number, url: string): void {
  if (status !== 200) throw new Error(`http: GET ${url} answered ${status}`);
}

/** One awaited fetch, body read to the end (a request is not done until its body is). */
async function fetchOne(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  check(response.status, url);
}

/**
 * N requests through one HttpSession limited to c requests in flight, every request timed. text()
 * holds its slot until the body has arrived, so c bounds whole exchanges, not just headers; a
 * non-2xx answer rejects with HttpError, which fails the case.
 */
async function sessionRun(ctx: WorkloadContext, server: HttpTarget, n: number, c: number, d: number) {
  const session = new HttpSession({ baseUrl: server.url, concurrency: c });
  const path = `/?delay=${d}`;
  try {
    // Latency includes any wait for one of the c slots: the session hides its queue from callers.
    await gather(times(n, () => ctx.time(() => session.text(path))));
  } finally {
    session.close();
  }
}

/**
 * N requests by c loops that each await one plain fetch() after another: the same closed loop a
 * 20-line client would write, with nothing of core in it. The baseline the session is compared
 * with, and what `npm run bench:crosscheck` holds against an independent plain client.
 */
async function fetchLoopsRun(ctx: WorkloadContext, url: string, n: number, c: number) {
  let started = 0;
  const loop = async () => {
    while (started < n) {
      started++;
      await ctx.time(() => fetchOne(url));
    }
  };
  await Promise.all(times(Math.min(c, n), loop));
}

/**
 * Starts the server and sends one untimed request each way, so the first timed unit does not pay
 * for the blocking-GET helper thread, the connection pool or the JIT warming up.
 */
async function warmServer(platform: Platform, d: number): Promise<HttpTarget> {
  const target = await platform.startHttpServer();
  const url = `${target.url}/?delay=${d}`;
  try {
    check(platform.blockingGet(url).status, url);
    await fetchOne(url);
  } catch (err) {
    await target.close();
    throw err;
  }
  return target;
}

/**
 * Where client and server run, recorded with every HTTP result. Measured (issue 9): a server of
 * the same runtime in a process of its own gave the same client rate within noise, so the worker
 * thread is kept; it is also what lets a main thread blocked in a blocking GET be answered. On
 * Deno (plain-client.mjs's loop, c=25, 3 s, alternating, load ~1.9): 41.3k, 39.2k, 42.7k
 * requests/s against plain-server.mjs in its own process, 42.4k, 42.3k, 42.0k against the same
 * server as a Web Worker of the client's process. Deno's 0.82 in the crosscheck was the warm-up
 * ending early, not the arrangement (CLIENT_WARMUP_MS).
 */
export const HTTP_ARRANGEMENT =
  'client on the main thread (fetch; blocking mode: a GET through a helper worker while the main ' +
  'thread waits); server: the runtime’s own HTTP server (node:http, Deno.serve, Bun.serve) on a ' +
  'worker thread of the same process, 127.0.0.1, keep-alive, 64-byte body';

/**
 * Warm-up every HTTP case gets at least (ms), unless it is at its physical limit sooner: a client's
 * fetch path speeds up in steps, and a flat stretch between them looks like steady state to the
 * plateau rule. Deno's raw-fetch-loops (c=25) ran ~25k requests/s in its first 0.25 s, ~35k until
 * ~0.75 s, ~43k from 1 s on (scripts/crosscheck/http-ramp.ts); the default profile's warm-up ended
 * at ~0.35 s on the flat stretch and timed 35k, 0.82 of the plain client. Node's fetch also needs
 * about a second (harness profiles.ts).
 */
export const CLIENT_WARMUP_MS = 1000;

/** The ways to send n requests the server answers after d ms (d = 0: at once). */
export function requestCases(prefix: string, n: number, d: number, c: number): WorkloadCase<HttpTarget>[] {
  const delay = d > 0 ? `server delay ${d} ms` : 'no server delay';
  // Each case starts its own server and closes it: cases stay independent, and setup is not timed.
  const base = {
    kind: 'workload',
    units: n,
    // An ideal of 0 ms would make efficiency 0 whatever happened: with no delay there is no ideal.
    unitMs: d > 0 ? d : null,
    arrangement: HTTP_ARRANGEMENT,
    minWarmupMs: CLIENT_WARMUP_MS,
    setup: (platform: Platform) => warmServer(platform, d),
    teardown: (target: HttpTarget) => target.close(),
  } as const;
  return [
    {
      ...base,
      id: `${prefix}-blocking`,
      label: `blocking GET in a loop, ${delay}`,
      mode: 'blocking',
      variant: 'loop',
      concurrency: 1,
      async run(ctx, target) {
        const url = `${target.url}/?delay=${d}`;
        for (let i = 0; i < n; i++) check(ctx.timeSync(() => ctx.platform.blockingGet(url)).status, url);
      },
    },
    {
      ...base,
      id: `${prefix}-sequential`,
      label: `await fetch() in a loop, ${delay}`,
      mode: 'sequential',
      variant: 'loop',
      concurrency: 1,
      async run(ctx, target) {
        const url = `${target.url}/?delay=${d}`;
        for (let i = 0; i < n; i++) await ctx.time(() => fetchOne(url));
      },
    },
    {
      ...base,
      id: `${prefix}-fetch-loops`,
      label: `${c} loops each awaiting fetch() in turn (baseline), ${delay}`,
      mode: 'concurrent',
      variant: 'native',
      concurrency: c,
      run: (ctx, target) => fetchLoopsRun(ctx, `${target.url}/?delay=${d}`, n, c),
    },
    {
      ...base,
      id: `${prefix}-session`,
      label: `HttpSession with ${c} in flight, ${delay}`,
      mode: 'concurrent',
      variant: 'session',
      concurrency: c,
      run: (ctx, target) => sessionRun(ctx, target, n, c, d),
    },
  ];
}

export const http = defineScenario<HttpParams>({
  id: 'http',
  label: 'HTTP: requests to a slow local server',
  description:
    'N GET requests to the runtime’s own HTTP server on 127.0.0.1, which answers each after d ms. ' +
    'Blocking GETs and awaited fetch() calls one at a time take about N*d; c loops of plain fetch(), or ' +
    'an HttpSession keeping c requests in flight, take about d*ceil(N/c): waiting on the network ' +
    'overlaps like any other wait.',
  // N*d near the profile's timed duration, so a blocking or sequential round runs once after one
  // warm-up round; the session's rounds (d*ceil(N/c)) repeat until the timed duration is reached.
  params: {
    quick: { requests: 40, delayMs: 5, concurrency: 10 },
    default: { requests: 100, delayMs: 5, concurrency: 25 },
    full: { requests: 150, delayMs: 10, concurrency: 50 },
  },
  paramRules: { requests: COUNT, delayMs: MILLISECONDS, concurrency: COUNT },
  modes: ['blocking', 'sequential', 'concurrent'],
  unit: { singular: 'request', plural: 'requests' },
  cases: (p) => requestCases('delay', p.requests, p.delayMs, p.concurrency),
});

export const httpRaw = defineScenario<HttpRawParams>({
  id: 'http-raw',
  label: 'HTTP: raw request rate',
  description:
    'N GET requests to the runtime’s own HTTP server on 127.0.0.1, answered at once: the cost of a ' +
    'request itself, blocking, awaited one at a time, by c plain fetch() loops, and through an ' +
    'HttpSession with c in flight. ' +
    'With no wait to overlap, concurrency helps only as far as the client and server can work in parallel.',
  // N per round: large against c, so the ramp-up and drain at each round's ends (fewer than c in
  // flight) weigh little beside the round's steady middle.
  params: {
    quick: { requests: 200, concurrency: 10 },
    default: { requests: 1000, concurrency: 25 },
    full: { requests: 2000, concurrency: 50 },
  },
  paramRules: { requests: COUNT, concurrency: COUNT },
  modes: ['blocking', 'sequential', 'concurrent'],
  unit: { singular: 'request', plural: 'requests' },
  cases: (p) => requestCases('raw', p.requests, 0, p.concurrency),
});
