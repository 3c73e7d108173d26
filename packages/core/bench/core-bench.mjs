/**
 * One runtime's run of one of core's speed goals against its peers (not a test). Runtime-neutral
 * JavaScript: run it with node, deno or bun. Arguments: a JSON object of module URLs
 * ({ core, pLimit, henrygdQueue, fastq, pQueue, effect }) resolved by run-all.mjs, and the case
 * to run (queue, limit or gather). Each case runs in a fresh process of its own, so one case's
 * heap (Effect's fibers, 1M queued numbers) does not tilt the next case's garbage collection.
 * Prints one JSON line { runtime, version, cases: [case] } and leaves rendering to the caller.
 *
 * The cases, each the same work for every contestant:
 * - queue: 1,000,000 put/get pairs through one unbounded queue. A producer awaits every put of
 *   the numbers 0..n-1 while the consumer awaits n gets and sums them (the sum is checked).
 *   Contestants: core's Queue; a hand-written ring-buffer queue (baselines.mjs, the target's
 *   baseline); Effect's Queue.unbounded, driven as its docs show: a producer fiber
 *   (Effect.forkChild) doing Queue.offer, the main fiber doing Queue.take, run by
 *   Effect.runPromise (a reference: it pays for fibers, not a target).
 * - limit: 100,000 calls of one `async () => {}` job at concurrency 10, all submitted at once,
 *   then awaited with Promise.all of the per-call promises (the count is checked). Contestants,
 *   each used as its README shows: core's limit(10)(job); p-limit's pLimit(10)(job);
 *   @henrygd/queue's newQueue(10).add(job); fastq.promise(job, 10).push(i); p-queue's
 *   new PQueue({ concurrency: 10 }).add(job). Target: core at least as fast as the fastest peer.
 * - gather: 100,000 already-resolved promises collected in order; core's gather() against
 *   Promise.all on the same array shape (the length is checked).
 *
 * Each case also runs one contestant twice under two names (an A/A pair: the ring queue,
 * @henrygd/queue, Promise.all): the two should agree, and how far they differ is the noise floor
 * of that case's ratios on this machine at this moment. run-all.mjs judges the target against the
 * pair's pooled samples.
 *
 * Every round runs every contestant of a case once, in an order rotated each round so none
 * always goes first; a full garbage collection precedes each timed run where the runtime allows
 * it (node --expose-gc, deno --v8-flags=--expose-gc, Bun.gc), so one contestant's garbage is not
 * billed to the next. Reported: the median ops/s over the rounds, after one untimed warm-up run
 * of each contestant. Rounds per case: 15 for queue (a run is 50-150 ms and core sits within a
 * few percent of the ring queue, so the median needs the samples), 11 for limit (a run is
 * 20-700 ms), 21 for gather (a run is a few ms).
 */
import { RingQueue } from './baselines.mjs';

const [urlsArg, caseId] = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const urls = JSON.parse(urlsArg ?? '{}');
const CASES = ['queue', 'limit', 'gather'];
if (!CASES.includes(caseId)) {
  console.error(`core-bench: unknown case ${caseId} (expected one of ${CASES.join(', ')})`);
  globalThis.Deno ? globalThis.Deno.exit(2) : globalThis.process.exit(2);
}

function runtimeInfo() {
  if (globalThis.Bun) return { runtime: 'bun', version: globalThis.Bun.version };
  if (globalThis.Deno) return { runtime: 'deno', version: globalThis.Deno.version.deno };
  return { runtime: 'node', version: globalThis.process.versions.node };
}

/** Imports a module, or returns { error } so a missing piece skips only its contestant. */
async function tryImport(url) {
  if (!url) return { error: 'module not found' };
  try {
    return { mod: await import(url) };
  } catch (err) {
    return { error: String(err?.message ?? err).split('\n')[0] };
  }
}

function collectGarbage() {
  if (globalThis.Bun) globalThis.Bun.gc(true);
  else globalThis.gc?.();
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Runs each available contestant once untimed, then `rounds` timed rounds in rotating order.
 * contestants: [{ name, role, run?: () => Promise<void>, error? }]; returns them with opsPerSec.
 */
async function measure(ops, rounds, contestants) {
  const live = contestants.filter((c) => c.run);
  for (const c of live) await c.run();
  const samples = new Map(live.map((c) => [c, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < live.length; i++) {
      const c = live[(i + r) % live.length];
      collectGarbage();
      const t0 = performance.now();
      await c.run();
      const ms = performance.now() - t0;
      samples.get(c).push(ops / (ms / 1000));
    }
  }
  return contestants.map((c) => {
    const base = { name: c.name, role: c.role, ...(c.of ? { of: c.of } : {}) };
    return c.run
      ? { ...base, opsPerSec: median(samples.get(c)), samples: samples.get(c) }
      : { ...base, skipped: c.error };
  });
}

// --- the work, one function per contestant kind ---------------------------------------------

async function producerConsumer(q, n) {
  const producer = (async () => {
    for (let i = 0; i < n; i++) await q.put(i);
  })();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await q.get();
  await producer;
  if (sum !== (n * (n - 1)) / 2) throw new Error('queue lost items');
}

function effectProducerConsumer({ Effect, Queue, Fiber }, n) {
  const program = Effect.gen(function* () {
    const q = yield* Queue.unbounded();
    const producer = yield* Effect.forkChild(
      Effect.gen(function* () {
        for (let i = 0; i < n; i++) yield* Queue.offer(q, i);
      }),
    );
    let sum = 0;
    for (let i = 0; i < n; i++) sum += yield* Queue.take(q);
    yield* Fiber.join(producer);
    return sum;
  });
  return Effect.runPromise(program).then((sum) => {
    if (sum !== (n * (n - 1)) / 2) throw new Error('Effect queue lost items');
  });
}

const job = async () => {};

/** Submits n calls through `submit` (which returns the call's promise) and awaits them all. */
async function limited(submit, n) {
  const all = new Array(n);
  for (let i = 0; i < n; i++) all[i] = submit(i);
  const out = await Promise.all(all);
  if (out.length !== n) throw new Error('limiter lost calls');
}

function resolvedPromises(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = Promise.resolve(i);
  return ps;
}

async function checkedAll(collect, n) {
  const out = await collect(resolvedPromises(n));
  if (out.length !== n || out[n - 1] !== n - 1) throw new Error('gather lost results');
}

/**
 * The same contestant again under another name (an A/A pair): how far the two medians differ is
 * the noise floor of this case's ratios on this machine at this moment.
 */
function again(c) {
  return { ...c, name: `${c.name} (A/A)`, role: 'aa', of: c.name };
}

/** A contestant whose module may be missing. */
function contestant(name, role, loaded, makeRun) {
  return loaded.mod ? { name, role, run: makeRun(loaded.mod) } : { name, role, error: loaded.error };
}

// --- the cases ---------------------------------------------------------------------------------

const core = await tryImport(urls.core);
const cases = [];

/** Measures one case and records it; target.against names the baseline (or 'fastest peer'). */
async function runCase(id, label, ops, rounds, target, contestants) {
  cases.push({ id, label, ops, rounds, target, contestants: await measure(ops, rounds, contestants) });
}

async function queueCase() {
  const QUEUE_N = 1_000_000;
  const ring = {
    name: 'ring-buffer queue',
    role: 'baseline',
    run: () => producerConsumer(new RingQueue(), QUEUE_N),
  };
  const effect = await tryImport(urls.effect);
  await runCase(
    'queue',
    'Queue put/get, 1M pairs',
    QUEUE_N,
    15,
    { ratio: 0.95, against: 'ring-buffer queue' },
    [
      contestant(
        'core Queue',
        'core',
        core,
        ({ Queue }) =>
          () =>
            producerConsumer(new Queue(), QUEUE_N),
      ),
      ring,
      again(ring),
      contestant('Effect Queue', 'reference', effect, (mod) => () => effectProducerConsumer(mod, QUEUE_N)),
    ],
  );
}

async function limitCase() {
  const LIMIT_N = 100_000;
  const CONCURRENCY = 10;
  const [pLimit, henrygd, fastq, pQueue] = await Promise.all(
    [urls.pLimit, urls.henrygdQueue, urls.fastq, urls.pQueue].map(tryImport),
  );
  const henrygdQueue = contestant('@henrygd/queue', 'peer', henrygd, ({ newQueue }) => () => {
    const q = newQueue(CONCURRENCY);
    return limited(() => q.add(job), LIMIT_N);
  });
  await runCase(
    'limit',
    `limit(${CONCURRENCY}), 100k calls`,
    LIMIT_N,
    11,
    { ratio: 1, against: 'fastest peer' },
    [
      contestant('core limit', 'core', core, ({ limit }) => () => {
        const run = limit(CONCURRENCY);
        return limited(() => run(job), LIMIT_N);
      }),
      henrygdQueue,
      again(henrygdQueue),
      contestant('p-limit', 'peer', pLimit, ({ default: pLimitFn }) => () => {
        const run = pLimitFn(CONCURRENCY);
        return limited(() => run(job), LIMIT_N);
      }),
      contestant('fastq', 'peer', fastq, (mod) => () => {
        const q = (mod.default ?? mod).promise(job, CONCURRENCY);
        return limited((i) => q.push(i), LIMIT_N);
      }),
      contestant('p-queue', 'peer', pQueue, ({ default: PQueue }) => () => {
        const q = new PQueue({ concurrency: CONCURRENCY });
        return limited(() => q.add(job), LIMIT_N);
      }),
    ],
  );
}

async function gatherCase() {
  const GATHER_N = 100_000;
  const promiseAll = {
    name: 'Promise.all',
    role: 'baseline',
    run: () => checkedAll((ps) => Promise.all(ps), GATHER_N),
  };
  await runCase('gather', 'gather, 100k resolved', GATHER_N, 21, { ratio: 0.95, against: 'Promise.all' }, [
    contestant(
      'core gather',
      'core',
      core,
      ({ gather }) =>
        () =>
          checkedAll((ps) => gather(ps), GATHER_N),
    ),
    promiseAll,
    again(promiseAll),
  ]);
}

await { queue: queueCase, limit: limitCase, gather: gatherCase }[caseId]();
console.log(JSON.stringify({ ...runtimeInfo(), cases }));
