/**
 * The whole page: head (CSP, styles), the title, the first top section (the overview), the
 * plain-language headline, the other top sections (history), a table of contents, every scenario,
 * the bottom sections (environment last), then Chart.js, the chart data as JSON and the page
 * script, all inlined. Nothing is fetched.
 */
import { formatDate, formatNumber } from '@asyncbench/results';
import { type ClientData, clientMain } from '../client/charts.ts';
import { clientDownloads } from '../client/downloads.ts';
import type { Headline } from '../headline.ts';
import { chartsOf, type ReportModel } from '../view.ts';
import { renderScenario, renderSection } from './blocks.ts';
import { escapeHtml, jsonForScript, scriptSafe } from './escape.ts';
import { STYLES } from './styles.ts';

export interface DocumentParts {
  title: string;
  generatedAt: string;
  model: ReportModel;
  headline: Headline;
  /** Chart.js UMD build, inlined. */
  chartJs: string;
}

/** Nothing may leave the file: no fetch, image, font or frame from anywhere; inline code only. */
const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'";

export function renderDocument(parts: DocumentParts): string {
  const { model, headline } = parts;
  // The first top section (the overview, by PARTS order) opens the page: the answer at a glance,
  // then the same in words.
  const [first, ...rest] = model.top;
  const data: ClientData = { charts: chartsOf(model) };
  const caveats = headline.caveats
    .map((c) => `<p class="caveat" role="note">${escapeHtml(c)}</p>`)
    .join('\n');
  const toc = model.scenarios
    .map((s) => `<li><a href="#${s.anchor}">${escapeHtml(s.label)}</a></li>`)
    .join('');
  const n = model.runLabels.length;
  // A long history names its ends; every run is in the history's tables.
  const runs =
    n > 3
      ? `${escapeHtml(model.runLabels[0]!)} … ${escapeHtml(model.runLabels[n - 1]!)}`
      : model.runLabels.map(escapeHtml).join('; ');
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
<p class="meta">Generated ${escapeHtml(formatDate(parts.generatedAt))} from ${n} run${n === 1 ? '' : 's'}: ${runs}</p>
</header>
<main>
${first ? renderSection(first) : ''}
<section class="summary" aria-labelledby="summary-h">
<h2 id="summary-h" class="visually-hidden">Summary</h2>
<p class="headline">${escapeHtml(headline.text)}</p>
${caveats}
</section>
${rest.map(renderSection).join('\n')}
<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Scenarios</h2><ul>${toc}</ul></nav>
${model.scenarios.map(renderScenario).join('\n')}
${model.bottom.map(renderSection).join('\n')}
</main>
<footer class="page"><p>Made by asyncbench. Bars are medians over process repeats; whiskers span their min and max. Every chart's figures are in the table beneath it and can be downloaded as CSV or JSON.</p></footer>
<script>${scriptSafe(parts.chartJs)}</script>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  (${scriptSafe(clientMain.toString())})(window.Chart, data, ${scriptSafe(formatNumber.toString())});
  (${scriptSafe(clientDownloads.toString())})(data);
})();
</script>
</body>
</html>
`;
}
