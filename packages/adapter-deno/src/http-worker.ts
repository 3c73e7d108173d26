/** Deno.serve on its own worker, so a main thread blocked in blockingGet is still answered. */
import { BODY, delayOf } from '@asyncbench/harness/adapter-kit';

const headers = { 'content-type': 'text/plain' };
const answer = () => new Response(BODY, { headers });

const server = Deno.serve(
  { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => self.postMessage({ port }) },
  (request) => {
    // A Response at once when there is no delay: an async handler would add a promise per request
    // to the raw rate. Otherwise setTimeout, never a blocking wait: many requests are delayed at once.
    const delay = delayOf(request.url);
    if (delay > 0) return new Promise((resolve) => setTimeout(resolve, delay)).then(answer);
    return answer();
  },
);

self.onmessage = async (event: MessageEvent<string>) => {
  if (event.data !== 'close') return;
  await server.shutdown();
  self.postMessage('closed');
};
