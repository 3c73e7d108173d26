/**
 * The page's download buttons: a chart's figures as CSV or JSON, made in the page from the inlined
 * data (no request leaves the file). Like clientMain, this function's source text is inlined and
 * called in the page, so it uses nothing from outside itself (see client/charts.ts).
 */

import type { ChartView, TableView } from '../view.ts';
import type { ClientData } from './charts.ts';

export function clientDownloads(data: ClientData): void {
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
        interval: spec.interval,
        categories: spec.labels,
        ...(spec.xValues ? { x: spec.xValues } : {}),
        series: spec.datasets.map((d) => ({
          label: d.label,
          value: d.values,
          low: d.low,
          high: d.high,
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
