/**
 * Micro cases: operations per second per case, one bar per series (log axis when the cases differ
 * by orders of magnitude), and a table with the fastest series per case marked and the others as a
 * ratio to it.
 */
import { caseLabel, formatNumber, formatRatio } from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import { dash, mainFigureNum, num, wrapLabel } from '../text.ts';
import type { Cell, ChartView, Row } from '../view.ts';
import { barChart, datasetsFor, needsLog } from './bars.ts';

function microRows(ctx: ReportContext, scenario: ScenarioContext): Row[] {
  const rows: Row[] = [];
  for (const c of scenario.micro) {
    const found = scenario.series.map((s) => ({ s, l: ctx.lookup(s, scenario.id, c.id) }));
    const best = Math.max(...found.map(({ l }) => l.aggregate?.figures.opsPerSec?.median ?? -1));
    for (const { s, l } of found) {
      const f = l.aggregate?.figures;
      const ops = f?.opsPerSec?.median;
      let rel: Cell = dash;
      if (ops !== undefined && best > 0) {
        rel =
          ops === best
            ? { text: 'fastest', value: 1, tone: 'best' }
            : { text: `${formatRatio(best / ops)} slower`, value: ops / best };
      }
      rows.push({
        header: `${caseLabel(c)} · ${s.label}`,
        cells: f
          ? [
              { ...mainFigureNum(l.aggregate!, ops), tone: ops === best ? 'best' : undefined },
              num(f.meanNs?.median),
              num(f.p99Ns?.median),
              f.rme ? { text: `±${formatNumber(f.rme.median)}%`, value: f.rme.median } : dash,
              rel,
              l.status,
            ]
          : [dash, dash, dash, dash, dash, l.status],
      });
    }
  }
  return rows;
}

export function microChart(ctx: ReportContext, scenario: ScenarioContext): ChartView | null {
  const cases = scenario.micro;
  if (cases.length === 0) return null;
  const title = `${scenario.label}: operations per second`;
  const datasets = datasetsFor(ctx, scenario, cases, 'opsPerSec');
  // Cases of one scenario can differ by orders of magnitude (gather of 10 vs 1000): log keeps both visible.
  const logScale = needsLog(datasets);
  return barChart({
    id: `${scenario.anchor}-micro`,
    title,
    titleLines: [scenario.label, 'operations per second'],
    summary: `Bar chart of operations per second for each micro case of ${scenario.label}, one bar per runtime, higher is better${logScale ? ', logarithmic scale' : ''}.`,
    xTitle: 'case',
    yTitle: `ops/s${logScale ? ' (log scale)' : ''}, higher is better`,
    labels: cases.map((c) => wrapLabel(caseLabel(c))),
    datasets,
    logScale,
    table: {
      caption: `${title}: medians over repeats, fastest runtime per case marked, others as a ratio to it`,
      rowHeading: 'Case · runtime',
      columns: ['ops/s', 'Mean (ns)', 'p99 (ns)', 'RME', 'Versus fastest', 'Status'],
      rows: microRows(ctx, scenario),
    },
  });
}

export const microPart: ReportPart = {
  id: 'micro',
  scenario(ctx, scenario) {
    const chart = microChart(ctx, scenario);
    return chart ? [{ kind: 'chart', chart }] : [];
  },
};
