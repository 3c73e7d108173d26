/**
 * github-action-benchmark's custom tool input: a JSON array of `{ name, unit, value, range?,
 * extra? }`, read with `tool: customBiggerIsBetter` or `tool: customSmallerIsBetter`. A file holds
 * one direction only, so `direction` picks the figures: `bigger` (throughput, ops/s, efficiency)
 * or `smaller` (wall time, latency percentiles, ns per op). value is the median over repeats;
 * range the half-width of the mean's 95% CI (`± x`, with two repeats or more); extra says n and
 * min/max.
 */

import { figureRows } from '../figure-rows.ts';
import { FIGURE_META } from '../figures.ts';
import { formatNumber } from '../format.ts';
import type { RunFile } from '../schema.ts';

export const GAB_DIRECTIONS = ['bigger', 'smaller'] as const;
export type GabDirection = (typeof GAB_DIRECTIONS)[number];

export interface GabBench {
  name: string;
  unit: string;
  value: number;
  range?: string;
  extra?: string;
}

/** The benches of one direction (see the module comment). */
export function toGab(run: RunFile, direction: GabDirection = 'bigger'): GabBench[] {
  const bigger = direction === 'bigger';
  const out: GabBench[] = [];
  for (const row of figureRows(run)) {
    const meta = FIGURE_META[row.figure];
    if (!meta.compared || meta.higherIsBetter !== bigger) continue;
    const bench: GabBench = {
      name: `${row.scenario}/${row.case} [${row.runtime}] ${meta.label}`,
      unit: row.unit,
      value: row.median,
    };
    if (row.ciLow !== null && row.ciHigh !== null)
      bench.range = `± ${formatNumber((row.ciHigh - row.ciLow) / 2)}`;
    bench.extra = `median of ${row.n} repeat${row.n === 1 ? '' : 's'}; min ${formatNumber(row.min)}, max ${formatNumber(row.max)}`;
    out.push(bench);
  }
  return out;
}
