/**
 * `http`: N GET requests to the runtime's own HTTP server (on a worker thread, 127.0.0.1 only),
 * which answers after d ms. Blocking GETs and awaited fetches one at a time both take about N*d;
 * an HttpSession with c connections takes about d*ceil(N/c). The d = 0 cases show the raw request
 * rate, where the client's own cost is all there is.
 */
import { gather, HttpSession } from '@asyncbench/core';
import type { HttpTarget, Platform, WorkloadCase, WorkloadContext } from '@asyncbench/harness';
import { defineScenario } from '@asyncbench/harness';
import { times } from './support.ts';

export type HttpParams = {
  /** N: requests per delayed case. */
  requests: number;
  /** d: the server's delay per request, ms. */
  delayMs: number;
  /** c: the session's connection limit. */
  concurrency: number;
  /** Requests per raw (d = 0) case. */
  rawRequests: number;
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

export function httpCases(p: HttpParams): WorkloadCase<HttpTarget>[] {
  const { requests: n, delayMs: d, concurrency: c, rawRequests: raw } = p;
  // Each case starts its own server and closes it: cases stay independent, and setup is not timed.
  const server = {
    kind: 'workload',
    setup: (platform: Platform) => platform.startHttpServer(),
    teardown: (target: HttpTarget) => target.close(),
  } as const;
  return [
    {
      ...server,
      id: 'delay-blocking',
      label: `blocking GET in a loop, server delay ${d} ms`,
      mode: 'blocking',
      variant: 'loop',
      units: n,
      concurrency: 1,
      unitMs: d,
      async run(ctx, target) {
        const url = `${target.url}/?delay=${d}`;
        for (let i = 0; i < n; i++) check(ctx.timeSync(() => ctx.platform.blockingGet(url)).status, url);
      },
    },
    {
      ...server,
      id: 'delay-sequential',
      label: `await fetch() in a loop, server delay ${d} ms`,
      mode: 'sequential',
      variant: 'loop',
      units: n,
      concurrency: 1,
      unitMs: d,
      async run(ctx, target) {
        const url = `${target.url}/?delay=${d}`;
        for (let i = 0; i < n; i++) await ctx.time(() => fetchOne(url));
      },
    },
    {
      ...server,
      id: 'delay-session',
      label: `HttpSession with ${c} connections, server delay ${d} ms`,
      mode: 'concurrent',
      variant: 'session',
      units: n,
      concurrency: c,
      unitMs: d,
      run: (ctx, target) => sessionRun(ctx, target, n, c, d),
    },
    {
      ...server,
      id: 'raw-sequential',
      label: 'await fetch() in a loop, no server delay',
      mode: 'sequential',
      variant: 'loop',
      units: raw,
      concurrency: 1,
      // An ideal of 0 ms would make efficiency 0 whatever happened: with no delay there is no ideal.
      unitMs: null,
      async run(ctx, target) {
        const url = `${target.url}/?delay=0`;
        for (let i = 0; i < raw; i++) await ctx.time(() => fetchOne(url));
      },
    },
    {
      ...server,
      id: 'raw-session',
      label: `HttpSession with ${c} connections, no server delay`,
      mode: 'concurrent',
      variant: 'session',
      units: raw,
      concurrency: c,
      unitMs: null,
      run: (ctx, target) => sessionRun(ctx, target, raw, c, 0),
    },
  ];
}

export const http = defineScenario<HttpParams>({
  id: 'http',
  label: 'HTTP: requests to a local server',
  description:
    'N GET requests to the runtime’s own HTTP server on 127.0.0.1, which answers after d ms: blocking ' +
    'GETs and awaited fetch() calls one at a time (about N*d), then an HttpSession keeping c requests ' +
    'in flight (about d*ceil(N/c)). The no-delay cases measure the raw request rate.',
  params: {
    quick: { requests: 40, delayMs: 5, concurrency: 10, rawRequests: 50 },
    default: { requests: 150, delayMs: 5, concurrency: 25, rawRequests: 200 },
    full: { requests: 400, delayMs: 10, concurrency: 50, rawRequests: 1000 },
  },
  modes: ['blocking', 'sequential', 'concurrent'],
  cases: (params) => httpCases(params),
});
