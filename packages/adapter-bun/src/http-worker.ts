/** Bun.serve on its own worker, so a main thread blocked in blockingGet is still answered. */
import { BODY, delayOf } from '@asyncbench/harness/adapter-kit';

/** Bun's own typing for a Web Worker's global scope (bun-types recommends this declaration). */
declare var self: Worker;

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  async fetch(request) {
    // setTimeout, never a blocking wait: many requests are delayed at once.
    const delay = delayOf(request.url);
    if (delay > 0) await Bun.sleep(delay);
    return new Response(BODY, { headers: { 'content-type': 'text/plain' } });
  },
});
self.postMessage({ port: server.port });

self.onmessage = async (event: MessageEvent<string>) => {
  if (event.data !== 'close') return;
  await server.stop(true);
  self.postMessage('closed');
};
