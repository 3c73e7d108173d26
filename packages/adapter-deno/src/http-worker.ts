/** Deno.serve on its own worker, so a main thread blocked in blockingGet is still answered. */
import { BODY, delayOf } from '@asyncbench/harness/adapter-kit';

const server = Deno.serve(
  { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => self.postMessage({ port }) },
  async (request) => {
    // setTimeout, never a blocking wait: many requests are delayed at once.
    const delay = delayOf(request.url);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return new Response(BODY, { headers: { 'content-type': 'text/plain' } });
  },
);

self.onmessage = async (event: MessageEvent<string>) => {
  if (event.data !== 'close') return;
  await server.shutdown();
  self.postMessage('closed');
};
