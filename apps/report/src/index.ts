/**
 * @asyncbench/report: runs -> one self-contained HTML report. renderReport is pure apart from
 * reading Chart.js from disk once. Every reading of the figures (speedup, comparisons, formatting)
 * comes from @asyncbench/results; reading files is @asyncbench/results/files, writing the CLI's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RunFile } from '@asyncbench/results';
import { buildHeadline } from './headline.ts';
import { buildModel, type ModelOptions } from './model.ts';
import { renderDocument } from './render/document.ts';

export type { ReportContext, ScenarioContext } from './context.ts';
export { buildHeadline, type Headline } from './headline.ts';
export { buildModel, type ModelOptions } from './model.ts';
export { PARTS, type ReportPart } from './parts.ts';
export { escapeHtml, jsonForScript } from './render/escape.ts';
export { chartsIn, chartsOf, type ReportModel } from './view.ts';

export interface ReportOptions extends ModelOptions {
  /** Page title and heading; default `asyncbench report`. */
  title?: string;
  /** ISO timestamp shown as the generation time; default now (pass one for reproducible output). */
  generatedAt?: string;
}

let chartJsSource: string | undefined;

/**
 * Chart.js's UMD build, read from the installed package at run time so the same code works from
 * source (tests) and from the bundle. chart.js does not export its dist/ files, so resolve the
 * package's main entry and take its sibling.
 */
function chartJs(): string {
  if (chartJsSource === undefined) {
    let main: string;
    try {
      main = createRequire(import.meta.url).resolve('chart.js');
    } catch (error) {
      throw new Error('@asyncbench/report: cannot find the chart.js package to inline into the report', {
        cause: error,
      });
    }
    chartJsSource = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  }
  return chartJsSource;
}

/** The whole report as one HTML string: Chart.js, styles, data and the drawing script inlined. */
export function renderReport(runs: RunFile[], options: ReportOptions = {}): string {
  const model = buildModel(runs, options);
  return renderDocument({
    title: options.title ?? 'asyncbench report',
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    model,
    headline: buildHeadline(runs, model),
    chartJs: chartJs(),
  });
}
