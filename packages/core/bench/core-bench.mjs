/**
 * One runtime's run of the core speed goals (not a test). Runtime-neutral JavaScript: run it with
 * node, deno or bun. Arguments: <core dist dir URL> <p-limit module URL>. Prints one JSON line
 * {"runtime", "version", "cases": [...]} so the caller decides how to render it.
 */
import { RingQueue } from './baselines.mjs';

const [distUrl, pLimitUrl] = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const ROUNDS = 7;

function runtimeInfo() {
  if (globalThis.Bun) return { runtime: 'bun', version: globalThis.Bun.version };
  if (globalThis.Deno) return { runtime: 'deno', version: globalThis.Deno.version.deno };
  return { runtime: 'node', version: globalThis.process.versions.node };
}

/** Imports a module, or returns undefined (with the reason) so a missing piece skips its case. */
async function tryImport(url) {
  try {
    return { mod: await import(url) };
  } catch (err) {
    return { error: String(err?.message ?? err).split('\n')[0] };
  }
}

/** A full collection before each timed run, where the runtime allows it, so one case's garbage is not billed to the next. */
function collectGarbage() {
  if (globalThis.Bun) globalThis.Bun.gc(true);
  else globalThis.gc?.();
}

async function timeIt(fn) {
  collectGarbage();
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Runs core and baseline in interleaved rounds (alternating which goes first); returns median ops/s. */
async function compare(ops, core, baseline) {
  await core();
  await baseline();
  const c = [];
  const b = [];
  for (let r = 0; r < ROUNDS; r++) {
    if (r % 2 === 0) {
      c.push(ops / ((await timeIt(core)) / 1000));
      b.push(ops / ((await timeIt(baseline)) / 1000));
    } else {
      b.push(ops / ((await timeIt(baseline)) / 1000));
      c.push(ops / ((await timeIt(core)) / 1000));
    }
  }
  return { core: median(c), baseline: median(b) };
}

async function producerConsumer(q, n) {
  const producer = (async () => {
    for (let i = 0; i < n; i++) await q.put(i);
  })();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += await q.get();
  await producer;
  if (sum !== (n * (n - 1)) / 2) throw new Error('queue lost items');
}

async function limitRun(run, n) {
  const job = async () => {};
  const all = new Array(n);
  for (let i = 0; i < n; i++) all[i] = run(job);
  await Promise.all(all);
}

function resolvedPromises(n) {
  const ps = new Array(n);
  for (let i = 0; i < n; i++) ps[i] = Promise.resolve(i);
  return ps;
}

const cases = [];
function record(id, label, target, result, baselineName) {
  const ratio = result.core / result.baseline;
  cases.push({
    id,
    label,
    baselineName,
    target,
    core: result.core,
    baseline: result.baseline,
    ratio,
    pass: ratio >= target,
  });
}
function skip(id, label, target, baselineName, reason) {
  cases.push({ id, label, baselineName, target, skipped: reason });
}

const queueMod = await tryImport(new URL('queue.js', distUrl).href);
const QUEUE_N = 1_000_000;
if (queueMod.mod) {
  const { Queue } = queueMod.mod;
  record(
    'queue-put-get',
    'Queue put/get, 1M pairs',
    0.9,
    await compare(
      QUEUE_N,
      () => producerConsumer(new Queue(), QUEUE_N),
      () => producerConsumer(new RingQueue(), QUEUE_N),
    ),
    'ring-buffer queue',
  );
} else skip('queue-put-get', 'Queue put/get, 1M pairs', 0.9, 'ring-buffer queue', queueMod.error);

const limitMod = await tryImport(new URL('limit.js', distUrl).href);
const pLimitMod = await tryImport(pLimitUrl);
const LIMIT_N = 100_000;
if (limitMod.mod && pLimitMod.mod) {
  const { limit } = limitMod.mod;
  const pLimit = pLimitMod.mod.default;
  record(
    'limit-100k',
    'limit(10), 100k jobs',
    3,
    await compare(
      LIMIT_N,
      () => limitRun(limit(10), LIMIT_N),
      () => limitRun(pLimit(10), LIMIT_N),
    ),
    'p-limit',
  );
} else skip('limit-100k', 'limit(10), 100k jobs', 3, 'p-limit', limitMod.error ?? pLimitMod.error);

const gatherMod = await tryImport(new URL('gather.js', distUrl).href);
const GATHER_N = 100_000;
if (gatherMod.mod) {
  const { gather } = gatherMod.mod;
  record(
    'gather-100k',
    'gather, 100k resolved',
    0.9,
    await compare(
      GATHER_N,
      () => gather(resolvedPromises(GATHER_N)),
      () => Promise.all(resolvedPromises(GATHER_N)),
    ),
    'Promise.all',
  );
} else skip('gather-100k', 'gather, 100k resolved', 0.9, 'Promise.all', gatherMod.error);

console.log(JSON.stringify({ ...runtimeInfo(), rounds: ROUNDS, cases }));
