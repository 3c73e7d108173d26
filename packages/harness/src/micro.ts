import { Bench } from 'tinybench';
import type { MicroBudget } from './profiles.ts';
import type { MicroStats } from './schema.ts';

type SyncBatch = (fn: () => unknown, n: number) => void;
type AsyncBatch = (fn: () => unknown, n: number) => Promise<void>;

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => AsyncBatch;

/**
 * Builds a fresh batch loop with its own compiled code. A shared closure would give every case
 * one call site whose type feedback turns megamorphic after a few cases, adding a non-inlined
 * call (~1-2 ns) to each op; a per-case function keeps the site monomorphic, as mitata does.
 */
function makeBatch(isAsync: boolean): SyncBatch | AsyncBatch {
  return isAsync
    ? new AsyncFunction('fn', 'n', 'for (let i = 0; i < n; i++) await fn();')
    : (new Function('fn', 'n', 'for (let i = 0; i < n; i++) fn();') as SyncBatch);
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

/**
 * Finds how many ops make one sample last at least targetMs. Grows n until a batch reaches the
 * target, then re-times that n a few times and keeps the fastest: the first rounds run in the
 * interpreter and would otherwise under-size the batch for the optimised code.
 */
async function calibrate(
  batch: SyncBatch | AsyncBatch,
  fn: () => unknown,
  targetMs: number,
): Promise<number> {
  const time = async (n: number): Promise<number> => {
    const t0 = performance.now();
    await batch(fn, n);
    return performance.now() - t0;
  };
  let n = 1;
  for (;;) {
    const dt = await time(n);
    // One op already fills a sample: no batching, and no re-timing of a slow op.
    if (n === 1 && dt >= targetMs) return 1;
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
 * Measures one operation with tinybench and reports figures per single op. Sub-microsecond ops
 * are run `batch` times per tinybench sample (batch calibrated on warm code so a sample lasts
 * ~budget.batchTargetMs), then divided, so per-call timer and harness overhead is amortised. An fn
 * that returns a promise is awaited inside the batch, op by op. p50/p99 are percentiles of
 * batch means, the same convention mitata uses. A thrown error rejects.
 */
export async function measureMicro(fn: () => unknown, budget: MicroBudget): Promise<MicroStats> {
  // One plain call decides sync versus async (a MicroCase is async when it returns a promise).
  const first = fn();
  const isAsync = isThenable(first);
  if (isAsync) await first;

  const batchFn = makeBatch(isAsync);
  // Size roughly, warm the op up in batches of that size for the warm-up budget, then size again:
  // sizing cold code under-estimates the batch the optimised code needs.
  const rough = await calibrate(batchFn, fn, budget.batchTargetMs);
  const warmUntil = performance.now() + budget.warmupMs;
  do await batchFn(fn, rough);
  while (performance.now() < warmUntil);
  const batch = await calibrate(batchFn, fn, budget.batchTargetMs);

  const bench = new Bench({
    time: budget.timeMs,
    iterations: budget.minSamples,
    // The op is warm already; a short tinybench warm-up only settles its own wrapper.
    warmup: true,
    warmupTime: Math.min(budget.warmupMs, 10),
    warmupIterations: 2,
    throws: true,
  });
  const run = isAsync
    ? () => (batchFn as AsyncBatch)(fn, batch)
    : () => {
        (batchFn as SyncBatch)(fn, batch);
      };
  bench.add('op', run, { async: isAsync });
  const [task] = await bench.run();
  const result = task?.result;
  if (!result) throw new Error('tinybench returned no task');
  if (result.state === 'errored') throw result.error;
  if (result.state !== 'completed') throw new Error(`tinybench task ended as ${result.state}`);

  const latency = result.latency; // ms per batch
  const toNs = 1e6 / batch;
  return {
    opsPerSec: latency.mean > 0 ? (1e3 * batch) / latency.mean : 0,
    meanNs: latency.mean * toNs,
    p50Ns: latency.p50 * toNs,
    p99Ns: latency.p99 * toNs,
    rme: Number.isFinite(latency.rme) ? latency.rme : 0,
    samples: latency.samplesCount,
    batch,
  };
}
