import type { LatencyMs } from '@asyncbench/results/schema';
import { percentile } from '@asyncbench/results/stats';

/**
 * Values kept for percentiles: 2^17 (1 MiB of Float64). A steady-state run of a fast case (a
 * queue hand-off of ~100 ns, timed for 0.5 s) records millions of units; keeping all of them
 * would grow and copy tens of megabytes inside the timed part and sort them afterwards.
 */
export const RESERVOIR_SIZE = 1 << 17;

/**
 * Collects per-unit latencies (ms) and summarises them. Count, mean and max are exact over every
 * value. Percentiles are exact while at most `capacity` values were recorded; past that they come
 * from a uniform random sample of `capacity` values (reservoir sampling, Vitter's Algorithm R),
 * whose p99 rests on ~1300 values above it at the default size. The buffer is allocated up front
 * and the sampler is a seeded xorshift, so recording never allocates and runs are repeatable.
 */
export class LatencyRecorder {
  readonly #values: Float64Array;
  #count = 0;
  #sum = 0;
  #max = 0;
  #state = 0x9e3779b9;

  /** capacity: how many values to keep for percentiles (default RESERVOIR_SIZE). */
  constructor(capacity = RESERVOIR_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    }
    this.#values = new Float64Array(capacity);
  }

  /** Number of latencies recorded so far (all of them, not only those kept). */
  get count(): number {
    return this.#count;
  }

  /** Records one latency in ms. Tiny negatives (clock jitter) clamp to 0; NaN/Infinity throw. */
  record(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`latency must be a finite number of ms, got ${ms}`);
    const v = Math.max(ms, 0);
    const seen = this.#count++;
    this.#sum += v;
    if (v > this.#max) this.#max = v;
    const capacity = this.#values.length;
    if (seen < capacity) {
      this.#values[seen] = v;
      return;
    }
    // Algorithm R: the (seen+1)-th value replaces a kept one with probability capacity/(seen+1).
    const slot = Math.floor(this.#next() * (seen + 1));
    if (slot < capacity) this.#values[slot] = v;
  }

  /** Forgets every recorded value. */
  reset(): void {
    this.#count = 0;
    this.#sum = 0;
    this.#max = 0;
  }

  /** Mean, p50, p90, p99 and max in ms. Throws a RangeError when nothing was recorded. */
  summary(): LatencyMs {
    if (this.#count === 0) throw new RangeError('no latencies recorded');
    const kept = this.#values.slice(0, Math.min(this.#count, this.#values.length)).sort();
    return {
      mean: this.#sum / this.#count,
      p50: percentile(kept, 50),
      p90: percentile(kept, 90),
      p99: percentile(kept, 99),
      max: this.#max,
    };
  }

  /** xorshift32 in [0, 1): cheap, allocation-free, and the same sequence on every runtime. */
  #next(): number {
    let x = this.#state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#state = x >>> 0;
    return this.#state / 4294967296;
  }
}
