import type { MicroStats } from '@asyncbench/results/schema';
import { Bench } from 'tinybench';
import type { MicroBudget } from './profiles.ts';

type AsyncBatch = (fn: () => unknown, n: number) => Promise<void>;

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => AsyncBatch;

let batchId = 0;

/**
 * Builds the loop that runs one batch of n ops, with its own compiled code, and returns a function
 * that runs one batch and resolves when it is done.
 *
 * Fresh code per case: a shared closure would give every case one call site whose type feedback
 * turns megamorphic after a few cases, adding a non-inlined call (~1-2 ns) to each op; a per-case
 * function keeps the site monomorphic, as mitata does. The numbered comment makes each source
 * unique: V8 caches `new Function` by source text, so identical bodies shared one compiled loop
 * across cases (an empty 100-step loop measured 4x slower from the second case on, under Deno).
 * Four calls per iteration, as in mitata: with one, V8 also compiled that loop ~4x slower for the
 * first case.
 *
 * A sync batch is the generated function itself, bound to fn and run as a promise reaction of its
 * own, so an Error the op creates captures the op's frames, the batch loop, then the awaiting
 * async functions of the harness (the same JavaScript on every runtime) and no frame of the
 * runtime's own plumbing: queueMicrotask runs its callback beneath three frames of Node's async
 * hooks and one of Deno's core. Capturing costs per frame, and more for optimised frames (a
 * hand-timed throw/catch on Node 20: 1.8 us from a promise reaction, 2.6 us under queueMicrotask;
 * bench/vs-mitata.mjs), so frames beneath the op would price the runtime's plumbing, not the op.
 * No JavaScript of the harness calls the sync loop: Bun's FTL inlined a loop called from a harness
 * closure (`(n) => batch(fn, n)`) into that closure's code, where queue/put-get-nowait ran at
 * 6.7-8.0 ns per op against 1.81-1.87 ns in the loop's own code (mitata 1.7, a hand-timed loop
 * 2.2; README, "Bun: the batch loop must not be inlined into harness code"). One sync frame fewer
 * beneath the op than then made a throw on V8 11-14% cheaper, now within 4% of the hand loop; and
 * V8's queue/put-get-nowait, bimodal per process, lands in its slow mode more often this way (Node:
 * 5 of 6 processes against 2 of 6). An async batch is still called from a closure, as before.
 */
function makeBatch(fn: () => unknown, isAsync: boolean): (n: number) => Promise<void> {
  const loop = (call: string) =>
    `let i = 0; for (; i + 4 <= n; i += 4) { ${call} ${call} ${call} ${call} } for (; i < n; i++) ${call}`;
  const id = `/* batch ${++batchId} */`;
  if (isAsync) {
    const batch = new AsyncFunction('fn', 'n', `${id} ${loop('await fn();')}`);
    return (n) => batch(fn, n);
  }
  const bind = new Function('fn', `${id} return function batch(n) { ${loop('fn();')} };`);
  const batch = bind(fn) as (n: number) => void;
  return (n) => Promise.resolve(n).then(batch);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Upper bound on ops per sample, so a no-op cannot make calibration spin for long. */
const MAX_BATCH = 10_000_000;

/** Wall time of one batch of n ops, ms. */
async function timeBatch(runBatch: (n: number) => Promise<void>, n: number): Promise<number> {
  const t0 = performance.now();
  await runBatch(n);
  return performance.now() - t0;
}

/**
 * Finds how many ops make one sample last at least targetMs. Grows n until a batch reaches the
 * target, then re-times that n a few times and keeps the fastest: the first rounds run in the
 * interpreter and would otherwise under-size the batch for the optimised code. Exported for tests.
 */
export async function calibrate(runBatch: (n: number) => Promise<void>, targetMs: number): Promise<number> {
  const time = (n: number) => timeBatch(runBatch, n);
  let n = 1;
  for (;;) {
    let dt = await time(n);
    // One op already fills a sample: no batching. Only if it does so twice more: one preempted
    // or collected reading made a ~5 ns op (node, dce-check's kept arithmetic, load ~3) look
    // like 0.1 ms, so it was measured one op per sample, 137 ns of timer and harness each.
    if (n === 1 && dt >= targetMs) {
      dt = Math.min(dt, await time(1), await time(1));
      if (dt >= targetMs) return 1;
    }
    if (dt >= targetMs || n >= MAX_BATCH) break;
    // Grow by at most 10x per round so one lucky fast reading cannot overshoot wildly.
    n = dt > 0 ? Math.min(n * 10, Math.ceil((n * targetMs * 1.2) / dt)) : n * 10;
    n = Math.min(Math.max(n, 2), MAX_BATCH);
  }
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) best = Math.min(best, await time(n));
  if (best <= 0) return n;
  return Math.min(MAX_BATCH, Math.max(1, Math.ceil((n * targetMs) / best)));
}

/**
 * The work check: pairs of batches, `batch` ops then WORK_FACTOR x batch ops, timed back to back
 * after sampling: at least WORK_MIN_PAIRS, then more while within WORK_BUDGET_SHARE of the case's
 * timeMs, at most WORK_MAX_PAIRS. A batch of ~0.1 ms makes a pair ~0.3 ms, so 10 pairs fit in the
 * share of every profile (measured on the catalogue: under 1% of a default case's time). A case
 * whose minimum pairs would overrun the share (one op of over ~0.5 ms in quick, ~1.7 ms in
 * default) is not checked.
 */
export const WORK_FACTOR = 2;
const WORK_MIN_PAIRS = 3;
const WORK_MAX_PAIRS = 10;
const WORK_BUDGET_SHARE = 0.03;

/**
 * Time of WORK_FACTOR x n ops over the time of n ops, the median over interleaved pairs (each pair
 * shares the moment's drift; the median ignores a pair hit by a collection or a tier-up). About
 * WORK_FACTOR when the time grows with the work; near 1 when it does not: the batch runs in
 * constant time because the ops and the loop around them were optimised away, or the op's cost
 * is paid once per batch (a sync batch runs in one turn, so work an op defers to the end of the
 * turn, such as a coalesced render, is paid once however many ops ran), and its "per op" figure
 * is the batch's cost divided by an arbitrary n. mitata and bench-node only compare an op with an
 * empty one; this is a second signal, criterion.rs's idea (a sample's time regressed on its
 * iteration count) reduced to two points. batchMs: the measured median time of one batch of n.
 * Undefined when the minimum pairs would overrun the budget share.
 */
async function measureWorkRatio(
  runBatch: (n: number) => Promise<void>,
  n: number,
  batchMs: number,
  budget: MicroBudget,
): Promise<number | undefined> {
  const shareMs = WORK_BUDGET_SHARE * budget.timeMs;
  if (WORK_MIN_PAIRS * (1 + WORK_FACTOR) * batchMs > shareMs) return undefined;
  const ratios: number[] = [];
  const until = performance.now() + shareMs;
  while (ratios.length < WORK_MAX_PAIRS && (ratios.length < WORK_MIN_PAIRS || performance.now() < until)) {
    const one = await timeBatch(runBatch, n);
    const more = await timeBatch(runBatch, WORK_FACTOR * n);
    if (one > 0) ratios.push(more / one);
  }
  if (ratios.length === 0) return undefined;
  ratios.sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  return ratios.length % 2 === 1 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
}

/** Figures of one measured op, before the empty-loop comparison. */
type OpStats = Omit<MicroStats, 'emptyLoopNs' | 'nearEmptyLoop'>;

/** MicroStats as measureMicro makes them: the empty-loop fields, optional in files, always set. */
export type MeasuredMicro = OpStats & { emptyLoopNs: number; nearEmptyLoop: boolean };

/**
 * An op costing less than this many times the empty op of its kind looks optimised away: the
 * factor mitata uses for its "!" mark ("benchmark was likely optimized out"), src/main.mjs.
 */
export const NEAR_EMPTY_FACTOR = 1.42;

/**
 * Runs fn through the batch loop and tinybench: calibrate, warm up, calibrate again on warm code,
 * sample. isAsync picks the awaiting loop.
 */
async function measureOp(fn: () => unknown, isAsync: boolean, budget: MicroBudget): Promise<OpStats> {
  const runBatch = makeBatch(fn, isAsync);
  // Size roughly, warm the op up in batches of that size for the warm-up budget, then size again:
  // sizing cold code under-estimates the batch the optimised code needs.
  const rough = await calibrate(runBatch, budget.batchTargetMs);
  const warmUntil = performance.now() + budget.warmupMs;
  do await runBatch(rough);
  while (performance.now() < warmUntil);
  const batch = await calibrate(runBatch, budget.batchTargetMs);

  const bench = new Bench({
    time: budget.timeMs,
    iterations: budget.minSamples,
    // The op is warm already; a short tinybench warm-up only settles its own wrapper.
    warmup: true,
    warmupTime: Math.min(budget.warmupMs, 10),
    warmupIterations: 2,
    throws: true,
  });
  bench.add('op', () => runBatch(batch), { async: true });
  const [task] = await bench.run();
  const result = task?.result;
  if (!result) throw new Error('tinybench returned no task');
  if (result.state === 'errored') throw result.error;
  if (result.state !== 'completed') throw new Error(`tinybench task ended as ${result.state}`);

  const latency = result.latency; // ms per batch
  const toNs = 1e6 / batch;
  // The median batch, not the mean: a preempted sample must not price the check out of its share.
  const workRatio = await measureWorkRatio(runBatch, batch, latency.p50, budget);
  return {
    opsPerSec: latency.mean > 0 ? (1e3 * batch) / latency.mean : 0,
    meanNs: latency.mean * toNs,
    p50Ns: latency.p50 * toNs,
    p99Ns: latency.p99 * toNs,
    rme: Number.isFinite(latency.rme) ? latency.rme : 0,
    samples: latency.samplesCount,
    batch,
    ...(workRatio !== undefined ? { workRatio } : {}),
  };
}

/** Per process, once: the floor does not change between cases. */
let emptyLoop: Promise<number> | undefined;

/**
 * Mean ns per op of the empty op `() => {}` through a sync batch loop of its own, measured once
 * per process (on first use) with 25 ms of samples after 15 ms of warm-up, ~55 ms in all: it only
 * sets the floor of the near-empty flag (NEAR_EMPTY_FACTOR), and every micro case now pays it in
 * a process of its own. 100/50 ms took ~165 ms per process and read 0.089-0.105 ns on Node 20,
 * 0.059-0.064 on Deno, 0.058-0.059 on Bun; 25/15 ms read the same but for one process in four on
 * V8 (0.23, 0.09 ns): still far below any real op (bench/empty-loop-budget.mjs). Async ops are compared with this same floor, as mitata compares every op with its one
 * noop: an await cannot be optimised away, and an awaited no-op costs tens of ns, so an awaited
 * op is never near it.
 */
function emptyLoopNs(budget: MicroBudget): Promise<number> {
  if (!emptyLoop) {
    const short = {
      ...budget,
      timeMs: Math.min(budget.timeMs, 25),
      warmupMs: Math.min(budget.warmupMs, 15),
    };
    emptyLoop = measureOp(() => {}, false, short).then((s) => s.meanNs);
    // A failed measurement (it cannot fail short of a broken runtime) is not cached.
    emptyLoop.catch(() => {
      emptyLoop = undefined;
    });
  }
  return emptyLoop;
}

/**
 * Measures one operation with tinybench and reports figures per single op. Sub-microsecond ops
 * are run `batch` times per tinybench sample (batch calibrated on warm code so a sample lasts
 * ~budget.batchTargetMs), then divided, so per-call timer and harness overhead is amortised. An fn
 * that returns a promise is awaited inside the batch, op by op. p50/p99 are percentiles of
 * batch means, the same convention mitata uses. A thrown error rejects. The result also carries
 * the empty op's time in the same process (emptyLoopNs) and whether this op is within
 * NEAR_EMPTY_FACTOR of it (nearEmptyLoop): too cheap to be real work, as mitata flags.
 */
export async function measureMicro(fn: () => unknown, budget: MicroBudget): Promise<MeasuredMicro> {
  // One plain call decides sync versus async (a MicroCase is async when it returns a promise).
  const first = fn();
  const isAsync = isThenable(first);
  if (isAsync) await first;
  const empty = await emptyLoopNs(budget);
  const stats = await measureOp(fn, isAsync, budget);
  return { ...stats, emptyLoopNs: empty, nearEmptyLoop: stats.meanNs < NEAR_EMPTY_FACTOR * empty };
}
