/**
 * Efficiency: measured against the physical limit. For every case with a known ideal wall time,
 * ideal / measured wall in percent, one bar per series, against a dashed 100% line.
 */
import { formatPercent } from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import { dash, num, text } from '../text.ts';
import type { ChartView } from '../view.ts';
import { barChart, datasetsFor, modeCaseAxisLabel, rowsFor } from './bars.ts';

export function efficiencyChart(ctx: ReportContext, scenario: ScenarioContext): ChartView | null {
  const cases = scenario.workload.filter((c) => c.idealMs !== null);
  if (cases.length === 0) return null;
  const title = `${scenario.label}: measured versus the physical limit`;
  return barChart({
    id: `${scenario.anchor}-efficiency`,
    title,
    titleLines: [scenario.label, 'measured versus the physical limit'],
    summary: `Bar chart of efficiency, the ideal wall time divided by the measured wall time in percent, for every mode of ${scenario.label}; 100% is the physical limit.`,
    xTitle: 'mode: case',
    yTitle: '% of ideal (ideal / measured wall)',
    labels: cases.map(modeCaseAxisLabel),
    datasets: datasetsFor(ctx, scenario, cases, 'efficiency', 100),
    logScale: false,
    refLine: { value: 100, label: 'physical limit (ideal)' },
    table: {
      caption: `${title}: efficiency = ideal wall time / measured wall time`,
      rowHeading: 'Case · runtime',
      columns: [
        'Mode',
        'Units',
        'Concurrency',
        'Ideal (ms)',
        'Measured wall median (ms)',
        'Efficiency',
        'Status',
      ],
      rows: rowsFor(
        ctx,
        scenario,
        cases,
        (a, c) => {
          const eff = a.figures.efficiency?.median;
          return [
            text(c.mode ?? '—'),
            num(a.units),
            num(a.concurrency),
            num(a.idealMs),
            num(a.figures.wallMs?.median),
            eff === undefined ? dash : { text: formatPercent(eff), value: eff },
          ];
        },
        6,
      ),
    },
  });
}

export const efficiencyPart: ReportPart = {
  id: 'efficiency',
  scenario(ctx, scenario) {
    const chart = efficiencyChart(ctx, scenario);
    return chart ? [{ kind: 'chart', chart }] : [];
  },
};
