/**
 * Measures one op of ops.ts one way, in this (fresh) process, and prints one JSON line
 * {"ns": mean ns per op, "p50Ns"?: ...}. vs-mitata.mjs starts it once per runtime x op x way.
 *
 *   <runtime> one-op.ts <op> ours|mitata|hand [extraFrames]
 *
 * - ours: measureMicro with the default profile's budget (what a scenario's micro case gets).
 * - mitata: mitata's measure() with its defaults, gc off; mean of its batch samples.
 * - hand: a plain loop of n calls (n sized so a round takes ~100 ms), compiled for this op alone,
 *   started from a fresh macrotask so the op sees the same shallow stack as under the micro
 *   runner; median of 7 rounds after 3 warm-up rounds. extraFrames adds that many plain sync
 *   frames beneath the loop: what an Error's stack capture costs depends on the frames above it.
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

type Loop = (f: () => unknown, n: number) => unknown;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => Loop;
const loop: Loop = isAsync
  ? new AsyncFunction('f', 'n', 'for (let i = 0; i < n; i++) await f();')
  : (new Function('f', 'n', 'for (let i = 0; i < n; i++) f();') as Loop);

/** Runs body under `frames` extra plain frames. */
function beneath(frames: number, body: () => unknown): unknown {
  return frames === 0 ? body() : beneath(frames - 1, body);
}

/** Times n calls from a fresh macrotask, ms. */
function round(n: number, frames: number): Promise<number> {
  return new Promise((resolve, reject) =>
    setTimeout(async () => {
      try {
        const t0 = performance.now();
        await beneath(frames, () => loop(fn!, n));
        resolve(performance.now() - t0);
      } catch (error) {
        reject(error);
      }
    }, 0),
  );
}

async function hand(frames: number): Promise<number> {
  let n = 1000;
  while ((await round(n, frames)) < 100) n *= 2;
  for (let i = 0; i < 3; i++) await round(n, frames);
  const ns: number[] = [];
  for (let i = 0; i < 7; i++) ns.push(((await round(n, frames)) * 1e6) / n);
  return ns.sort((a, b) => a - b)[3]!;
}

let out: { ns: number; p50Ns?: number };
if (way === 'ours') {
  const s = await measureMicro(fn, MICRO_BUDGETS.default);
  out = { ns: s.meanNs, p50Ns: s.p50Ns };
} else if (way === 'mitata') {
  const s = await measure(fn, { gc: false });
  out = { ns: s.avg, p50Ns: s.p50 };
} else if (way === 'hand') {
  out = { ns: await hand(Number(framesArg)) };
} else {
  throw new Error(`unknown way "${way}" (expected ours, mitata, hand)`);
}
console.log(JSON.stringify(out));
