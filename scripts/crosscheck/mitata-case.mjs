/**
 * The independent micro measurement of `npm run bench:crosscheck`: one asyncbench micro case,
 * taken from the very bundle the adapter runs (packages/adapter-<runtime>/dist/scenarios.js),
 * measured by mitata's measure() in a fresh process. One case per process, because mitata builds
 * its sampling loop with `new AsyncFunction(source)` and the source is the same for every op of a
 * kind: V8 then shares one compiled loop (and its call-site feedback) across ops, which made
 * mitata up to 2-3x slower on whichever op came later in one process.
 *
 *   <runtime> mitata-case.mjs <adapter dist dir> <profile> <scenario> <case>
 *
 * Prints one JSON line: {"avgNs", "p50Ns", "samples"}; avg is mitata's mean of its batch samples
 * (the two lowest and two highest dropped), per op.
 */
import { measure } from 'mitata';
import { loadMicroOp } from './micro-op.mjs';

const { op } = await loadMicroOp();
const stats = await measure(op.fn);
console.log(JSON.stringify({ avgNs: stats.avg, p50Ns: stats.p50, samples: stats.samples.length }));
