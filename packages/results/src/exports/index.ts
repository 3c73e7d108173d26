/** The export formats by name: what `asyncbench export --format` and `run --export-markdown` write. */
import type { RunFile } from '../schema.ts';
import { toBmf } from './bmf.ts';
import { toCsv } from './csv.ts';
import { type GabDirection, toGab } from './gab.ts';
import { toJsonExport } from './json.ts';
import { toMarkdown } from './markdown.ts';

export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'bmf', 'gab'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** github-action-benchmark only: which figures (one direction per file). Default `bigger`. */
  direction?: GabDirection;
}

/** A run in one export format, as the text to write (JSON formats pretty-printed, newline-ended). */
export function exportRun(run: RunFile, format: ExportFormat, options: ExportOptions = {}): string {
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
  switch (format) {
    case 'markdown':
      return toMarkdown(run);
    case 'csv':
      return toCsv(run);
    case 'json':
      return json(toJsonExport(run));
    case 'bmf':
      return json(toBmf(run));
    case 'gab':
      return json(toGab(run, options.direction ?? 'bigger'));
  }
}

export { BMF_MEASURES, type Bmf, type BmfMetric, toBmf } from './bmf.ts';
export { CSV_COLUMNS, csvField, toCsv } from './csv.ts';
export { GAB_DIRECTIONS, type GabBench, type GabDirection, toGab } from './gab.ts';
export { type JsonExport, toJsonExport } from './json.ts';
export { markdownCell, markdownTable, medianRange, toMarkdown } from './markdown.ts';
