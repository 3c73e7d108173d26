/**
 * Parameter sweeps (`asyncbench run --param concurrency=1,2,4,...`): per swept scenario and case,
 * throughput and p99 against the swept parameter, one line per runtime (medians, min–max whiskers
 * over repeats), beside the ideal throughput N / idealMs, dashed. Where a runtime's line leaves the
 * ideal and flattens is where more of the parameter stops paying; a line per runtime names the first
 * value that reaches 90% of its best. The curves are @asyncbench/results' sweepsOf; this part only
 * lays them out. Each case is a fold: the first whose ideal depends on the parameter opens, the
 * others draw when opened.
 */
import {
  byRuntimeOrder,
  figureUnit,
  formatNumber,
  type ParamValue,
  runtimeLabel,
  type Spread,
  type Sweep,
  type SweepCase,
  sweepsOf,
} from '@asyncbench/results';
import { MIN_MAX, needsLog } from '../charts/bars.ts';
import type { ReportContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import { dash, num, slug } from '../text.ts';
import type { Block, ChartView, DatasetView, Row, SectionView } from '../view.ts';

/** Palette slot of the ideal line: --c6 is the text colour in either scheme. */
const IDEAL_COLOUR = 6;

/** `concurrency=8`. */
const point = (param: string, value: ParamValue): string => `${param}=${String(value)}`;

/** The first swept value at which a line reaches 90% of its best median, or where it is best. */
export function readout(medians: readonly (number | null)[], sweep: Sweep, unit: string): string | null {
  const values = medians.map((v) => v ?? -1);
  const best = Math.max(...values);
  if (!(best > 0)) return null;
  const at = values.findIndex((v) => v >= 0.9 * best);
  const bestAt = values.indexOf(best);
  const top = point(sweep.param, sweep.values[bestAt]!);
  return at === bestAt
    ? `best at ${top} (${formatNumber(best)} ${unit})`
    : `90% of its best by ${point(sweep.param, sweep.values[at]!)}; best ${formatNumber(best)} ${unit} at ${top}`;
}

const line = (label: string, colour: number, spreads: (Spread | null)[]): DatasetView => ({
  label,
  colour,
  shade: 1,
  values: spreads.map((s) => s?.median ?? null),
  low: spreads.map((s) => s?.min ?? null),
  high: spreads.map((s) => s?.max ?? null),
  missing: spreads.map((s) => (s ? null : 'no figure')),
});

interface Axis {
  labels: string[];
  xValues?: number[];
  xLog?: boolean;
}

/** Numbers on a numeric axis, logarithmic for doubling steps (1, 2, 4 … 64); anything else as categories. */
function axisOf(sweep: Sweep): Axis {
  const labels = sweep.values.map(String);
  if (!sweep.values.every((v) => typeof v === 'number')) return { labels };
  const xs = sweep.values as number[];
  const xLog = xs.every((x) => x > 0) && Math.max(...xs) / Math.min(...xs) >= 8;
  return { labels, xValues: xs, xLog };
}

function caseCharts(ctx: ReportContext, runIndex: number, sweep: Sweep, sc: SweepCase, id: string): Block[] {
  const run = ctx.runs[runIndex]!;
  const own = (runtime: string) => ctx.series.find((s) => s.runtime === runtime && s.runIndex === runIndex);
  const series = [...sc.series].sort((a, b) => byRuntimeOrder(a.runtime, b.runtime));
  const label = (runtime: string) => own(runtime)?.label ?? runtimeLabel(run, runtime);
  const colour = (runtime: string) => own(runtime)?.colour ?? 0;
  const ideal = sweep.values.map(
    (_, i) => series.find((s) => s.points[i]?.ideal != null)?.points[i]?.ideal ?? null,
  );
  const mainUnit = figureUnit(sc.mainFigure, sweep.unit);
  const tailUnit = figureUnit(sc.tailFigure);
  const axis = axisOf(sweep);
  const main = series.map((s) =>
    line(
      label(s.runtime),
      colour(s.runtime),
      s.points.map((p) => p.main),
    ),
  );
  if (ideal.some((v) => v !== null)) {
    main.push({
      label: 'ideal (N ÷ ideal wall time)',
      colour: IDEAL_COLOUR,
      shade: 1,
      values: ideal,
      low: ideal.map(() => null),
      high: ideal.map(() => null),
      missing: ideal.map(() => null),
      dashed: true,
    });
  }
  const tail = series.map((s) =>
    line(
      label(s.runtime),
      colour(s.runtime),
      s.points.map((p) => p.tail),
    ),
  );
  const rows: Row[] = series.flatMap((s) =>
    s.points.map((p, i) => ({
      header: `${point(sweep.param, p.value)} · ${label(s.runtime)}`,
      cells: [
        num(p.main?.median),
        num(p.main?.min),
        num(p.main?.max),
        num(p.tail?.median),
        ideal[i] === null ? dash : num(ideal[i]),
      ],
    })),
  );
  const table = {
    caption: `${sc.label}: medians over repeats, with min and max, per value of ${sweep.param}`,
    rowHeading: `${sweep.param} · runtime`,
    columns: [`${mainUnit} (median)`, 'Min', 'Max', `p99 (${tailUnit})`, `Ideal (${mainUnit})`],
    rows,
  };
  const chart = (which: 'main' | 'tail'): ChartView => {
    const datasets = which === 'main' ? main : tail;
    const logScale = which === 'main' && needsLog(datasets, 10);
    const what =
      which === 'main'
        ? `${sc.kind === 'micro' ? 'ops/s' : 'throughput'} (${mainUnit})`
        : `p99 (${tailUnit})`;
    return {
      id: `${id}-${which}`,
      kind: 'line',
      title: `${sc.label}: ${what} against ${sweep.param}`,
      titleLines: [sc.label, `${what} against ${sweep.param}`],
      summary: `Line chart of ${what} against ${sweep.param} for ${sc.label}, one line per runtime${which === 'main' ? ', with the ideal dashed' : ''}.`,
      xTitle: sweep.param,
      yTitle: `${what}${logScale ? ' (log scale)' : ''}, ${which === 'main' ? 'higher' : 'lower'} is better`,
      ...axis,
      datasets,
      logScale,
      interval: MIN_MAX,
      refLine: null,
      horizontal: false,
      height: null,
      table,
    };
  };
  const items = series
    .map((s) => ({
      lead: label(s.runtime),
      text: readout(main.find((d) => d.label === label(s.runtime))!.values, sweep, mainUnit),
    }))
    .filter((i): i is { lead: string; text: string } => i.text !== null);
  return [
    { kind: 'list', items },
    {
      kind: 'group',
      grid: true,
      blocks: [
        { kind: 'chart', chart: chart('main') },
        { kind: 'chart', chart: chart('tail') },
      ],
    },
  ];
}

export function sweepsSection(ctx: ReportContext): SectionView | null {
  const blocks: Block[] = [];
  ctx.runs.forEach((run, runIndex) => {
    if (!ctx.shown.includes(runIndex)) return;
    for (const sweep of sweepsOf(run)) {
      const id = slug(`sweep-${runIndex}-${sweep.scenario}-${sweep.param}`);
      const initial = Math.max(
        sweep.cases.findIndex((c) => c.idealVaries),
        0,
      );
      const of = ctx.shown.length > 1 ? ` · ${ctx.runLabels[runIndex]}` : '';
      blocks.push({ kind: 'heading', text: `${sweep.label}: ${sweep.param} swept${of}` });
      sweep.cases.forEach((sc, i) => {
        blocks.push({
          kind: 'group',
          fold: { summary: sc.label, open: i === initial },
          blocks: caseCharts(ctx, runIndex, sweep, sc, `${id}-${i}`),
        });
      });
    }
  });
  if (blocks.length === 0) return null;
  return {
    id: 'sweeps',
    title: 'Parameter sweeps',
    blocks: [
      {
        kind: 'text',
        text: 'Each value of the swept parameter ran as its own set of processes. Lines are medians over repeats, whiskers their min and max; the dashed line is the ideal throughput, N ÷ ideal wall time, the physical limit the parameter allows. Where a runtime’s line leaves it and flattens, more of the parameter stops paying.',
      },
      ...blocks,
    ],
  };
}

export const sweepsPart: ReportPart = {
  id: 'sweeps',
  section: { at: 'top', build: sweepsSection },
};
