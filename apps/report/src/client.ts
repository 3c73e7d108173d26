/**
 * The in-page script. `clientMain` is never called in Node: html.ts inlines its source text
 * (Function.prototype.toString) and calls it in the page with Chart.js and the inlined data, so the
 * script stays ordinary, type-checked TypeScript. Hence the rules for this file: everything
 * `clientMain` uses must be defined inside it or passed in (no imports at run time, no module-level
 * helpers), and it builds DOM only with textContent / createElement, never innerHTML. Numbers are
 * formatted by @asyncbench/results' formatNumber, whose source html.ts inlines and passes in, so a
 * tooltip reads exactly like the tables, the terminal and the exports.
 */
import type { ChartConfiguration, Chart as ChartJs, Plugin } from 'chart.js';
import type { ChartView, TableView } from './model.ts';

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
  const valueScale = (chart: ChartJs<'bar'>, spec: ChartView) => chart.scales[spec.horizontal ? 'x' : 'y']!;

  /** Min-max whiskers over repeats: Chart.js has no error bars, so draw them after the bars. */
  const errorBars = (spec: ChartView): Plugin<'bar'> => ({
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
          const bar = element as unknown as { x: number; y: number; width: number; height: number };
          const from = scale.getPixelForValue(lo);
          const to = scale.getPixelForValue(hi);
          // Along the value axis from min to max, with a cap across the bar at each end.
          const at = spec.horizontal ? bar.y : bar.x;
          const cap = Math.max(2, Math.min(6, (spec.horizontal ? bar.height : bar.width) / 4));
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
  const missingMarks = (spec: ChartView): Plugin<'bar'> => ({
    id: 'asyncbenchMissing',
    afterDatasetsDraw(chart) {
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
  const refLine = (spec: ChartView): Plugin<'bar'> => ({
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

  const config = (spec: ChartView, canvasWidth: number): ChartConfiguration<'bar'> => {
    // A phone cannot fit "scenario: what" on one line; Chart.js would squeeze the letters instead.
    const titleFor = (width: number): string | string[] => (width < 640 ? spec.titleLines : spec.title);
    const fg = cssVar('--fg', '#1b1f24');
    const muted = cssVar('--muted', '#57606a');
    const grid = cssVar('--grid', 'rgba(0,0,0,0.1)');
    // Log axes start at the power of ten below the lowest whisker, so the smallest bar stays visible,
    // and end at the first 1, 2 or 5 times a power of ten above the highest, so every whisker fits
    // and the top of the axis is labelled.
    const positive = (values: (number | null)[]): number[] =>
      values.filter((v): v is number => v != null && v > 0);
    const lows = positive(spec.datasets.flatMap((d) => d.low));
    const highs = positive(spec.datasets.flatMap((d) => d.high));
    const logMin =
      spec.logScale && lows.length > 0 ? 10 ** Math.floor(Math.log10(Math.min(...lows))) : undefined;
    const decade = (v: number): number => 10 ** Math.floor(Math.log10(v) + 1e-9);
    /** 1, 2 or 5 times a power of ten: the only values a log axis labels. */
    const isRound = (v: number): boolean => [1, 2, 5].some((k) => Math.abs(v / decade(v) - k) < 1e-6);
    const roundAbove = (v: number): number =>
      [1, 2, 5, 10].map((k) => k * decade(v)).find((r) => r >= v * (1 - 1e-9)) ?? v;
    const logMax = spec.logScale && highs.length > 0 ? roundAbove(Math.max(...highs)) : undefined;
    const max = spec.refLine
      ? Math.max(spec.refLine.value * 1.1, ...spec.datasets.flatMap((d) => d.high.map((v) => v ?? 0)))
      : undefined;
    // Sideways charts on a phone need the width for case labels more than for the axis title.
    const showCategoryTitle = (width: number): boolean => !spec.horizontal || width >= 520;
    const tickFont = (width: number) => ({ size: width < 520 ? 11 : 12 });
    const categoryAxis = {
      title: { display: showCategoryTitle(canvasWidth), text: spec.xTitle, color: fg },
      ticks: { color: muted, autoSkip: false, font: tickFont(canvasWidth) },
      grid: { color: grid },
    };
    const valueAxis = {
      type: spec.logScale ? ('logarithmic' as const) : ('linear' as const),
      beginAtZero: !spec.logScale,
      ...(max !== undefined ? { suggestedMax: max } : {}),
      ...(logMin !== undefined ? { min: logMin } : {}),
      ...(logMax !== undefined ? { max: logMax } : {}),
      // Log axes: ticks only at 1, 2 and 5 times a power of ten, or the labels collide; where even
      // those do not fit, Chart.js skips to the powers of ten (its major ticks), never to unlabelled ones.
      ...(spec.logScale
        ? {
            afterBuildTicks: (axis: { ticks: { value: number }[] }) => {
              axis.ticks = axis.ticks.filter((t) => isRound(t.value));
            },
          }
        : {}),
      title: { display: true, text: spec.yTitle, color: fg },
      ticks: {
        color: muted,
        callback: (v: number | string) => formatValue(Number(v)),
      },
      grid: { color: grid },
    };
    return {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map((ds) => ({
          label: ds.label,
          data: ds.values,
          backgroundColor: withAlpha(cssVar(`--c${ds.colour}`, '#0072B2'), ds.shade),
          borderColor: cssVar(`--c${ds.colour}`, '#0072B2'),
          // Pale (older-run) bars keep a solid outline so they stay visible on either background.
          borderWidth: ds.shade < 1 ? 2 : 1,
          maxBarThickness: 64,
        })),
      },
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
                  lo != null && hi != null ? ` (min ${formatValue(lo)}, max ${formatValue(hi)})` : '';
                return `${ds.label}: ${formatValue(v)}${range}`;
              },
            },
          },
        },
        scales: spec.horizontal ? { y: categoryAxis, x: valueAxis } : { x: categoryAxis, y: valueAxis },
      },
      plugins: [errorBars(spec), missingMarks(spec), refLine(spec)],
    };
  };

  const charts: ChartJs<'bar'>[] = [];
  const drawAll = (): void => {
    for (const c of charts.splice(0)) c.destroy();
    for (const spec of data.charts) {
      const canvas = document.getElementById(`chart-${spec.id}`);
      if (!(canvas instanceof HTMLCanvasElement)) continue;
      const width = canvas.parentElement?.clientWidth ?? 800;
      charts.push(new Chart(canvas, config(spec, width)) as ChartJs<'bar'>);
    }
  };
  drawAll();
  // Colours come from CSS variables, so a light/dark switch needs a redraw with the new values.
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', drawAll);

  // Downloads are made in the page from the inlined data: no request leaves the file.
  const csvField = (cell: string | number): string => {
    if (typeof cell === 'number') return String(cell);
    // A leading = + - @ would make a spreadsheet evaluate text from a results file as a formula.
    const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const toCsv = (table: TableView): string =>
    [
      [table.rowHeading, ...table.columns],
      ...table.rows.map((r) => [r.header, ...r.cells.map((c) => c.value ?? c.text)]),
    ]
      .map((line) => line.map(csvField).join(','))
      .join('\r\n');
  const toJson = (spec: ChartView): string =>
    JSON.stringify(
      {
        title: spec.title,
        xTitle: spec.xTitle,
        yTitle: spec.yTitle,
        categories: spec.labels,
        series: spec.datasets.map((d) => ({
          label: d.label,
          median: d.values,
          min: d.low,
          max: d.high,
          missing: d.missing,
        })),
        table: {
          columns: [spec.table.rowHeading, ...spec.table.columns],
          rows: spec.table.rows.map((r) => [r.header, ...r.cells.map((c) => c.value ?? c.text)]),
        },
      },
      null,
      2,
    );
  const save = (name: string, type: string, text: string): void => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const byId = new Map(data.charts.map((c) => [c.id, c]));
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-download]')) {
    button.addEventListener('click', () => {
      const spec = byId.get(button.dataset.chart ?? '');
      if (!spec) return;
      if (button.dataset.download === 'csv') save(`${spec.id}.csv`, 'text/csv', toCsv(spec.table));
      else save(`${spec.id}.json`, 'application/json', toJson(spec));
    });
  }
}
