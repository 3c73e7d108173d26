/**
 * Markup of the view model's pieces: tables, charts (canvas, figures table, downloads), status
 * notes, any Block, page sections and scenario sections. Every text passes through escapeHtml;
 * element ids come from slugs ([a-z0-9-] only).
 */
import type { Block, ChartView, ScenarioView, SectionView, StatusNote, TableView } from '../view.ts';
import { chartsIn } from '../view.ts';
import { escapeHtml } from './escape.ts';
import { renderOverview } from './overview.ts';

export function renderTable(table: TableView, className = ''): string {
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

function renderFigures(table: TableView, folded: boolean): string {
  const open = !folded && table.rows.length <= OPEN_UP_TO_ROWS ? ' open' : '';
  return `<details class="figures"${open}><summary>Exact figures (${table.rows.length} rows)</summary>${renderTable(table)}</details>`;
}

function boxClass(chart: ChartView): string {
  if (chart.horizontal) return ' sideways';
  // One category of a few bars reads well short; more series bring a taller legend, so keep full height.
  return chart.labels.length === 1 && chart.datasets.length <= 3 ? ' compact' : '';
}

/** A chart with its figures table (folded when `foldTable`, e.g. charts side by side) and downloads. */
export function renderChart(chart: ChartView, foldTable = false): string {
  // chart.id is built from slugs ([a-z0-9-] only), so it is safe in attributes.
  const height = chart.height ? ` style="height: ${Math.round(chart.height)}px"` : '';
  return `<figure class="chart" aria-labelledby="h-${chart.id}">
<h3 id="h-${chart.id}" class="visually-hidden">${escapeHtml(chart.title)}</h3>
<div class="canvas-box${boxClass(chart)}"${height}><canvas id="chart-${chart.id}" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.summary}`)}">${escapeHtml(chart.summary)}</canvas></div>
${renderFigures(chart.table, foldTable)}
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

export function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'chart':
      return renderChart(block.chart);
    case 'table':
      return renderTable(block.table, block.className);
    case 'text':
      return `<p${block.muted ? ' class="muted"' : ''}>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul class="lines">${block.items
        .map((i) => `<li><strong>${escapeHtml(i.lead)}</strong>: ${escapeHtml(i.text)}</li>`)
        .join('')}</ul>`;
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'overview':
      return renderOverview(block.overview);
    case 'group': {
      // Side by side, a chart's table would be squeezed: it folds away under its chart.
      const inner = block.blocks
        .map((b) => (block.grid && b.kind === 'chart' ? renderChart(b.chart, true) : renderBlock(b)))
        .join('\n');
      const body = block.grid ? `<div class="chart-grid">${inner}</div>` : inner;
      if (!block.fold) return body;
      return `<details class="fold"${block.fold.open ? ' open' : ''}><summary>${escapeHtml(block.fold.summary)}</summary>${body}</details>`;
    }
  }
}

export function renderSection(section: SectionView): string {
  return `<section id="${section.id}" aria-labelledby="${section.id}-h">
<h2 id="${section.id}-h">${escapeHtml(section.title)}</h2>
${section.blocks.map(renderBlock).join('\n')}
</section>`;
}

/** What a scenario's fold holds, for its summary line: the charts' subjects, and a comparison. */
function foldSummary(s: ScenarioView): string {
  const subjects = chartsIn(s.blocks).map((c) => c.titleLines.at(-1)!);
  if (s.blocks.some((b) => b.kind === 'heading')) subjects.push('the run comparison');
  const what = subjects.length > 0 ? subjects.join(', ') : 'the figures';
  return `Details: ${what}`;
}

/**
 * A scenario: heading, what it does and anything that failed stay in view; charts, tables and
 * comparisons fold away under one summary, since the overview already gave the answer.
 */
export function renderScenario(s: ScenarioView): string {
  const notes =
    s.notes.length > 0
      ? `<h3>Failed, skipped or not run</h3><ul class="status-notes">${s.notes.map(renderNote).join('')}</ul>`
      : '';
  const modes = s.modes.length > 0 ? `Modes: ${escapeHtml(s.modes.join(', '))}. ` : '';
  const params = s.params ? `Parameters: ${escapeHtml(s.params)}` : '';
  const facts = modes || params ? `<p class="scenario-params">${modes}${params}</p>` : '';
  const body =
    s.blocks.length > 0
      ? `<details class="fold scenario-fold"><summary>${escapeHtml(foldSummary(s))}</summary>
${facts}
${s.blocks.map(renderBlock).join('\n')}
</details>`
      : `${facts}<p class="muted">No figures were recorded for this scenario.</p>`;
  return `<section id="${s.anchor}" class="scenario" aria-labelledby="${s.anchor}-h">
<h2 id="${s.anchor}-h">${escapeHtml(s.label)}</h2>
${s.description ? `<p class="scenario-lead">${escapeHtml(s.description)}</p>` : ''}
${notes}
${body}
</section>`;
}
