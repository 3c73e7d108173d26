/**
 * Measures one op of ops.ts one way, in this (fresh) process, and prints one JSON line
 * {"ns": mean ns per op, "p50Ns"?, "frames"}: frames is how many stack frames an Error created in
 * an op sees when called that way (what a throw pays for). vs-mitata.mjs starts it once per
 * runtime x op x way.
 *
 *   <runtime> one-op.ts <op> ours|mitata|hand [extraFrames]
 *
 * - ours: measureMicro with the default profile's budget (what a scenario's micro case gets).
 * - mitata: mitata's measure() with its defaults, gc off; mean of its batch samples.
 * - hand: a plain loop of n calls (n sized so a round takes ~100 ms), compiled for this op alone,
 *   run as a promise reaction like the micro runner's sync batches, beneath extraFrames (default 0)
 *   plain frames; median of 7 rounds after 3 warm-up rounds.
 */
import { measure } from 'mitata';
import { measureMicro } from '../src/micro.ts';
import { MICRO_BUDGETS } from '../src/profiles.ts';
import { OPS } from './ops.ts';

const g = globalThis as any;
const [name = '', way = '', framesArg = '0'] = g.Deno ? g.Deno.args : g.process.argv.slice(2);
const fn = OPS[name];
if (!fn) throw new Error(`unknown op "${name}" (expected ${Object.keys(OPS).join(', ')})`);
const isAsync = typeof (fn() as { then?: unknown })?.then === 'function';
const extraFrames = Number(framesArg);

type Loop = (f: () => unknown, n: number) => unknown;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => Loop;
const makeLoop = (): Loop =>
  isAsync
    ? new AsyncFunction('f', 'n', 'for (let i = 0; i < n; i++) await f();')
    : (new Function('f', 'n', 'for (let i = 0; i < n; i++) f();') as Loop);

/** Runs body under `frames` extra plain frames (not a tail call: JSC would elide those frames). */
function beneath(frames: number, body: () => unknown): unknown {
  const result = frames === 0 ? body() : beneath(frames - 1, body);
  return result;
}

/** Times n calls of f through loop as a promise reaction, ms. */
function round(loop: Loop, f: () => unknown, n: number): Promise<number> {
  return Promise.resolve().then(async () => {
    const t0 = performance.now();
    await beneath(extraFrames, () => loop(f, n));
    return performance.now() - t0;
  });
}

async function hand(): Promise<number> {
  const loop = makeLoop();
  let n = 1000;
  while ((await round(loop, fn!, n)) < 100) n *= 2;
  for (let i = 0; i < 3; i++) await round(loop, fn!, n);
  const ns: number[] = [];
  for (let i = 0; i < 7; i++) ns.push(((await round(loop, fn!, n)) * 1e6) / n);
  return ns.sort((a, b) => a - b)[3]!;
}

/** Frames an Error created inside an op sees when the op is called `way`. */
async function framesSeen(): Promise<number> {
  let frames = 0;
  const probe = () => {
    frames = (new Error('probe').stack ?? '').split('\n').length - 1;
    return isAsync ? Promise.resolve() : undefined;
  };
  if (way === 'ours')
    await measureMicro(probe, { timeMs: 5, warmupMs: 1, minSamples: 2, batchTargetMs: 0.01 });
  else if (way === 'mitata') await measure(probe, { gc: false, min_cpu_time: 1e6 });
  else await round(makeLoop(), probe, 1);
  return frames;
}

let out: { ns: number; p50Ns?: number };
if (way === 'ours') {
  const s = await measureMicro(fn, MICRO_BUDGETS.default);
  out = { ns: s.meanNs, p50Ns: s.p50Ns };
} else if (way === 'mitata') {
  const s = await measure(fn, { gc: false });
  out = { ns: s.avg, p50Ns: s.p50 };
} else if (way === 'hand') {
  out = { ns: await hand() };
} else {
  throw new Error(`unknown way "${way}" (expected ours, mitata, hand)`);
}
console.log(JSON.stringify({ ...out, frames: await framesSeen() }));
