/**
 * The third micro measurement of `npm run bench:crosscheck`: a hand-timed loop, nothing of
 * asyncbench or mitata. A plain `for (let i = 0; i < n; i++) f()` (or `await f()` when the op
 * returns a promise), compiled for this op alone with `new Function` (a unique source, so V8 shares
 * it with no other loop), run as a promise reaction like the micro runner's sync batches; n doubles
 * until a round takes ~100 ms, then 3 warm-up rounds and the median of 7 timed rounds. The same
 * loop as packages/harness/bench/one-op.ts's "hand" way.
 *
 * Returns { meanNs } (ns per op, the median round's mean).
 */
let loops = 0;

export async function handLoop(fn) {
  const first = fn();
  const isAsync = typeof first?.then === 'function';
  if (isAsync) await first;
  const AsyncFunction = (async () => {}).constructor;
  const body = `/* hand ${++loops} */ for (let i = 0; i < n; i++) ${isAsync ? 'await f();' : 'f();'}`;
  const loop = isAsync ? new AsyncFunction('f', 'n', body) : new Function('f', 'n', body);
  const round = (n) =>
    Promise.resolve().then(async () => {
      const t0 = performance.now();
      await loop(fn, n);
      return performance.now() - t0;
    });
  let n = 1000;
  while ((await round(n)) < 100) n *= 2;
  for (let i = 0; i < 3; i++) await round(n);
  const ns = [];
  for (let i = 0; i < 7; i++) ns.push(((await round(n)) * 1e6) / n);
  return { meanNs: ns.sort((a, b) => a - b)[3] };
}
