/**
 * The sweep chart: for a `--param` sweep (`asyncbench run --param concurrency=1,2,4,...`),
 * throughput and p99 against the swept parameter, one line per runtime, beside the ideal
 * throughput N / idealMs. Where a runtime's line leaves the ideal and flattens is where more of the
 * parameter stops paying; a sentence per runtime names the first value that reaches 90% of its
 * best. The curves are @asyncbench/results' sweepsOf; this module only lays them out.
 *
 * Self-contained, so the report needs one hook: renderSweeps(runs) returns the whole section
 * (markup, its data as JSON and its drawing script, which waits for the page's Chart.js). The
 * in-page function `sweepClient` follows client.ts's rules: everything it uses is defined inside
 * it or passed in, and it builds DOM with textContent only.
 */

import {
  figureUnit,
  formatNumber,
  type ParamValue,
  type RunFile,
  runLabels,
  type Sweep,
  type SweepCase,
  sweepsOf,
} from '@asyncbench/results';
import type { ChartConfiguration, Chart as ChartJs, Point } from 'chart.js';
import { escapeHtml, jsonForScript, scriptSafe } from './html.ts';
import { buildSeries, slug } from './model.ts';

/** One runtime's line: medians with their min and max over repeats, per swept value. */
export interface SweepLine {
  label: string;
  colour: number;
  main: (number | null)[];
  mainLow: (number | null)[];
  mainHigh: (number | null)[];
  tail: (number | null)[];
}

/** One case of a sweep, as drawn: the two charts' data and the readout. */
export interface SweepCaseView {
  case: string;
  label: string;
  mainTitle: string;
  tailTitle: string;
  lines: SweepLine[];
  /** Ideal throughput per value (null where d is unknown); drawn dashed. */
  ideal: (number | null)[];
  /** Per runtime: where 90% of its best throughput is first reached. */
  readout: string[];
}

export interface SweepView {
  /** Unique in the document, [a-z0-9-]. */
  id: string;
  title: string;
  param: string;
  /** The swept values as numbers when every value is a number (drawn on a numeric axis). */
  xs: number[] | null;
  /** The swept values as text, for tables and category axes. */
  values: string[];
  /** The case shown first: the first whose ideal depends on the parameter, else the first. */
  initial: number;
  cases: SweepCaseView[];
}

/** `concurrency=8`. */
function point(param: string, value: ParamValue): string {
  return `${param}=${String(value)}`;
}

/** The first swept value at which a line reaches 90% of its best median. */
function readout(line: SweepLine, sc: SweepCase, sweep: Sweep, unitPlural: string): string | null {
  const medians = line.main.map((v) => v ?? -1);
  const best = Math.max(...medians);
  if (!(best > 0)) return null;
  const at = medians.findIndex((v) => v >= 0.9 * best);
  const bestAt = medians.indexOf(best);
  const unit = sc.kind === 'micro' ? 'ops/s' : `${unitPlural}/s`;
  const knee = point(sweep.param, sweep.values[at]!);
  const top = point(sweep.param, sweep.values[bestAt]!);
  return at === bestAt
    ? `${line.label}: best at ${top} (${formatNumber(best)} ${unit})`
    : `${line.label}: 90% of its best by ${knee}; best ${formatNumber(best)} ${unit} at ${top}`;
}

/** The sweeps of every run given, as the section draws them. */
export function buildSweeps(runs: readonly RunFile[]): SweepView[] {
  const series = buildSeries(runs);
  const labels = runLabels(runs);
  const views: SweepView[] = [];
  runs.forEach((run, runIndex) => {
    for (const sweep of sweepsOf(run)) {
      const numeric = sweep.values.every((v) => typeof v === 'number');
      const cases = sweep.cases.map((sc): SweepCaseView => {
        const lines = sc.series.map((s): SweepLine => {
          const own = series.find((x) => x.runtime === s.runtime && x.runIndex === runIndex);
          return {
            label: own?.label ?? s.runtime,
            colour: own?.colour ?? 0,
            main: s.points.map((p) => p.main?.median ?? null),
            mainLow: s.points.map((p) => p.main?.min ?? null),
            mainHigh: s.points.map((p) => p.main?.max ?? null),
            tail: s.points.map((p) => p.tail?.median ?? null),
          };
        });
        const ideal = sweep.values.map(
          (_, i) => sc.series.find((s) => s.points[i]?.ideal != null)?.points[i]?.ideal ?? null,
        );
        return {
          case: sc.case,
          label: sc.label,
          mainTitle: `${sc.kind === 'micro' ? 'Operations per second' : 'Throughput'} (${figureUnit(sc.mainFigure, sweep.unit)})`,
          tailTitle: `${sc.kind === 'micro' ? 'p99 time per op' : 'Latency p99'} (${figureUnit(sc.tailFigure)})`,
          lines,
          ideal,
          readout: lines
            .map((l) => readout(l, sc, sweep, sweep.unit.plural))
            .filter((t): t is string => t !== null),
        };
      });
      const first = sweep.cases.findIndex((c) => c.idealVaries);
      views.push({
        id: slug(`sweep-${runIndex}-${sweep.scenario}-${sweep.param}`),
        title: `${sweep.label}: ${sweep.param} swept${runs.length > 1 ? ` · ${labels[runIndex]}` : ''}`,
        param: sweep.param,
        xs: numeric ? (sweep.values as number[]) : null,
        values: sweep.values.map(String),
        initial: Math.max(first, 0),
        cases,
      });
    }
  });
  return views;
}

function renderTable(view: SweepView, c: SweepCaseView): string {
  const head = [
    view.param,
    ...c.lines.map((l) => `${l.label} ${c.mainTitle}`),
    'ideal',
    ...c.lines.map((l) => `${l.label} p99`),
  ]
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const cell = (v: number | null) => `<td class="num">${v === null ? '—' : escapeHtml(formatNumber(v))}</td>`;
  const rows = view.values
    .map(
      (value, i) =>
        `<tr><th scope="row">${escapeHtml(value)}</th>${c.lines.map((l) => cell(l.main[i] ?? null)).join('')}${cell(c.ideal[i] ?? null)}${c.lines.map((l) => cell(l.tail[i] ?? null)).join('')}</tr>`,
    )
    .join('');
  return `<div class="table-wrap"><table><caption>${escapeHtml(c.label)}: medians over repeats</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function renderSweep(view: SweepView): string {
  const options = view.cases
    .map(
      (c, i) =>
        `<option value="${i}"${i === view.initial ? ' selected' : ''}>${escapeHtml(c.label)}</option>`,
    )
    .join('');
  const panels = view.cases
    .map(
      (c, i) => `<div class="sweep-case" data-case="${i}"${i === view.initial ? '' : ' hidden'}>
<ul class="speedups">${c.readout.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>
<details class="figures"><summary>Exact figures (${view.values.length} rows)</summary>${renderTable(view, c)}</details>
</div>`,
    )
    .join('\n');
  return `<figure class="chart sweep" id="${view.id}" aria-labelledby="${view.id}-h">
<h3 id="${view.id}-h">${escapeHtml(view.title)}</h3>
<p><label>Case <select data-sweep="${view.id}">${options}</select></label></p>
<div class="canvas-box"><canvas id="${view.id}-main" role="img" aria-label="${escapeHtml(`${view.title}: throughput against ${view.param}, with the ideal line`)}"></canvas></div>
<div class="canvas-box"><canvas id="${view.id}-tail" role="img" aria-label="${escapeHtml(`${view.title}: p99 latency against ${view.param}`)}"></canvas></div>
${panels}
</figure>`;
}

/**
 * The report's sweep section, or '' when no run swept a parameter. Its script draws once the page
 * (and the Chart.js inlined at its end) has loaded.
 */
export function renderSweeps(runs: readonly RunFile[]): string {
  const views = buildSweeps(runs);
  if (views.length === 0) return '';
  return `<section id="sweeps" aria-labelledby="sweeps-h">
<h2 id="sweeps-h">Parameter sweeps</h2>
<p>Each value of the swept parameter ran as its own set of processes. Lines are medians over repeats (tooltips give min and max); the dashed line is the ideal throughput, N ÷ ideal wall time, the physical limit the parameter allows. Where a runtime's line leaves it and flattens, more of the parameter stops paying.</p>
${views.map(renderSweep).join('\n')}
<script type="application/json" id="sweep-data">${jsonForScript(views)}</script>
<script>
addEventListener('DOMContentLoaded', () => (${scriptSafe(sweepClient.toString())})(window.Chart, JSON.parse(document.getElementById('sweep-data').textContent), ${scriptSafe(formatNumber.toString())}));
</script>
</section>`;
}

/** Draws every sweep view; runs in the page (see the module comment). */
export function sweepClient(
  Chart: typeof ChartJs | undefined,
  views: SweepView[],
  formatValue: (value: number) => string,
): void {
  if (!Chart) return;
  const root = document.documentElement;
  const cssVar = (name: string, fallback: string): string =>
    getComputedStyle(root).getPropertyValue(name).trim() || fallback;
  const drawn = new Map<string, ChartJs[]>();

  const config = (view: SweepView, c: SweepCaseView, which: 'main' | 'tail'): ChartConfiguration<'line'> => {
    const fg = cssVar('--fg', '#1b1f24');
    const muted = cssVar('--muted', '#57606a');
    const grid = cssVar('--grid', 'rgba(0,0,0,0.1)');
    const xs = view.xs;
    // Doubling steps (1, 2, 4 ... 64) read evenly on a log axis; anything else on a linear one.
    const logX = xs ? xs.every((x) => x > 0) && Math.max(...xs) / Math.min(...xs) >= 8 : false;
    // Numeric values are points on a numeric axis; others are categories (labels), y values alone.
    const lineOf = (values: (number | null)[]): Point[] =>
      (xs ? values.map((y, i) => ({ x: xs[i]!, y })) : values) as unknown as Point[];
    const datasets = c.lines.map((l) => ({
      label: l.label,
      data: lineOf(which === 'main' ? l.main : l.tail),
      borderColor: cssVar(`--c${l.colour}`, '#0072B2'),
      backgroundColor: cssVar(`--c${l.colour}`, '#0072B2'),
      borderWidth: 2,
      pointRadius: 3,
      spanGaps: false,
    }));
    if (which === 'main' && c.ideal.some((v) => v !== null)) {
      datasets.push({
        label: 'ideal (N ÷ ideal wall time)',
        data: lineOf(c.ideal),
        borderColor: fg,
        backgroundColor: fg,
        borderWidth: 1.5,
        pointRadius: 0,
        spanGaps: false,
        borderDash: [6, 4],
      } as (typeof datasets)[number]);
    }
    const values = datasets
      .flatMap((d) => d.data.map((p) => p.y))
      .filter((v): v is number => v != null && v > 0);
    const logY = which === 'main' && values.length > 0 && Math.max(...values) / Math.min(...values) >= 10;
    return {
      type: 'line',
      data: { labels: xs ? undefined : view.values, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        color: fg,
        plugins: {
          title: {
            display: true,
            text: `${c.label}: ${which === 'main' ? c.mainTitle : c.tailTitle}`,
            color: fg,
          },
          legend: { position: 'top', labels: { color: fg, boxWidth: 14 } },
          tooltip: {
            callbacks: {
              label(item) {
                const y = item.parsed.y;
                if (y == null) return `${item.dataset.label}: no figure`;
                const line = which === 'main' ? c.lines[item.datasetIndex] : undefined;
                const lo = line?.mainLow[item.dataIndex];
                const hi = line?.mainHigh[item.dataIndex];
                const range =
                  lo != null && hi != null ? ` (min ${formatValue(lo)}, max ${formatValue(hi)})` : '';
                return `${item.dataset.label}: ${formatValue(y)}${range}`;
              },
            },
          },
        },
        scales: {
          x: {
            type: xs ? (logX ? 'logarithmic' : 'linear') : 'category',
            title: { display: true, text: view.param, color: fg },
            ticks: {
              color: muted,
              ...(xs ? { callback: (v: number | string) => (xs.includes(Number(v)) ? String(v) : '') } : {}),
            },
            ...(logX
              ? {
                  afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
                    axis.ticks = xs!.map((value) => ({ value }));
                  },
                }
              : {}),
            grid: { color: grid },
          },
          y: {
            type: logY ? 'logarithmic' : 'linear',
            beginAtZero: !logY,
            // Log axes: ticks at 1, 2 and 5 times a power of ten only, as the report's bar charts.
            ...(logY
              ? {
                  afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
                    axis.ticks = axis.ticks.filter((t) => {
                      const m = t.value / 10 ** Math.floor(Math.log10(t.value) + 1e-9);
                      return [1, 2, 5].some((k) => Math.abs(m - k) < 1e-6);
                    });
                  },
                }
              : {}),
            title: { display: true, text: which === 'main' ? c.mainTitle : c.tailTitle, color: fg },
            ticks: { color: muted, callback: (v: number | string) => formatValue(Number(v)) },
            grid: { color: grid },
          },
        },
      },
    };
  };

  const draw = (view: SweepView, index: number): void => {
    for (const chart of drawn.get(view.id) ?? []) chart.destroy();
    const c = view.cases[index];
    if (!c) return;
    const charts: ChartJs[] = [];
    for (const which of ['main', 'tail'] as const) {
      const canvas = document.getElementById(`${view.id}-${which}`);
      if (canvas instanceof HTMLCanvasElement)
        charts.push(new Chart(canvas, config(view, c, which)) as ChartJs);
    }
    drawn.set(view.id, charts);
    for (const panel of document.querySelectorAll<HTMLElement>(`#${view.id} .sweep-case`)) {
      panel.hidden = panel.dataset.case !== String(index);
    }
  };

  for (const view of views) {
    draw(view, view.initial);
    const select = document.querySelector<HTMLSelectElement>(`select[data-sweep="${view.id}"]`);
    select?.addEventListener('change', () => draw(view, Number(select.value)));
  }
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    for (const view of views) {
      const select = document.querySelector<HTMLSelectElement>(`select[data-sweep="${view.id}"]`);
      draw(view, Number(select?.value ?? view.initial));
    }
  });
}
