/**
 * The independent HTTP client of `npm run bench:crosscheck`: plain fetch in a closed loop, nothing
 * from asyncbench. c loops each await one GET (body read to the end) after another; an untimed
 * warm-up of the same loop first. Runs unchanged on Node, Deno and Bun.
 *
 *   <runtime> plain-client.mjs <url> <concurrency> <seconds> <warmupSeconds>
 *
 * Prints one JSON line: {"requests": n, "ms": timed wall ms, "perSecond": n / s}.
 */
const [url, c, seconds, warmup] = globalThis.Deno ? Deno.args : process.argv.slice(2);

async function get() {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
}

async function loopFor(ms) {
  let requests = 0;
  const end = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < end) {
      await get();
      requests++;
    }
  };
  await Promise.all(Array.from({ length: Number(c) }, loop));
  return requests;
}

await loopFor(Number(warmup) * 1000);
const t0 = performance.now();
const requests = await loopFor(Number(seconds) * 1000);
const ms = performance.now() - t0;
console.log(JSON.stringify({ requests, ms, perSecond: (requests / ms) * 1000 }));
