/**
 * Test-only: a tiny HTTP server on 127.0.0.1 for the HttpSession tests, on whichever runtime runs
 * the suite (Deno.serve, Bun.serve, else node:http). Excluded from the build. The routes are
 * written once against a neutral request/answer shape.
 *
 * Routes: /text -> "hello"; /json -> {"ok":true}; /echo -> method, x-test header and body as
 * JSON; /status/<code> -> that status with a body; /hold -> answers only when release() is
 * called (counted in inFlight/maxInFlight).
 */

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

/** A running test server. */
export interface TestServer {
  /** Base URL, ending in a slash. */
  readonly url: string;
  /** /hold requests received and not yet answered. */
  readonly inFlight: number;
  /** The largest inFlight seen. */
  readonly maxInFlight: number;
  /** Answers up to n held requests (all by default), oldest first. */
  release(n?: number): void;
  /** Resolves once `count` held requests are waiting. */
  waitForHeld(count: number): Promise<void>;
  /** Answers held requests and stops the server. */
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with an ephemeral port. */
export async function startTestServer(): Promise<TestServer> {
  const held: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const heldWatchers: Array<() => void> = [];

  async function handle(
    method: string,
    path: string,
    header: (name: string) => string | null,
    body: string,
  ): Promise<Answer> {
    const json = (value: unknown, status = 200): Answer => ({
      status,
      body: JSON.stringify(value),
      contentType: 'application/json',
    });
    if (path === '/text') return { status: 200, body: 'hello', contentType: 'text/plain' };
    if (path === '/json') return json({ ok: true });
    if (path === '/echo')
      return json({ method, xTest: header('x-test'), session: header('x-session'), body });
    const status = /^\/status\/(\d{3})$/.exec(path);
    if (status)
      return { status: Number(status[1]), body: 'error body '.repeat(100), contentType: 'text/plain' };
    if (path === '/hold') {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => {
        held.push(resolve);
        for (const w of heldWatchers.splice(0)) w();
      });
      inFlight--;
      return { status: 200, body: 'released', contentType: 'text/plain' };
    }
    return { status: 404, body: 'no such route', contentType: 'text/plain' };
  }

  async function handleRequest(req: Request): Promise<Response> {
    const a = await handle(
      req.method,
      new URL(req.url).pathname,
      (n) => req.headers.get(n),
      await req.text(),
    );
    return new Response(a.body, { status: a.status, headers: { 'content-type': a.contentType } });
  }

  const g = globalThis as unknown as {
    Deno?: {
      serve(
        options: { port: number; hostname: string; onListen?: () => void },
        handler: (req: Request) => Promise<Response>,
      ): { addr: { port: number }; shutdown(): Promise<void> };
    };
    Bun?: {
      serve(options: { port: number; hostname: string; fetch: (req: Request) => Promise<Response> }): {
        port: number;
        stop(force?: boolean): void | Promise<void>;
      };
    };
  };

  let port: number;
  let stop: () => Promise<void>;
  if (g.Deno?.serve) {
    const server = g.Deno.serve({ port: 0, hostname: '127.0.0.1', onListen() {} }, handleRequest);
    port = server.addr.port;
    stop = () => server.shutdown();
  } else if (g.Bun?.serve) {
    const server = g.Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handleRequest });
    port = server.port;
    stop = async () => {
      await server.stop(true);
    };
  } else {
    ({ port, stop } = await startNodeServer(handle));
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    release(n = Number.POSITIVE_INFINITY) {
      for (let i = 0; i < n && held.length > 0; i++) held.shift()!();
    },
    async waitForHeld(count: number) {
      while (held.length < count) await new Promise<void>((resolve) => heldWatchers.push(resolve));
    },
    async close() {
      for (const r of held.splice(0)) r();
      await stop();
    },
  };
}

/** The slice of node:http this helper uses (core has no Node types). */
interface NodeHttp {
  createServer(
    handler: (
      req: AsyncIterable<Uint8Array> & {
        method?: string;
        url?: string;
        headers: Record<string, string | string[] | undefined>;
      },
      res: { writeHead(status: number, headers: Record<string, string>): void; end(body: string): void },
    ) => void,
  ): {
    listen(port: number, host: string, cb: () => void): void;
    address(): { port: number };
    close(cb: () => void): void;
    closeAllConnections?(): void;
  };
}

async function startNodeServer(
  handle: (
    method: string,
    path: string,
    header: (n: string) => string | null,
    body: string,
  ) => Promise<Answer>,
): Promise<{ port: number; stop: () => Promise<void> }> {
  // A variable specifier keeps TypeScript (and bundlers) from resolving a Node-only module.
  const specifier = 'node:http';
  const http = (await import(specifier)) as NodeHttp;
  const server = http.createServer((req, res) => {
    void (async () => {
      const chunks: Uint8Array[] = [];
      for await (const chunk of req) chunks.push(chunk);
      const body = new TextDecoder().decode(concat(chunks));
      const header = (n: string) => {
        const v = req.headers[n];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      };
      const a = await handle(req.method ?? 'GET', new URL(req.url ?? '/', 'http://x').pathname, header, body);
      res.writeHead(a.status, { 'content-type': a.contentType });
      res.end(a.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
