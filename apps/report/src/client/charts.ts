/**
 * The in-page script that draws the charts. `clientMain` is never called in Node: the document
 * inlines its source text (Function.prototype.toString) and calls it in the page with Chart.js and
 * the inlined data, so the script stays ordinary, type-checked TypeScript. Hence the rules for this
 * file: everything `clientMain` uses must be defined inside it or passed in (no imports at run
 * time, no module-level helpers), and it builds DOM only with textContent / createElement, never
 * innerHTML. Numbers are formatted by @asyncbench/results' formatNumber, whose source the document
 * inlines and passes in, so a tooltip reads exactly like the tables, the terminal and the exports.
 *
 * Charts inside a closed fold (details element) are drawn when it opens, not before: a report of
 * fifty charts opens as fast as one of five, and a canvas is never laid out at zero width.
 */
import type { ChartConfiguration, Chart as ChartJs, Plugin } from 'chart.js';
import type { ChartView } from '../view.ts';

/** What the page's `<script type="application/json" id="report-data">` holds. */
export interface ClientData {
  charts: ChartView[];
}

export function clientMain(
  Chart: typeof ChartJs | undefined,
  data: ClientData,
  formatValue: (value: number) => string,
): void {
  if (!Chart) return;
  const root = document.documentElement;
  const cssVar = (name: string, fallback: string): string =>
    getComputedStyle(root).getPropertyValue(name).trim() || fallback;

  /** `#rrggbb` at an opacity, for the paler bars of older runs. */
  const withAlpha = (hex: string, alpha: number): string => {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
    if (!m || alpha >= 1) return hex;
    return `rgba(${m
      .slice(1)
      .map((h) => Number.parseInt(h, 16))
      .join(', ')}, ${alpha})`;
  };

  /** The value axis: y for upright bars, x for sideways ones (spec.horizontal). */
  const valueScale = (chart: ChartJs, spec: ChartView) => chart.scales[spec.horizontal ? 'x' : 'y']!;

  /** Whiskers (min-max over repeats, or a CI): Chart.js has no error bars, so draw them after the data. */
  const errorBars = (spec: ChartView): Plugin => ({
    id: 'asyncbenchErrorBars',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const scale = valueScale(chart, spec);
      ctx.save();
      ctx.strokeStyle = cssVar('--fg', '#1b1f24');
      ctx.lineWidth = 1.25;
      spec.datasets.forEach((ds, di) => {
        if (!chart.isDatasetVisible(di)) return;
        chart.getDatasetMeta(di).data.forEach((element, i) => {
          const lo = ds.low[i];
          const hi = ds.high[i];
          if (lo == null || hi == null || hi <= lo || (spec.logScale && lo <= 0)) return;
          const bar = element as unknown as { x: number; y: number; width?: number; height?: number };
          const from = scale.getPixelForValue(lo);
          const to = scale.getPixelForValue(hi);
          // Along the value axis from low to high, with a cap across the bar (or point) at each end.
          const at = spec.horizontal ? bar.y : bar.x;
          const across = spec.horizontal ? bar.height : bar.width;
          const cap = across === undefined ? 4 : Math.max(2, Math.min(6, across / 4));
          const line = (a: number, b: number, c: number, d: number) => {
            if (spec.horizontal) {
              ctx.moveTo(b, a);
              ctx.lineTo(d, c);
            } else {
              ctx.moveTo(a, b);
              ctx.lineTo(c, d);
            }
          };
          ctx.beginPath();
          line(at, from, at, to);
          line(at - cap, from, at + cap, from);
          line(at - cap, to, at + cap, to);
          ctx.stroke();
        });
      });
      ctx.restore();
    },
  });

  /** Writes "failed" / "skipped" where a bar is missing, so a gap never reads as zero. */
  const missingMarks = (spec: ChartView): Plugin => ({
    id: 'asyncbenchMissing',
    afterDatasetsDraw(chart) {
      // A line simply breaks where a run has no figure; its table says why.
      if (spec.kind === 'line') return;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.fillStyle = cssVar('--missing', '#8a5a00');
      ctx.font = 'italic 12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      spec.datasets.forEach((ds, di) => {
        if (!chart.isDatasetVisible(di)) return;
        chart.getDatasetMeta(di).data.forEach((element, i) => {
          const text = ds.missing[i];
          const { x, y } = element as unknown as { x: number; y: number };
          if (!text || !Number.isFinite(spec.horizontal ? y : x)) return;
          ctx.save();
          if (spec.horizontal) {
            ctx.translate(chartArea.left + 6, y);
          } else {
            ctx.translate(x, chartArea.bottom - 6);
            ctx.rotate(-Math.PI / 2);
          }
          ctx.fillText(`✕ ${text}`, 0, 0);
          ctx.restore();
        });
      });
      ctx.restore();
    },
  });

  /** A dashed line across the value axis, e.g. the 100% physical limit on efficiency charts. */
  const refLine = (spec: ChartView): Plugin => ({
    id: 'asyncbenchRefLine',
    afterDatasetsDraw(chart) {
      if (!spec.refLine) return;
      const { ctx, chartArea } = chart;
      const p = valueScale(chart, spec).getPixelForValue(spec.refLine.value);
      ctx.save();
      ctx.strokeStyle = cssVar('--fg', '#1b1f24');
      ctx.fillStyle = cssVar('--fg', '#1b1f24');
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.font = '12px system-ui, sans-serif';
      if (spec.horizontal) {
        ctx.moveTo(p, chartArea.top);
        ctx.lineTo(p, chartArea.bottom);
        ctx.stroke();
        ctx.textAlign = 'right';
        ctx.textBaseline = 'top';
        ctx.fillText(spec.refLine.label, p - 4, chartArea.top + 2);
      } else {
        ctx.moveTo(chartArea.left, p);
        ctx.lineTo(chartArea.right, p);
        ctx.stroke();
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        ctx.fillText(spec.refLine.label, chartArea.right - 4, p - 3);
      }
      ctx.restore();
    },
  });

  const config = (spec: ChartView, canvasWidth: number): ChartConfiguration => {
    // A phone cannot fit "scenario: what" on one line; Chart.js would squeeze the letters instead.
    const titleFor = (width: number): string | string[] => (width < 640 ? spec.titleLines : spec.title);
    const fg = cssVar('--fg', '#1b1f24');
    const muted = cssVar('--muted', '#57606a');
    const grid = cssVar('--grid', 'rgba(0,0,0,0.1)');
    const bars = spec.kind === 'bar';
    // Log axes start at the power of ten below half the lowest whisker, so the smallest bar stays
    // visible (a lowest whisker at 1.02 would otherwise put the axis at 1 and a 1.05× bar would be
    // a sliver), and end at the first 1, 2 or 5 times a power of ten above the highest, so every
    // whisker fits and the top of the axis is labelled.
    const positive = (values: (number | null)[]): number[] =>
      values.filter((v): v is number => v != null && v > 0);
    const lows = positive(spec.datasets.flatMap((d) => d.low.map((v, i) => v ?? d.values[i] ?? null)));
    const highs = positive(spec.datasets.flatMap((d) => d.high.map((v, i) => v ?? d.values[i] ?? null)));
    const logMin =
      spec.logScale && lows.length > 0 ? 10 ** Math.floor(Math.log10(Math.min(...lows) / 2)) : undefined;
    const decade = (v: number): number => 10 ** Math.floor(Math.log10(v) + 1e-9);
    /** 1, 2 or 5 times a power of ten: the only values a log axis labels. */
    const isRound = (v: number): boolean => [1, 2, 5].some((k) => Math.abs(v / decade(v) - k) < 1e-6);
    const roundAbove = (v: number): number =>
      [1, 2, 5, 10].map((k) => k * decade(v)).find((r) => r >= v * (1 - 1e-9)) ?? v;
    const logMax = spec.logScale && highs.length > 0 ? roundAbove(Math.max(...highs)) : undefined;
    // Linear axes reach past the highest whisker (and the reference line), so none is cut off.
    const max =
      highs.length > 0 || spec.refLine
        ? Math.max(spec.refLine ? spec.refLine.value * 1.1 : 0, ...highs)
        : undefined;
    const roundTicksOnly = {
      afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
        axis.ticks = axis.ticks.filter((t) => isRound(t.value));
      },
    };
    // Sideways charts on a phone need the width for case labels more than for the axis title.
    const showCategoryTitle = (width: number): boolean => !spec.horizontal || width >= 520;
    const tickFont = (width: number) => ({ size: width < 520 ? 11 : 12 });
    const numericX = spec.xValues !== undefined;
    const categoryAxis = {
      ...(numericX ? { type: spec.xLog ? ('logarithmic' as const) : ('linear' as const) } : {}),
      // A numeric x axis ticks at the values measured (1, 2, 4 … 32), nowhere else.
      ...(numericX
        ? {
            afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
              axis.ticks = spec.xValues!.map((value) => ({ value }));
            },
          }
        : {}),
      title: { display: showCategoryTitle(canvasWidth), text: spec.xTitle, color: fg },
      ticks: {
        color: muted,
        autoSkip: !bars,
        font: tickFont(canvasWidth),
        // A swept parameter is mostly a count (c = 1, 2, 4 …): whole numbers print whole.
        ...(numericX
          ? {
              callback: (v: number | string) =>
                Number.isInteger(Number(v)) ? String(v) : formatValue(Number(v)),
            }
          : {}),
      },
      grid: { color: grid },
    };
    const valueAxis = {
      type: spec.logScale ? ('logarithmic' as const) : ('linear' as const),
      // Bars measure from zero; a trend shows its changes, so its axis fits the data.
      beginAtZero: bars && !spec.logScale,
      ...(max !== undefined && !spec.logScale ? { suggestedMax: max } : {}),
      // A trend's axis fits its data, whiskers included.
      ...(!bars && !spec.logScale && lows.length > 0 ? { suggestedMin: Math.min(...lows) } : {}),
      ...(logMin !== undefined ? { min: logMin } : {}),
      ...(logMax !== undefined ? { max: logMax } : {}),
      // Log axes: ticks only at 1, 2 and 5 times a power of ten, or the labels collide; where even
      // those do not fit, Chart.js skips to the powers of ten (its major ticks), never to unlabelled ones.
      ...(spec.logScale ? roundTicksOnly : {}),
      title: { display: true, text: spec.yTitle, color: fg },
      ticks: {
        color: muted,
        callback: (v: number | string) => formatValue(Number(v)),
      },
      grid: { color: grid },
    };
    const colour = (i: number) => cssVar(`--c${i}`, '#0072B2');
    const datasets = spec.datasets.map((ds) => ({
      label: ds.label,
      // A numeric x axis takes points, a categorical one values in label order.
      data: numericX ? ds.values.map((y, i) => ({ x: spec.xValues![i]!, y })) : ds.values,
      backgroundColor: withAlpha(colour(ds.colour), ds.shade),
      borderColor: colour(ds.colour),
      ...(bars
        ? // Pale (older-run) bars keep a solid outline so they stay visible on either background.
          { borderWidth: ds.shade < 1 ? 2 : 1, maxBarThickness: 64 }
        : {
            borderWidth: 2,
            pointRadius: 3,
            spanGaps: false,
            ...(ds.dashed ? { borderDash: [6, 4], pointRadius: 2 } : {}),
          }),
    }));
    return {
      type: spec.kind,
      data: { labels: spec.labels, datasets: datasets as never },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        onResize(chart, size) {
          chart.options.plugins!.title!.text = titleFor(size.width);
          const axis = chart.options.scales![spec.horizontal ? 'y' : 'x'] as {
            title: { display: boolean };
            ticks: { font: { size: number } };
          };
          axis.title.display = showCategoryTitle(size.width);
          axis.ticks.font = tickFont(size.width);
        },
        // Static report: no animation, so the first paint is the final one (and screenshots are stable).
        animation: false,
        color: fg,
        font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        plugins: {
          title: {
            display: true,
            text: titleFor(canvasWidth),
            color: fg,
            font: { size: 15, weight: 'bold' },
          },
          legend: { position: 'top', labels: { color: fg, boxWidth: 14 } },
          tooltip: {
            callbacks: {
              label(item) {
                const ds = spec.datasets[item.datasetIndex]!;
                const v = ds.values[item.dataIndex];
                if (v == null) return `${ds.label}: ${ds.missing[item.dataIndex] ?? 'no figure'}`;
                const lo = ds.low[item.dataIndex];
                const hi = ds.high[item.dataIndex];
                const range =
                  lo != null && hi != null ? ` (${spec.interval} ${formatValue(lo)}–${formatValue(hi)})` : '';
                return `${ds.label}: ${formatValue(v)}${range}`;
              },
            },
          },
        },
        scales: spec.horizontal ? { y: categoryAxis, x: valueAxis } : { x: categoryAxis, y: valueAxis },
      },
      plugins: [errorBars(spec), missingMarks(spec), refLine(spec)],
    } as ChartConfiguration;
  };

  const drawn = new Map<string, ChartJs>();
  /** Draws every chart not yet drawn whose canvas is not inside a closed fold. */
  const drawVisible = (): void => {
    for (const spec of data.charts) {
      if (drawn.has(spec.id)) continue;
      const canvas = document.getElementById(`chart-${spec.id}`);
      if (!(canvas instanceof HTMLCanvasElement) || canvas.closest('details:not([open])')) continue;
      const width = canvas.parentElement?.clientWidth ?? 800;
      drawn.set(spec.id, new Chart(canvas, config(spec, width)));
    }
  };
  drawVisible();
  // 'toggle' does not bubble: listen in the capture phase for every fold of the page.
  document.addEventListener('toggle', drawVisible, true);
  // Colours come from CSS variables, so a light/dark switch needs a redraw with the new values.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    for (const c of drawn.values()) c.destroy();
    drawn.clear();
    drawVisible();
  });
  // Printing shows everything: open every fold first (their charts draw on the toggle).
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}
