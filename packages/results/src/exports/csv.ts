/** Every figure of a run as CSV (RFC 4180): one row per runtime x scenario x case x figure. */
import { type FigureRow, figureRows } from '../figure-rows.ts';
import type { RunFile } from '../schema.ts';

/** The columns, in order: FigureRow's fields plus the run's id. */
export const CSV_COLUMNS = [
  'run',
  'runtime',
  'runtimeVersion',
  'scenario',
  'case',
  'label',
  'kind',
  'mode',
  'variant',
  'unitMs',
  'figure',
  'unit',
  'higherIsBetter',
  'median',
  'mean',
  'ciLow',
  'ciHigh',
  'min',
  'max',
  'n',
] as const;

/**
 * One CSV field: quoted when it holds a comma, quote or line break; text starting with = + - @
 * gets a leading apostrophe so a spreadsheet never evaluates text from a results file as a formula.
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV export: a header line, then figureRows(run); CRLF line ends as RFC 4180 says. */
export function toCsv(run: RunFile): string {
  const line = (row: FigureRow) =>
    CSV_COLUMNS.map((col) => csvField(col === 'run' ? run.id : row[col])).join(',');
  return `${[CSV_COLUMNS.join(','), ...figureRows(run).map(line)].join('\r\n')}\r\n`;
}
