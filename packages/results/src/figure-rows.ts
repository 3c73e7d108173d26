/**
 * Every figure of a run as flat rows: one per runtime x scenario x case x figure, with the
 * median, the 95% CI of the mean, min, max and n over repeats. The CSV, JSON, BMF and
 * github-action-benchmark exports are all cut from these rows.
 */
import { FIGURE_META, figuresOf, figureUnit } from './figures.ts';
import { runtimeVersion, unitNoun } from './labels.ts';
import type { CaseKind, FigureName, Mode, RunFile } from './schema.ts';
import { mean, meanInterval95 } from './stats.ts';

export interface FigureRow {
  runtime: string;
  /** Exact version the run recorded; null when unknown. */
  runtimeVersion: string | null;
  scenario: string;
  case: string;
  label: string;
  kind: CaseKind;
  mode: Mode | null;
  variant: string;
  /** d, ms per unit, where known. */
  unitMs: number | null;
  figure: FigureName;
  /** e.g. `requests/s`, `ms`, `ns`, `ratio` (efficiency: ideal / wall), `%` (rme). */
  unit: string;
  higherIsBetter: boolean;
  /** Median over repeats: the figure every view shows. */
  median: number;
  mean: number;
  /** 95% CI of the mean (Student t); null with one repeat. */
  ciLow: number | null;
  ciHigh: number | null;
  min: number;
  max: number;
  /** Repeats the figure is over. */
  n: number;
}

/** The rows of a run, in the run's order of entries, cases and figures. */
export function figureRows(run: RunFile): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const e of run.entries) {
    const noun = unitNoun(run, e.scenario);
    for (const c of e.cases) {
      for (const figure of figuresOf(c.kind)) {
        const spread = c.figures[figure];
        if (!spread || spread.values.length === 0) continue;
        const ci = meanInterval95(spread.values);
        rows.push({
          runtime: e.runtime,
          runtimeVersion: runtimeVersion(run, e.runtime),
          scenario: e.scenario,
          case: c.case,
          label: c.label,
          kind: c.kind,
          mode: c.mode,
          variant: c.variant,
          unitMs: c.unitMs,
          figure,
          unit: figure === 'efficiency' ? 'ratio' : figureUnit(figure, noun),
          higherIsBetter: FIGURE_META[figure].higherIsBetter,
          median: spread.median,
          mean: mean(spread.values),
          ciLow: ci?.low ?? null,
          ciHigh: ci?.high ?? null,
          min: spread.min,
          max: spread.max,
          n: spread.values.length,
        });
      }
    }
  }
  return rows;
}
