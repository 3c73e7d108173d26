/**
 * The ops of ops.ts under Deno's own benchmark runner, for vs-mitata.mjs:
 *   deno bench -A --json packages/harness/bench/deno-bench.ts
 * An async op returns its promise, which Deno.bench awaits per call.
 */
import { OPS } from './ops.ts';

const deno = (globalThis as any).Deno;
for (const [name, fn] of Object.entries(OPS)) deno.bench(name, fn);
