/** node:http server on its own thread, so a main thread blocked in blockingGet is still answered. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { BODY, delayOf } from '@asyncbench/harness/adapter-kit';

const server = createServer({ keepAlive: true }, (request, response) => {
  const answer = () => {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
    response.end(BODY);
  };
  // delay 0 answers at once: setTimeout(0) would add Node's 1 ms minimum to the raw request rate.
  // Otherwise setTimeout, never a blocking wait: many requests are delayed at once.
  const delay = delayOf(request.url ?? '/');
  if (delay > 0) setTimeout(answer, delay);
  else answer();
});

// A deep backlog: concurrent scenarios open hundreds of connections in one burst.
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  parentPort!.postMessage({ port: (server.address() as AddressInfo).port });
});

parentPort!.on('message', (message: string) => {
  if (message !== 'close') return;
  server.closeAllConnections();
  server.close(() => parentPort!.postMessage('closed'));
});
