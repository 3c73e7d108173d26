import type { LatencyMs } from '@asyncbench/results/schema';
import { summarizeSorted } from '@asyncbench/results/stats';

/**
 * Collects per-unit latencies (ms) and summarises them. Keeps every value in a growable
 * Float64Array and sorts once at summary time: workloads record at most ~100k units, so exact
 * percentiles cost less than a log-bucketed histogram's bookkeeping and lose no precision.
 */
export class LatencyRecorder {
  #values = new Float64Array(256);
  #count = 0;

  /** Number of latencies recorded so far. */
  get count(): number {
    return this.#count;
  }

  /** Records one latency in ms. Tiny negatives (clock jitter) clamp to 0; NaN/Infinity throw. */
  record(ms: number): void {
    if (!Number.isFinite(ms)) throw new RangeError(`latency must be a finite number of ms, got ${ms}`);
    if (this.#count === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#count++] = Math.max(ms, 0);
  }

  /** Forgets every recorded value. */
  reset(): void {
    this.#count = 0;
  }

  /** Mean, p50, p90, p99 and max in ms. Throws a RangeError when nothing was recorded. */
  summary(): LatencyMs {
    if (this.#count === 0) throw new RangeError('no latencies recorded');
    const sorted = this.#values.slice(0, this.#count).sort();
    const s = summarizeSorted(sorted);
    return { mean: s.mean, p50: s.p50, p90: s.p90, p99: s.p99, max: s.max };
  }
}
