/**
 * The driver's two kinds of local server, both on 127.0.0.1 and a free port:
 * - the page server: page.html and the bundles beside it (page.js, scenarios.js or a user bundle), sent with the
 *   headers that make the page cross-origin isolated (COOP same-origin, COEP require-corp), so
 *   performance.now() keeps its 5 µs resolution instead of 100 µs. scenarios.js is the very file
 *   the other runtimes run, so it imports node:* modules (the PostgreSQL driver of db-pg, which
 *   only uses them once it connects); an import map points each at a stub that throws on use,
 *   so the module loads in the page and a scenario reaching for Node fails with a clear message;
 * - HTTP targets for Platform.startHttpServer: `GET /?delay=<ms>` answered after ms, as every
 *   adapter's, with CORS so the page (another origin: another port) may read the answer. They run
 *   in the driver's process, so a page whose main thread is blocked is still answered.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BODY, delayOf } from '@asyncbench/harness/adapter-kit';

/** The names each `node:*` module is imported with in `code` (esbuild's output): `default`, named ones. */
export function nodeImports(code: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const match of code.matchAll(/^import\s+(?:(.+?)\s+from\s+)?["'](node:[\w/]+)["'];?$/gm)) {
    const names = found.get(match[2]!) ?? new Set<string>();
    found.set(match[2]!, names);
    const clause = match[1]?.trim() ?? '';
    const braces = /\{([^}]*)\}/.exec(clause);
    for (const part of braces?.[1]?.split(',') ?? []) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
    if (/^[\w$]+/.test(clause.replace(/^\*.*$/, ''))) names.add('default');
  }
  return found;
}

/** A module standing in for `specifier` that exports `names`, each throwing as soon as it is used. */
export function stubModule(specifier: string, names: ReadonlySet<string>): string {
  const lines = [
    `const fail = () => { throw new Error('${specifier} is not available in a browser page'); };`,
    'const stub = new Proxy(fail, { get: fail, apply: fail, construct: fail });',
  ];
  for (const name of names)
    lines.push(name === 'default' ? 'export default stub;' : `export const ${name} = stub;`);
  return `${lines.join('\n')}\n`;
}

/** page.html: the import map for the node:* stubs, then the page's entry. */
export function pageHtml(stubs: ReadonlyMap<string, string>): string {
  const imports = Object.fromEntries([...stubs.keys()].map((specifier) => [specifier, stubPath(specifier)]));
  return `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>asyncbench</title>
<link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script>
<body style="margin:0;height:100vh">
<script type="module" src="./page.js"></script>
</body>
</html>
`;
}

const stubPath = (specifier: string) => `/node-stubs/${specifier.slice('node:'.length)}.js`;

const JS = 'text/javascript; charset=utf-8';

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A deep backlog: concurrent scenarios open many connections in one burst.
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves page.html at /, page.js from `dir`, and as /scenarios.js the scenario module: `dir`'s own
 * scenarios.js (the catalogue) or `scenariosFile`, a bundle of users' benchmark files the CLI built
 * (it exports the same names). A stub for each node:* module the scenario module imports.
 */
export async function startPageServer(
  dir: string,
  scenariosFile = join(dir, 'scenarios.js'),
): Promise<LocalServer> {
  const scenarios = await readFile(scenariosFile, 'utf8');
  const stubs = new Map(
    [...nodeImports(scenarios)].map(([specifier, names]) => [specifier, stubModule(specifier, names)]),
  );
  const routes = new Map<string, { type: string; body: () => Promise<string | Buffer> }>([
    ['/', { type: 'text/html; charset=utf-8', body: async () => pageHtml(stubs) }],
    ['/page.js', { type: JS, body: () => readFile(join(dir, 'page.js')) }],
    ['/scenarios.js', { type: JS, body: async () => scenarios }],
    ...[...stubs].map(
      ([specifier, code]) => [stubPath(specifier), { type: JS, body: async () => code }] as const,
    ),
  ]);
  const server = createServer(async (request, response) => {
    const headers = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    };
    const route = routes.get(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!route) {
      response.writeHead(404, headers).end();
      return;
    }
    try {
      const body = await route.body();
      response.writeHead(200, { ...headers, 'content-type': route.type }).end(body);
    } catch {
      response.writeHead(500, headers).end();
    }
  });
  const url = await listen(server);
  return { url, close: () => close(server) };
}

/** One HTTP target: BODY after ?delay= ms, readable cross-origin. */
export async function startHttpTarget(): Promise<LocalServer> {
  const server = createServer({ keepAlive: true }, (request, response) => {
    const answer = () => {
      response.writeHead(200, {
        'content-type': 'text/plain',
        'content-length': BODY.length,
        'access-control-allow-origin': '*',
      });
      response.end(BODY);
    };
    // As adapter-node's: delay 0 answers at once, never through setTimeout's 1 ms minimum.
    const delay = delayOf(request.url ?? '/');
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  });
  const url = await listen(server);
  return { url, close: () => close(server) };
}
