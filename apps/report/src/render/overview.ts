/**
 * The overview's markup: a real table (row and column headers for screen readers), each cell a
 * small stack of lines — figure and case, speedup, efficiency, standing, marks — shaded by its
 * share of the row's best (heat-1..5). Shading is never the only cue: the best says `fastest ★`,
 * the others how much slower they are. On a phone the rows become blocks with the runtimes side by
 * side, each cell naming its column; explicit ARIA roles keep it a table for screen readers, which
 * otherwise drop table semantics when CSS changes a table's display.
 */
import type { OverviewCell, OverviewView } from '../view.ts';
import { escapeHtml } from './escape.ts';

const line = (cls: string, text: string): string =>
  text ? `<span class="${cls}">${escapeHtml(text)}</span>` : '';

function renderCell(c: OverviewCell, column: string): string {
  // Each mark carries its own sign (`! outlier repeat`, `? inconclusive: …`), the terminal's.
  const marks = c.marks.map((m) => line('mark', m)).join('');
  const col = line('col', column);
  if (c.status !== null) {
    return `<td role="cell" class="ov-cell ov-missing">${col}${line('status', c.status)}${marks}</td>`;
  }
  const classes = ['ov-cell', `heat-${c.heat}`, c.best ? 'ov-best' : ''].filter(Boolean).join(' ');
  const figure = `<span class="figure">${escapeHtml(c.figure)}${c.basis ? ` <span class="basis">${escapeHtml(c.basis)}</span>` : ''}</span>`;
  const eff = c.efficiency ? `${escapeHtml(c.efficiency)}${c.standing ? ' · ' : ''}` : '';
  const standing = c.standing ? `<span class="standing">${escapeHtml(c.standing)}</span>` : '';
  const last = eff || standing ? `<span class="ov-line">${eff}${standing}</span>` : '';
  return `<td role="cell" class="${classes}">${col}${figure}${line('speedup', c.speedup)}${last}${marks}</td>`;
}

export function renderOverview(o: OverviewView): string {
  const head = ['Scenario', ...o.columns]
    .map((c) => `<th scope="col" role="columnheader">${escapeHtml(c)}</th>`)
    .join('');
  const body = o.rows
    .map((r) => {
      const what = line('what', [r.unit, r.what].filter(Boolean).join(', '));
      const cells = r.cells.map((c, i) => renderCell(c, o.columns[i]!)).join('');
      return `<tr role="row"><th scope="row" role="rowheader"><a href="#${r.anchor}">${escapeHtml(r.label)}</a>${what}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap overview-wrap"><table class="overview" role="table"><caption>${escapeHtml(o.caption)}</caption><thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${body}</tbody></table></div>
${o.notes.map((n) => `<p class="overview-note">${escapeHtml(n)}</p>`).join('\n')}
<p class="overview-legend">${escapeHtml(o.legend)}</p>`;
}
