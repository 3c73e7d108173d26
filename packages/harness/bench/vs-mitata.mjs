#!/usr/bin/env node
/**
 * Checks the micro runner against mitata and against a third, plain measurement, per runtime:
 *
 *   node packages/harness/bench/vs-mitata.mjs [node,deno,bun]
 *
 * Each figure comes from a fresh process (one-op.ts): ours (measureMicro, default budget), mitata
 * (measure(), defaults), hand (a plain loop compiled for that op alone, median of 7 ~100 ms rounds,
 * started from a fresh macrotask), and on Deno also Deno.bench. Throw/catch is also hand-timed with
 * 8 extra frames beneath the loop: an Error captures up to Error.stackTraceLimit frames, so its
 * cost depends on how deep the harness calls it. A fresh process per figure keeps one tool's
 * compiled loops and type feedback from leaking into another's. Prints ns per op (mean) and
 * ratios; not a test, it never fails on figures.
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

function oneOp(runtime, args) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  const [file, argv] =
    runtime === 'node'
      ? [process.execPath, [nodeBundle, ...args]]
      : runtime === 'deno'
        ? [bin('deno'), ['run', '-A', join(here, 'one-op.ts'), ...args]]
        : [bin('bun'), [join(here, 'one-op.ts'), ...args]];
  const stdout = execFileSync(file, argv, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)).ns;
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
      const deep = op === 'throw-catch' ? oneOp(runtime, [op, 'hand', '8']) : null;
      const parts = [
        runtime.padEnd(5),
        op.padEnd(15),
        `ours ${fmt(ours)}`,
        `mitata ${fmt(mitata)}`,
        `hand ${fmt(hand)}`,
        ...(deep === null ? [] : [`hand+8 frames ${fmt(deep)}`]),
        ...(deno ? [`Deno.bench ${fmt(deno[op])}`] : []),
        `ours/mitata ${(ours / mitata).toFixed(2)}`,
        `ours/hand ${(ours / hand).toFixed(2)}`,
        `mitata/hand ${(mitata / hand).toFixed(2)}`,
      ];
      console.log(parts.join(' | '));
    }
  }
  console.log(`load ${load()}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
