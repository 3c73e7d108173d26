/**
 * Bencher Metric Format (BMF) JSON, what `bencher run --adapter json` reads
 * (bencher.dev/docs/reference/bencher-metric-format): `{ "<benchmark>": { "<measure>": { value,
 * lower_value, upper_value } } }`. One benchmark per runtime x scenario x case, named
 * `<scenario>/<case> [<runtime>]`; value is the median over repeats, lower/upper the min and max.
 * Measures: ops/s and units/s go to Bencher's built-in `throughput`, mean ns per op to its built-in
 * `latency` (ns); the rest get their own slugs (`p99-ms`, `wall-time-ms`, `efficiency`,
 * `input-delay-p99-ms`, ...). The
 * relative margin of error is a precision, not a speed, and is left out.
 */

import { figureRows } from '../figure-rows.ts';
import { FIGURE_META } from '../figures.ts';
import type { FigureName, RunFile } from '../schema.ts';

/** BMF measure slug per figure (Bencher slugs: at most 64 characters, kebab-case). */
export const BMF_MEASURES: Readonly<Record<FigureName, string | null>> = {
  throughput: 'throughput',
  wallMs: 'wall-time-ms',
  p50Ms: 'p50-ms',
  p90Ms: 'p90-ms',
  p99Ms: 'p99-ms',
  maxMs: 'max-ms',
  efficiency: 'efficiency',
  inputP50Ms: 'input-delay-p50-ms',
  inputP90Ms: 'input-delay-p90-ms',
  inputP99Ms: 'input-delay-p99-ms',
  inputMaxMs: 'input-delay-max-ms',
  inputHandledPct: 'input-handled-pct',
  opsPerSec: 'throughput',
  meanNs: 'latency',
  p50Ns: 'p50-ns',
  p99Ns: 'p99-ns',
  rme: null,
};

export interface BmfMetric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

export type Bmf = Record<string, Record<string, BmfMetric>>;

/** The BMF object of a run (see the module comment). */
export function toBmf(run: RunFile): Bmf {
  const out: Bmf = {};
  for (const row of figureRows(run)) {
    const measure = BMF_MEASURES[row.figure];
    if (measure === null || !FIGURE_META[row.figure].compared) continue;
    const name = `${row.scenario}/${row.case} [${row.runtime}]`;
    out[name] ??= {};
    out[name][measure] = { value: row.median, lower_value: row.min, upper_value: row.max };
  }
  return out;
}
