/**
 * Tail latency: p99 per unit for every workload case of a scenario, one bar per series, whiskers
 * over repeats; p50, p90 and max are in the table beneath. One chart for every mode (the modes
 * used to get a chart each, which mostly repeated d three times).
 */
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import { num } from '../text.ts';
import type { ChartView } from '../view.ts';
import { barChart, datasetsFor, modeCaseAxisLabel, modeCaseLabel, needsLog, rowsFor } from './bars.ts';

export function latencyChart(ctx: ReportContext, scenario: ScenarioContext): ChartView | null {
  const cases = scenario.workload.filter((c) =>
    scenario.series.some((s) => ctx.lookup(s, scenario.id, c.id).aggregate?.figures.p99Ms),
  );
  if (cases.length === 0) return null;
  const datasets = datasetsFor(ctx, scenario, cases, 'p99Ms');
  const logScale = needsLog(datasets);
  const title = `${scenario.label}: tail latency (p99) per unit`;
  return barChart({
    id: `${scenario.anchor}-latency`,
    title,
    titleLines: [scenario.label, 'tail latency (p99) per unit'],
    summary: `Bar chart of the 99th percentile of per-unit latency in milliseconds for every case of ${scenario.label}, one bar per runtime, lower is better${logScale ? ', logarithmic scale' : ''}. p50, p90 and max are in the table below.`,
    xTitle: 'mode: case',
    yTitle: `p99 ms per unit${logScale ? ' (log scale)' : ''}, lower is better`,
    labels: cases.map(modeCaseAxisLabel),
    datasets,
    logScale,
    table: {
      caption: `${scenario.label}: latency per unit, medians over repeats (ms)`,
      rowHeading: 'Mode: case · runtime',
      columns: ['p50 (ms)', 'p90 (ms)', 'p99 (ms)', 'max (ms)', 'Status'],
      rows: rowsFor(
        ctx,
        scenario,
        cases,
        (a) => [
          num(a.figures.p50Ms?.median),
          num(a.figures.p90Ms?.median),
          num(a.figures.p99Ms?.median),
          num(a.figures.maxMs?.median),
        ],
        4,
        modeCaseLabel,
      ),
    },
  });
}

export const latencyPart: ReportPart = {
  id: 'latency',
  scenario(ctx, scenario) {
    const chart = latencyChart(ctx, scenario);
    return chart ? [{ kind: 'chart', chart }] : [];
  },
};
