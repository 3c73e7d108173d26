/**
 * The independent HTTP server of `npm run bench:crosscheck`: the runtime's own server (node:http,
 * Deno.serve, Bun.serve) in a process of its own, answering every request at once with the same
 * 64-byte body as asyncbench's server (or `bytes` bytes, e.g. 13 for "Hello, World!"), keep-alive.
 *
 *   <runtime> plain-server.mjs [bytes]
 *
 * Prints the port it listens on (127.0.0.1, a free port), then serves until killed.
 */
const [bytesArg = '64'] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const bytes = Number(bytesArg);
const body = bytes === 13 ? 'Hello, World!' : `${'asyncbench'.padEnd(bytes - 1, '.')}\n`;
const headers = { 'content-type': 'text/plain' };

if (globalThis.Bun) {
  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response(body, { headers }) });
  console.log(server.port);
} else if (globalThis.Deno) {
  Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(port) },
    () => new Response(body, { headers }),
  );
} else {
  const { createServer } = await import('node:http');
  const server = createServer({ keepAlive: true }, (_request, response) => {
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(body);
  });
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => console.log(server.address().port));
}
