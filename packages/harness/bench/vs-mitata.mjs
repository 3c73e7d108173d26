#!/usr/bin/env node
/**
 * Checks the micro runner against mitata and against a third, plain measurement, per runtime:
 *
 *   node packages/harness/bench/vs-mitata.mjs [node,deno,bun]
 *
 * Each figure comes from a fresh process (one-op.ts): ours (measureMicro, default budget), mitata
 * (measure(), defaults), hand (a plain loop compiled for that op alone, run as a promise reaction
 * like the micro runner's sync batches, median of 7 ~100 ms rounds), and on Deno also Deno.bench.
 * A fresh process per figure keeps one tool's compiled loops and type feedback from leaking into
 * another's. For throw/catch it also prints how many stack frames an Error sees under each (what
 * the capture costs depends on them) and the hand-timed loop again beneath as many extra plain
 * frames as mitata's op has above ours. Each figure is the median of REPEATS (default 3) fresh
 * processes. Prints ns per op (mean) and ratios; not a test, it never fails on figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const runtimes = (process.argv[2] ?? 'node,deno,bun').split(',');
const OPS = ['promise-all-10', 'throw-catch', 'async-call', 'loop-100'];
const REPEATS = Number(process.env.REPEATS ?? 3);
const scratch = mkdtempSync(join(tmpdir(), 'vs-mitata-'));
const nodeBundle = join(scratch, 'one-op.mjs');
esbuild.buildSync({
  entryPoints: [join(here, 'one-op.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  conditions: ['source'],
  external: ['bun:jsc'],
  outfile: nodeBundle,
  logLevel: 'warning',
});

function oneOpOnce(runtime, args) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  const [file, argv] =
    runtime === 'node'
      ? [process.execPath, [nodeBundle, ...args]]
      : runtime === 'deno'
        ? [bin('deno'), ['run', '-A', join(here, 'one-op.ts'), ...args]]
        : [bin('bun'), [join(here, 'one-op.ts'), ...args]];
  const stdout = execFileSync(file, argv, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** REPEATS fresh processes, the one with the median mean: one process on a busy machine can be far off. */
function oneOp(runtime, args) {
  const runs = Array.from({ length: REPEATS }, () => oneOpOnce(runtime, args));
  return runs.sort((a, b) => a.ns - b.ns)[runs.length >> 1];
}

function denoBench() {
  const stdout = execFileSync(
    join(root, 'node_modules', '.bin', 'deno'),
    ['bench', '-A', '--json', join(here, 'deno-bench.ts')],
    { cwd: root, encoding: 'utf8', timeout: 300_000 },
  );
  const report = JSON.parse(stdout);
  return Object.fromEntries(report.benches.map((b) => [b.name, b.results[0].ok.avg]));
}

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(2)} ns`).padStart(10);
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`ns per op (mean), each from a fresh process; load ${load()}`);
try {
  for (const runtime of runtimes) {
    const deno = runtime === 'deno' ? denoBench() : null;
    for (const op of OPS) {
      const ours = oneOp(runtime, [op, 'ours']);
      const mitata = oneOp(runtime, [op, 'mitata']);
      const hand = oneOp(runtime, [op, 'hand']);
      const throws = op === 'throw-catch';
      const deeper = Math.max(0, mitata.frames - hand.frames);
      const handDeep = throws && deeper > 0 ? oneOp(runtime, [op, 'hand', String(deeper)]) : null;
      const at = (r) => (throws ? ` @${r.frames} frames` : '');
      const parts = [
        runtime.padEnd(5),
        op.padEnd(15),
        `ours ${fmt(ours.ns)}${at(ours)}`,
        `mitata ${fmt(mitata.ns)}${at(mitata)}`,
        `hand ${fmt(hand.ns)}${at(hand)}`,
        ...(handDeep ? [`hand +${deeper} frames ${fmt(handDeep.ns)}`] : []),
        ...(deno ? [`Deno.bench ${fmt(deno[op])}`] : []),
        `ours/mitata ${(ours.ns / mitata.ns).toFixed(2)}`,
        `ours/hand ${(ours.ns / hand.ns).toFixed(2)}`,
        `mitata/hand ${(mitata.ns / (handDeep ?? hand).ns).toFixed(2)}${handDeep ? ' (hand deeper)' : ''}`,
      ];
      console.log(parts.join(' | '));
    }
  }
  console.log(`load ${load()}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
