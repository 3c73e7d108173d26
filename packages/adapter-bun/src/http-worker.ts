/** Bun.serve on its own worker, so a main thread blocked in blockingGet is still answered. */
import { BODY, delayOf } from '@asyncbench/harness/adapter-kit';

/** Bun's own typing for a Web Worker's global scope (bun-types recommends this declaration). */
declare var self: Worker;

const headers = { 'content-type': 'text/plain' };
const answer = () => new Response(BODY, { headers });

const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch(request) {
    // A Response at once when there is no delay: an async handler would add a promise per request
    // to the raw rate. Otherwise a timer, never a blocking wait: many requests are delayed at once.
    const delay = delayOf(request.url);
    if (delay > 0) return Bun.sleep(delay).then(answer);
    return answer();
  },
});
self.postMessage({ port: server.port });

self.onmessage = async (event: MessageEvent<string>) => {
  if (event.data !== 'close') return;
  await server.stop(true);
  self.postMessage('closed');
};
