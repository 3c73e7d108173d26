/**
 * Runtime versus runtime, per scenario: results' runtimeRatios (the lines the terminal summary and
 * the Markdown export print), for each machine's newest run, as a table with both figures, the
 * sentence, the verdict and how the interval was formed, and (folded, like every chart) a chart of
 * the ratios with their 95% CI as whiskers against a line at 1×.
 */
import {
  formatNumber,
  formatRatio,
  formatRatioInterval,
  isConclusive,
  type RunFile,
  type RuntimeRatio,
  ratioMethodText,
  runtimeRatios,
  runtimeRatioText,
} from '@asyncbench/results';
import { layout } from '../charts/layout.ts';
import type { ReportContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import { dash, text } from '../text.ts';
import type { Block, ChartView, Row } from '../view.ts';

const ratiosOf = new WeakMap<RunFile, RuntimeRatio[]>();

/** runtimeRatios, once per run object. */
export function ratiosFor(run: RunFile): RuntimeRatio[] {
  let ratios = ratiosOf.get(run);
  if (!ratios) {
    ratios = runtimeRatios(run);
    ratiosOf.set(run, ratios);
  }
  return ratios;
}

/** How to read the chart and the table, in one paragraph. */
export const HOW_TO_READ =
  'Each row (and bar in the chart) is how many times faster the scenario’s fastest runtime was than another, on the ' +
  'figure the overview shows (workloads: the best concurrent case’s throughput; micro scenarios: ' +
  'the geometric mean of the cases’ ops/s); the ratio is of medians over repeats, with ' +
  'its 95% confidence interval (the whisker). Repeat i of every runtime ran back to back, so where both ran ' +
  'every repeat the interval is paired by repeat (a slowdown of the machine that hit both cancels ' +
  'out); otherwise it is Welch’s. An interval that holds 1× (a whisker across the line) means no ' +
  'significant difference: do not quote that ratio. With one repeat there is no interval (insufficient data).';

const pairLabel = (r: RuntimeRatio) => `${r.scenario}: ${r.runtime} ÷ ${r.against}`;

function chart(id: string, ratios: readonly RuntimeRatio[], on: string): ChartView {
  const rows: Row[] = ratios.map((r) => ({
    header: pairLabel(r),
    cells: [
      r.ratio === null ? dash : { text: formatRatio(r.ratio), value: r.ratio },
      r.ciLow === null ? dash : text(formatRatioInterval(r.ciLow, r.ciHigh)),
    ],
  }));
  return layout({
    id,
    kind: 'bar',
    title: `Fastest runtime ÷ each other, per scenario, 95% CI${on}`,
    titleLines: ['Fastest runtime ÷ each other', `per scenario, 95% CI${on}`],
    summary: `Ratio of the fastest runtime to each other runtime, per scenario${on}; the table lists every ratio.`,
    xTitle: 'scenario: fastest ÷ other',
    yTitle: 'ratio (×), log scale',
    labels: ratios.map((r) => [`${r.scenario}:`, `${r.runtime} ÷ ${r.against}`]),
    datasets: [
      {
        label: 'fastest ÷ other',
        colour: 0,
        shade: 1,
        values: ratios.map((r) => r.ratio),
        low: ratios.map((r) => r.ciLow),
        high: ratios.map((r) => r.ciHigh),
        missing: ratios.map((r) => (r.ratio === null ? 'no figure' : null)),
      },
    ],
    logScale: true,
    interval: '95% CI',
    refLine: { value: 1, label: '1× (no difference)' },
    horizontal: false,
    height: null,
    table: {
      caption: `Fastest runtime ÷ each other, per scenario${on}`,
      rowHeading: 'Scenario: fastest ÷ other',
      columns: ['Ratio', '95% CI'],
      rows,
    },
  });
}

function table(ratios: readonly RuntimeRatio[], on: string): Block {
  return {
    kind: 'table',
    table: {
      caption: `Runtimes compared${on}: per scenario, the fastest against each other runtime`,
      rowHeading: 'Scenario',
      columns: ['Figure', 'Fastest', 'Other', 'Comparison', 'Verdict', 'CI from'],
      rows: ratios.map((r) => ({
        header: r.label,
        cells: [
          text(`${r.unit}, ${r.basis}`),
          {
            text: `${r.runtime} ${formatNumber(r.runtimeFigure)}${r.runtimeCase ? ` (${r.runtimeCase})` : ''}`,
            value: r.runtimeFigure,
          },
          {
            text: `${r.against} ${formatNumber(r.againstFigure)}${r.againstCase ? ` (${r.againstCase})` : ''}`,
            value: r.againstFigure,
          },
          text(runtimeRatioText(r)),
          { text: r.verdict, value: null, tone: isConclusive(r) ? 'better' : 'same' },
          text(ratioMethodText(r)),
        ],
      })),
    },
  };
}

export const runtimeRatiosPart: ReportPart = {
  id: 'runtime-ratios',
  section: {
    at: 'top',
    build(ctx: ReportContext) {
      const blocks: Block[] = [];
      for (const index of ctx.newest) {
        const ratios = ratiosFor(ctx.runs[index]!);
        if (ratios.length === 0) continue;
        const on = ctx.newest.length > 1 ? ` (${ctx.runLabels[index]})` : '';
        // The table first; the chart waits in a fold like every other chart (drawn when opened).
        blocks.push(table(ratios, on), {
          kind: 'group',
          fold: { summary: `Chart: the ratios with their 95% CI${on}`, open: false },
          blocks: [{ kind: 'chart', chart: chart(`runtime-ratios-${index}`, ratios, on) }],
        });
      }
      if (blocks.length === 0) return null;
      return {
        id: 'runtime-ratios',
        title: 'Runtimes compared',
        blocks: [{ kind: 'text', text: HOW_TO_READ }, ...blocks],
      };
    },
  },
};
