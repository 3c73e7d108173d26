/**
 * What every bar chart of a scenario shares: one dataset per series with a figure's median per
 * case and its min-max over repeats as whiskers; rows of exact figures, one per case and series;
 * case labels with or without their mode.
 */
import { type CaseAggregate, caseLabel, type FigureName } from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { CaseInfo } from '../lookup.ts';
import { dash, wrapLabel } from '../text.ts';
import type { Cell, ChartView, DatasetView, Row } from '../view.ts';
import { layout } from './layout.ts';

/** Whiskers of the bar charts: the spread over process repeats. */
export const MIN_MAX = 'min–max over repeats';

/** `mode: case`, for charts and tables that mix the modes. */
export function modeCaseLabel(c: CaseInfo): string {
  return `${c.mode ?? '—'}: ${caseLabel(c)}`;
}

/** The axis label of a case in a chart that mixes the modes: the mode on a line of its own. */
export function modeCaseAxisLabel(c: CaseInfo): string[] {
  return [`${c.mode ?? ''}:`, ...wrapLabel(caseLabel(c))];
}

/** A bar per series per case, `figure`'s median times `scale`, with min/max whiskers. */
export function datasetsFor(
  ctx: ReportContext,
  scenario: ScenarioContext,
  cases: readonly CaseInfo[],
  figure: FigureName,
  scale = 1,
): DatasetView[] {
  return scenario.series.map((s) => {
    const ds: DatasetView = {
      label: s.label,
      colour: s.colour,
      shade: s.shade,
      values: [],
      low: [],
      high: [],
      missing: [],
    };
    for (const c of cases) {
      const found = ctx.lookup(s, scenario.id, c.id);
      const spread = found.aggregate?.figures[figure];
      ds.values.push(spread ? spread.median * scale : null);
      ds.low.push(spread ? spread.min * scale : null);
      ds.high.push(spread ? spread.max * scale : null);
      ds.missing.push(spread ? null : (found.missing ?? 'no figure'));
    }
    return ds;
  });
}

/**
 * One row per case and series: `cells` of the aggregate (or `width` dashes where there is none),
 * then the status cell.
 */
export function rowsFor(
  ctx: ReportContext,
  scenario: ScenarioContext,
  cases: readonly CaseInfo[],
  cells: (agg: CaseAggregate, c: CaseInfo) => Cell[],
  width: number,
  header: (c: CaseInfo) => string = caseLabel,
): Row[] {
  const rows: Row[] = [];
  for (const c of cases) {
    for (const s of scenario.series) {
      const found = ctx.lookup(s, scenario.id, c.id);
      const data = found.aggregate ? cells(found.aggregate, c) : Array.from({ length: width }, () => dash);
      rows.push({ header: `${header(c)} · ${s.label}`, cells: [...data, found.status] });
    }
  }
  return rows;
}

/** Whether values spread so far (over `ratio` between the extremes) that only a log axis shows them all. */
export function needsLog(datasets: readonly DatasetView[], ratio = 50): boolean {
  const values = datasets.flatMap((d) => d.values).filter((v): v is number => v !== null && v > 0);
  return values.length > 1 && Math.max(...values) / Math.min(...values) > ratio;
}

/** What a bar chart of a scenario says; barChart fills in the rest. */
export type BarChartSpec = Omit<ChartView, 'kind' | 'interval' | 'refLine' | 'horizontal' | 'height'> &
  Partial<Pick<ChartView, 'refLine'>>;

/** A bar chart with min–max whiskers, laid out upright or sideways by how many bars it has. */
export function barChart(spec: BarChartSpec): ChartView {
  return layout({ kind: 'bar', interval: MIN_MAX, refLine: null, horizontal: false, height: null, ...spec });
}
