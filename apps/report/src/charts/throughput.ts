/**
 * Throughput: every workload case of a scenario in one chart, blocking -> sequential -> concurrent,
 * one bar per series, so the gap between the modes (97 units/s blocking, 9,000 with gather) shows
 * at a glance. Several modes differ by orders of magnitude, so the axis is then logarithmic: on a
 * linear one the blocking bars would be invisible slivers.
 */
import { caseLabel } from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import { mainFigureNum, num, wrapLabel } from '../text.ts';
import type { ChartView } from '../view.ts';
import { barChart, datasetsFor, modeCaseAxisLabel, modeCaseLabel, rowsFor } from './bars.ts';

export function throughputChart(ctx: ReportContext, scenario: ScenarioContext): ChartView | null {
  const cases = scenario.workload;
  if (cases.length === 0) return null;
  const mixed = new Set(cases.map((c) => c.mode)).size > 1;
  const per = `${scenario.unit.plural}/s`;
  const title = `${scenario.label}: throughput`;
  return barChart({
    id: `${scenario.anchor}-throughput`,
    title,
    titleLines: [scenario.label, 'throughput'],
    summary: `Bar chart of ${scenario.unit.plural} per second for every case of ${scenario.label}${mixed ? ', blocking, then sequential, then concurrent' : ''}, one bar per runtime${mixed ? ', on a logarithmic scale' : ''}, higher is better. Exact figures in the table below.`,
    xTitle: mixed ? 'mode: case' : `case (${cases[0]!.mode})`,
    yTitle: `${per}${mixed ? ' (log scale)' : ''}, higher is better`,
    labels: cases.map((c) => (mixed ? modeCaseAxisLabel(c) : wrapLabel(caseLabel(c)))),
    datasets: datasetsFor(ctx, scenario, cases, 'throughput'),
    logScale: mixed,
    table: {
      caption: `${title}: medians over repeats, with min and max`,
      rowHeading: mixed ? 'Mode: case · runtime' : 'Case · runtime',
      columns: [`Throughput median (${per})`, 'Min', 'Max', 'Wall median (ms)', 'Ideal (ms)', 'Status'],
      rows: rowsFor(
        ctx,
        scenario,
        cases,
        (a) => [
          mainFigureNum(a, a.figures.throughput?.median),
          num(a.figures.throughput?.min),
          num(a.figures.throughput?.max),
          num(a.figures.wallMs?.median),
          num(a.idealMs),
        ],
        5,
        mixed ? modeCaseLabel : caseLabel,
      ),
    },
  });
}

export const throughputPart: ReportPart = {
  id: 'throughput',
  scenario(ctx, scenario) {
    const chart = throughputChart(ctx, scenario);
    return chart ? [{ kind: 'chart', chart }] : [];
  },
};
