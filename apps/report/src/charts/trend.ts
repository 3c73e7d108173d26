/**
 * Trend: one figure of a scenario across the runs of one machine, one line per runtime, each point
 * the mean over that run's repeats with its 95% confidence interval (results' meanInterval95,
 * Student's t) as whiskers. Runs are evenly spaced along x, oldest first.
 */
import { formatNumber, mean, meanInterval95 } from '@asyncbench/results';
import { dash, num, text } from '../text.ts';
import type { Cell, ChartView, DatasetView, Row } from '../view.ts';
import { needsLog } from './bars.ts';

/** One run's figure on a trend: its repeats (empty: no figure) and why there is none. */
export interface TrendPoint {
  repeats: number[];
  /** The figure without repeats (a geometric mean whose repeats do not line up); null: none. */
  value: number | null;
  missing: string | null;
  /** Extra cells for the table row (version, case). */
  about: Cell[];
}

export interface TrendLine {
  label: string;
  colour: number;
  points: TrendPoint[];
}

export interface TrendSpec {
  id: string;
  title: string;
  titleLines: string[];
  /** What is on y, with unit, e.g. `timer waits/s`. */
  figure: string;
  xTitle: string;
  /** One label per run, oldest first. */
  runs: (string | string[])[];
  /** The row heading of each run in the table. */
  runNames: string[];
  lines: TrendLine[];
  /** Headings of TrendPoint.about's cells. */
  aboutColumns: string[];
}

/** Where a point sits and its whiskers: mean and 95% CI with two repeats or more. */
function place(p: TrendPoint): { value: number | null; low: number | null; high: number | null } {
  if (p.repeats.length === 0) return { value: p.value, low: null, high: null };
  const ci = meanInterval95(p.repeats);
  return { value: mean(p.repeats), low: ci?.low ?? null, high: ci?.high ?? null };
}

export function trendChart(spec: TrendSpec): ChartView {
  const datasets: DatasetView[] = spec.lines.map((line) => {
    const placed = line.points.map(place);
    return {
      label: line.label,
      colour: line.colour,
      shade: 1,
      values: placed.map((p) => p.value),
      low: placed.map((p) => p.low),
      high: placed.map((p) => p.high),
      missing: line.points.map((p) => p.missing),
    };
  });
  const logScale = needsLog(datasets);
  const rows: Row[] = spec.lines.flatMap((line, li) =>
    line.points.map((p, i): Row => {
      const d = datasets[li]!;
      return {
        header: `${spec.runNames[i]} · ${line.label}`,
        cells: [
          ...p.about,
          num(d.values[i]),
          d.low[i] === null ? dash : text(`${formatNumber(d.low[i])}–${formatNumber(d.high[i])}`),
          p.repeats.length > 0 ? num(p.repeats.length) : dash,
          p.missing ? { text: p.missing, value: null, tone: 'missing' } : text('ok'),
        ],
      };
    }),
  );
  return {
    id: spec.id,
    kind: 'line',
    title: spec.title,
    titleLines: spec.titleLines,
    summary: `Line chart of ${spec.figure} across ${spec.runs.length} runs, oldest first, one line per runtime; each point is the mean over the run's repeats with its 95% confidence interval. Exact figures in the table below.`,
    xTitle: spec.xTitle,
    yTitle: `${spec.figure}${logScale ? ' (log scale)' : ''}, higher is better`,
    labels: spec.runs,
    datasets,
    logScale,
    interval: '95% CI',
    refLine: null,
    horizontal: false,
    height: null,
    table: {
      caption: `${spec.title}: mean over repeats with its 95% confidence interval, per run`,
      rowHeading: 'Run · runtime',
      columns: [...spec.aboutColumns, `Mean (${spec.figure})`, '95% CI', 'Repeats', 'Status'],
      rows,
    },
  };
}
