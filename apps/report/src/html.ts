/**
 * The report's markup. Every string that came from a results file passes through escapeHtml before
 * it reaches the document; the data for the charts travels as JSON in a non-executed script element
 * (with `<` escaped), and the page script draws it onto canvases, which cannot run markup.
 */

import { formatDate, formatNumber } from '@asyncbench/results';
import { type ClientData, clientMain } from './client.ts';
import type { Headline } from './headline.ts';
import type { ChartView, ComparisonView, ReportModel, ScenarioView, StatusNote, TableView } from './model.ts';
import { STYLES } from './styles.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` becomes \u003c, so no `</script>`
 * or `<!--` in the data can end the element early; JSON.parse turns it back into `<`.
 */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Code inlined in a `<script>`: a literal `</script` inside a string would end the element. */
export function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function renderTable(table: TableView, className = ''): string {
  const head = [table.rowHeading, ...table.columns]
    .map((c) => `<th scope="col">${escapeHtml(c)}</th>`)
    .join('');
  const body = table.rows
    .map((row) => {
      const cells = row.cells
        .map((cell) => {
          const classes = [
            cell.value !== null || (cell.text === '—' && className !== 'env') ? 'num' : '',
            cell.tone ? `tone-${cell.tone}` : '',
          ]
            .filter(Boolean)
            .join(' ');
          return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(cell.text)}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(row.header)}</th>${cells}</tr>`;
    })
    .join('\n');
  const cls = className ? ` class="${className}"` : '';
  return `<div class="table-wrap"><table${cls}><caption>${escapeHtml(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Short tables show under their chart; long ones fold away so the charts can be skimmed. */
const OPEN_UP_TO_ROWS = 9;

function renderFigures(table: TableView): string {
  const open = table.rows.length <= OPEN_UP_TO_ROWS ? ' open' : '';
  return `<details class="figures"${open}><summary>Exact figures (${table.rows.length} rows)</summary>${renderTable(table)}</details>`;
}

function boxClass(chart: ChartView): string {
  if (chart.horizontal) return ' sideways';
  // One category of a few bars reads well short; more series bring a taller legend, so keep full height.
  return chart.labels.length === 1 && chart.datasets.length <= 3 ? ' compact' : '';
}

function renderChart(chart: ChartView): string {
  // chart.id is built from a slug of the scenario id ([a-z0-9-] only), so it is safe in attributes.
  return `<figure class="chart" aria-labelledby="h-${chart.id}">
<h3 id="h-${chart.id}" class="visually-hidden">${escapeHtml(chart.title)}</h3>
<div class="canvas-box${boxClass(chart)}"${chart.height ? ` style="height: ${Math.round(chart.height)}px"` : ''}><canvas id="chart-${chart.id}" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.summary}`)}">${escapeHtml(chart.summary)}</canvas></div>
${renderFigures(chart.table)}
<div class="downloads" role="group" aria-label="${escapeHtml(`Download the figures of ${chart.title}`)}">
<button type="button" data-download="csv" data-chart="${chart.id}">Download CSV</button>
<button type="button" data-download="json" data-chart="${chart.id}">Download JSON</button>
</div>
</figure>`;
}

function renderNote(note: StatusNote): string {
  const detail = note.detail ? ` <span class="muted">(${escapeHtml(note.detail)})</span>` : '';
  const stderr = note.stderrTail
    ? `<details><summary>stderr, last lines</summary><pre class="stderr">${escapeHtml(note.stderrTail)}</pre></details>`
    : '';
  return `<li><span class="status-word">${escapeHtml(note.status)}</span> <strong>${escapeHtml(note.series)}</strong>: ${escapeHtml(note.reason)}${detail}${stderr}</li>`;
}

function renderComparison(c: ComparisonView, anchor: string): string {
  const { better, worse, same } = c.counts;
  const rest =
    c.rest.rows.length > 0
      ? `<details><summary>All other figures (${c.rest.rows.length})</summary>${renderTable(c.rest, 'comparison')}</details>`
      : '';
  return `<section aria-labelledby="${anchor}-cmp">
<h3 id="${anchor}-cmp">Second run versus first</h3>
<p>Ratio = second run (${escapeHtml(c.candLabel)}) / first run (${escapeHtml(c.baseLabel)}), with a 95% confidence interval over the repeats. Headline figures: ${better} better, ${worse} worse, ${same} without a clear change.</p>
${renderTable(c.primary, 'comparison')}
${rest}
</section>`;
}

function renderScenario(s: ScenarioView): string {
  const notes =
    s.notes.length > 0
      ? `<h3>Failed, skipped or not run</h3><ul class="status-notes">${s.notes.map(renderNote).join('')}</ul>`
      : '';
  const charts =
    s.charts.length > 0
      ? s.charts.map(renderChart).join('\n')
      : '<p class="muted">No figures were recorded for this scenario.</p>';
  const modes = s.modes.length > 0 ? `Modes: ${escapeHtml(s.modes.join(', '))}. ` : '';
  const params = s.params ? `Parameters: ${escapeHtml(s.params)}` : '';
  const speedups =
    s.speedups.length > 0
      ? `<p class="speedups-lead">What concurrency bought: best concurrent ÷ best blocking-or-sequential throughput at the same unit duration d (medians over repeats).</p><ul class="speedups">${s.speedups
          .map((l) => `<li><strong>${escapeHtml(l.runtime)}</strong>: ${escapeHtml(l.text)}</li>`)
          .join('')}</ul>`
      : '';
  return `<section id="${s.anchor}" aria-labelledby="${s.anchor}-h">
<h2 id="${s.anchor}-h">${escapeHtml(s.label)}</h2>
${s.description ? `<p>${escapeHtml(s.description)}</p>` : ''}
${modes || params ? `<p class="scenario-params">${modes}${params}</p>` : ''}
${speedups}
${notes}
${charts}
${s.comparison ? renderComparison(s.comparison, s.anchor) : ''}
</section>`;
}

function renderEnvironment(model: ReportModel): string {
  const table: TableView = {
    caption:
      model.runLabels.length > 1
        ? 'Where and how each run was measured'
        : 'Where and how this run was measured',
    rowHeading: 'Property',
    columns: model.environment.columns,
    rows: model.environment.rows,
  };
  return `<section id="environment" aria-labelledby="environment-h"><h2 id="environment-h">Environment</h2>${renderTable(table, 'env')}</section>`;
}

export interface DocumentParts {
  title: string;
  generatedAt: string;
  model: ReportModel;
  headline: Headline;
  /** Chart.js UMD build, inlined. */
  chartJs: string;
  /** The parameter-sweep section (sweep-chart.ts), already rendered; '' or absent without sweeps. */
  sweeps?: string;
}

/** Nothing may leave the file: no fetch, image, font or frame from anywhere; inline code only. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'";

export function renderDocument(parts: DocumentParts): string {
  const { model, headline } = parts;
  const data: ClientData = { charts: model.scenarios.flatMap((s) => s.charts) };
  const caveats = headline.caveats
    .map((c) => `<p class="caveat" role="note">${escapeHtml(c)}</p>`)
    .join('\n');
  const toc = model.scenarios
    .map((s) => `<li><a href="#${s.anchor}">${escapeHtml(s.label)}</a></li>`)
    .join('');
  const runs = model.runLabels.map(escapeHtml).join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(parts.title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="page">
<h1>${escapeHtml(parts.title)}</h1>
<p class="meta">Generated ${escapeHtml(formatDate(parts.generatedAt))} from ${model.runLabels.length} run${model.runLabels.length === 1 ? '' : 's'}: ${runs}</p>
<section aria-labelledby="summary-h">
<h2 id="summary-h" class="visually-hidden">Summary</h2>
<p class="headline">${escapeHtml(headline.text)}</p>
${caveats}
</section>
</header>
<main>
${renderEnvironment(model)}
${parts.sweeps ?? ''}
<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Scenarios</h2><ul>${toc}</ul></nav>
${model.scenarios.map(renderScenario).join('\n')}
</main>
<footer class="page"><p>Made by asyncbench. Bars are medians over process repeats; whiskers span their min and max. Every chart's figures are in the table beneath it and can be downloaded as CSV or JSON.</p></footer>
<script>${scriptSafe(parts.chartJs)}</script>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>
(${scriptSafe(clientMain.toString())})(window.Chart, JSON.parse(document.getElementById('report-data').textContent), ${scriptSafe(formatNumber.toString())});
</script>
</body>
</html>
`;
}
