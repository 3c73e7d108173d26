/**
 * The report's view model: what the page shows, as plain data. Parts (parts.ts) build it from the
 * context (context.ts); the markup (render/) and the page script (client/) only display it. Every
 * string here is plain text: the renderer escapes it, so no part ever writes markup.
 */
import type { Mode, UnitNoun } from '@asyncbench/results';

export interface Cell {
  text: string;
  /** The unrounded number, for CSV/JSON downloads; null for text cells. */
  value: number | null;
  /** Styling hint: best (fastest), missing (failed/skipped), better/worse/same (comparison verdicts). */
  tone?: 'best' | 'missing' | 'better' | 'worse' | 'same';
}

export interface Row {
  header: string;
  cells: Cell[];
}

export interface TableView {
  caption: string;
  /** Column headings after the row-header column, whose heading is `rowHeading`. */
  rowHeading: string;
  columns: string[];
  rows: Row[];
}

export interface DatasetView {
  label: string;
  /** Index into the Okabe-Ito palette (CSS variables --c0..--c7). */
  colour: number;
  /** Fill opacity, 0..1 (paler series: an older run, another host). */
  shade: number;
  /** One value per category (bar) or point (line); null where there is none (see `missing`). */
  values: (number | null)[];
  /** The interval drawn as whiskers around each value (ChartView.interval says which). */
  low: (number | null)[];
  high: (number | null)[];
  /** Why a value is absent (`failed`, `skipped`, `not run`), drawn on bar charts instead of a zero. */
  missing: (string | null)[];
  /** Line charts: a dashed line, for a reference series such as the ideal. */
  dashed?: boolean;
}

export interface ChartView {
  /** Unique in the document, [a-z0-9-] only (element ids, download file names). */
  id: string;
  /** `bar`: one bar per series per category; `line`: one line per series across the x values. */
  kind: 'bar' | 'line';
  title: string;
  /** The title as [scenario, what this chart shows], drawn on two lines where the chart is narrow. */
  titleLines: string[];
  /** One sentence for screen readers (aria-label); the table carries the numbers. */
  summary: string;
  xTitle: string;
  yTitle: string;
  /** Category labels (or the x values' labels); an array is drawn on several lines. */
  labels: (string | string[])[];
  /**
   * Line charts on a numeric x axis (a swept parameter): the x value of each label, in order.
   * Absent: the x axis is categorical, evenly spaced.
   */
  xValues?: number[];
  /** Numeric x axes only: logarithmic when the swept values grow geometrically. */
  xLog?: boolean;
  datasets: DatasetView[];
  logScale: boolean;
  /** What the whiskers span, for tooltips: `min–max` over repeats, `95% CI`. */
  interval: string;
  refLine: { value: number; label: string } | null;
  /** Bars run sideways when there are many: long case labels stay readable, phones scroll down. */
  horizontal: boolean;
  /** Canvas height in px (sideways charts grow with their categories); null: the stylesheet decides. */
  height: number | null;
  table: TableView;
}

export interface StatusNote {
  series: string;
  status: 'failed' | 'skipped' | 'not run';
  reason: string;
  /** `2 of 3 repeats succeeded` where some did. */
  detail: string | null;
  stderrTail: string | null;
}

/** One figure of the overview: a runtime (on a host) in a scenario. */
export interface OverviewCell {
  /**
   * The main figure as printed, without its unit (the row says it): `7,167`, `7,167 ?` when
   * inconclusive (precision.ts); `—` when none.
   */
  figure: string;
  value: number | null;
  /** Which case it comes from (`gather`) or how it was formed (`geometric mean of 6 cases`). */
  basis: string;
  /** `36.7× speedup (CI 35.5–38.0×)`; empty where there is no speedup (micro, no sync case). */
  speedup: string;
  /** `90% of ideal`; empty where the ideal is unknown. */
  efficiency: string;
  /** The runtime's standing in the row: `fastest`, or `0.62× the fastest`. */
  standing: string;
  /** 1..5: how close to the row's best (shading); 0: no figure. */
  heat: number;
  best: boolean;
  /** Set when there is no figure: `failed`, `skipped: …`, `not run`. */
  status: string | null;
  /**
   * Warnings other parts attach (ReportPart.overviewMarks), each with the terminal's sign where it
   * has one: `! possible dead-code elimination`, `? inconclusive: 1 of 2 cases`, `partial: …`.
   */
  marks: string[];
}

export interface OverviewRow {
  scenario: string;
  /** Element id of the scenario's section, for the row's link. */
  anchor: string;
  label: string;
  /** The figure's unit with the scenario's noun: `timer waits/s`, `ops/s`. */
  unit: string;
  /** What the figure is: `best concurrent case`, `geometric mean over cases`. */
  what: string;
  cells: OverviewCell[];
}

export interface OverviewView {
  caption: string;
  /** One column per series (runtime, or host × runtime). */
  columns: string[];
  rows: OverviewRow[];
  /**
   * results' precisionNote of each run the columns come from (`? 4 of 60 main figures stayed wider
   * than ±7% …`), prefixed with the run's label when there are several; [] when none has one.
   */
  notes: string[];
  /** How to read a cell, in one or two sentences. */
  legend: string;
}

/** A piece of a section or of a scenario's fold, in reading order. */
export type Block =
  | { kind: 'chart'; chart: ChartView }
  | { kind: 'table'; table: TableView; className?: string }
  | { kind: 'text'; text: string; muted?: boolean }
  | { kind: 'list'; items: { lead: string; text: string }[] }
  | { kind: 'heading'; text: string }
  | { kind: 'overview'; overview: OverviewView }
  /** Blocks folded away under `summary` (a details element), or laid out side by side (`grid`). */
  | { kind: 'group'; blocks: Block[]; fold?: { summary: string; open: boolean }; grid?: boolean };

/** A section of the page outside the scenarios (overview, history, environment…). */
export interface SectionView {
  /** Element id, [a-z0-9-] only. */
  id: string;
  title: string;
  blocks: Block[];
}

export interface ScenarioView {
  id: string;
  /** Element id, derived from the scenario id, [a-z0-9-] only. */
  anchor: string;
  label: string;
  description: string;
  params: string;
  modes: Mode[];
  /** What one unit is, as the scenario declared it (`request`/`requests`). */
  unit: UnitNoun;
  /** Failed, skipped and not-run entries: shown above the fold, never folded away. */
  notes: StatusNote[];
  /** Everything else, in part order, folded under the scenario's heading. */
  blocks: Block[];
}

export interface ReportModel {
  runLabels: string[];
  /** Page sections before the scenarios (overview first), in part order. */
  top: SectionView[];
  scenarios: ScenarioView[];
  /** Page sections after the scenarios (environment last). */
  bottom: SectionView[];
  /** Run-versus-run headline counts over every comparison shown, for the summary; null: none. */
  comparisonCounts: ComparisonCounts | null;
}

/** Headline-figure verdicts of the run-versus-run comparisons, and what they left out. */
export interface ComparisonCounts {
  better: number;
  worse: number;
  /** No significant difference at 95% confidence. */
  same: number;
  /** 'insufficient data': fewer than two repeats on a side, so no interval and no judgement. */
  insufficient: number;
  /** `node queue: only in the first run (label)`, one per entry only one run of a pair has. */
  onlyIn: string[];
}

/** Every chart in some blocks, depth first (the page script draws these; tests look them up). */
export function chartsIn(blocks: readonly Block[]): ChartView[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'chart') return [b.chart];
    if (b.kind === 'group') return chartsIn(b.blocks);
    return [];
  });
}

/** Every chart of a model: sections and scenarios, in page order. */
export function chartsOf(model: ReportModel): ChartView[] {
  return [
    ...model.top.flatMap((s) => chartsIn(s.blocks)),
    ...model.scenarios.flatMap((s) => chartsIn(s.blocks)),
    ...model.bottom.flatMap((s) => chartsIn(s.blocks)),
  ];
}
