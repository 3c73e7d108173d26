/**
 * The report's stylesheet, inlined into the page. Colours are CSS variables so that the charts
 * (client.ts reads --c0..--c7, --fg, --grid) follow prefers-color-scheme like the text does.
 * Palette: Okabe-Ito, colour-blind safe; the dark scheme swaps the darkest entries for lighter
 * Okabe-Ito ones so every series stays readable on a dark background.
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --grid: rgba(27, 31, 36, 0.12);
  --card: #f6f8fa; --border: #d0d7de; --link: #0060a8;
  --better: #006e4f; --worse: #b03a00; --missing: #8a5a00; --heat: #009E73;
  --c0: #E69F00; --c1: #0072B2; --c2: #009E73; --c3: #CC79A7;
  --c4: #56B4E9; --c5: #D55E00; --c6: #000000; --c7: #F0E442;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0f1419; --fg: #e6edf3; --muted: #9da7b1; --grid: rgba(230, 237, 243, 0.14);
    --card: #161b22; --border: #30363d; --link: #79c0ff;
    --better: #3ecf9c; --worse: #ff9a6b; --missing: #f0c060; --heat: #2dc59a;
    --c0: #E69F00; --c1: #56B4E9; --c2: #2dc59a; --c3: #CC79A7;
    --c4: #8fd0f5; --c5: #ff7a3d; --c6: #e6edf3; --c7: #F0E442;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main, header.page, footer.page { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
header.page { padding-top: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.25rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 0.5rem; padding-top: 1rem; border-top: 1px solid var(--border); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 0.5rem; }
a { color: var(--link); }
.meta, .muted { color: var(--muted); }
.meta { margin: 0 0 1rem; font-size: 0.95rem; }
.headline { font-size: 1.1rem; max-width: 60rem; }
.caveat {
  border-left: 4px solid var(--missing); background: var(--card); padding: 0.6rem 0.9rem;
  margin: 0.75rem 0; max-width: 60rem;
}
nav.toc ul { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0; list-style: none; margin: 0.5rem 0 0; }
.scenario-params { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.lines { margin-top: 0; padding-left: 1.25rem; }
/* The overview: a table whose cells are small stacks of lines, shaded by share of the row's best. */
section#overview h2 { margin-top: 1rem; }
.overview { font-size: 0.8rem; }
.overview caption { font-size: 0.9rem; }
.overview th, .overview td { padding: 0.35rem 0.5rem; }
.overview th[scope="row"] { min-width: 8rem; max-width: 14rem; }
.overview th[scope="row"] a { font-size: 0.9rem; font-weight: 600; }
.overview td.ov-cell { min-width: 7.5rem; }
.overview thead th { white-space: normal; }
.overview span { display: block; }
.overview .col { display: none; }
.overview .ov-line .standing { display: inline; }
.overview .figure { font-size: 1rem; font-weight: 700; }
.overview .figure .basis { display: inline; font-size: 0.8rem; font-weight: 400; color: var(--muted); }
.overview .what { color: var(--muted); }
.overview .ov-best .standing { color: var(--better); font-weight: 700; }
.overview .ov-best .standing::after { content: " ★"; }
.overview .ov-missing .status { color: var(--missing); font-style: italic; overflow-wrap: anywhere; }
.overview .mark { color: var(--worse); font-weight: 600; }
.heat-1 { background: color-mix(in srgb, var(--heat) 4%, transparent); }
.heat-2 { background: color-mix(in srgb, var(--heat) 9%, transparent); }
.heat-3 { background: color-mix(in srgb, var(--heat) 15%, transparent); }
.heat-4 { background: color-mix(in srgb, var(--heat) 22%, transparent); }
.heat-5 { background: color-mix(in srgb, var(--heat) 30%, transparent); }
.overview-note { font-size: 0.85rem; margin: 0.25rem 0; max-width: 60rem; }
.overview-legend { font-size: 0.8rem; color: var(--muted); margin: 0.25rem 0 1rem; max-width: 60rem; }
/* A scenario: heading, one line of what it does, then one fold with its charts and tables. */
section.scenario h2 { margin-top: 1.5rem; }
.scenario-lead { margin: 0.25rem 0 0.5rem; max-width: 60rem; color: var(--muted); }
details.fold > summary { font-weight: 600; padding: 0.35rem 0; }
details.scenario-fold[open] > summary { margin-bottom: 0.5rem; }
/* Trends side by side where there is room. */
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 0 1rem; }
figure.chart { margin: 1.25rem 0 2rem; padding: 0.75rem; background: var(--card); border: 1px solid var(--border); border-radius: 8px; }
.canvas-box { position: relative; height: 340px; width: 100%; }
.canvas-box canvas { display: block; }
/* A chart of one category (one case, three runtimes) needs less height to read well. */
.canvas-box.compact { height: 260px; }
.comparison td:nth-child(6) { white-space: nowrap; }
figcaption { font-size: 0.9rem; color: var(--muted); margin: 0.25rem 0 0.5rem; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0 0.5rem; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.4rem; caption-side: top; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
thead th { text-align: left; border-bottom: 2px solid var(--border); white-space: nowrap; }
td.num { text-align: right; white-space: nowrap; }
th[scope="row"] { text-align: left; font-weight: 500; min-width: 10rem; }
/* The status column of chart tables: room for "ok, 3 repeats" on one line. */
table:not(.env):not(.comparison):not(.overview) td:last-child { min-width: 8.5rem; }
.tone-best { font-weight: 700; color: var(--better); }
.tone-best::after { content: " ★"; }
.tone-better { color: var(--better); font-weight: 600; }
.tone-worse { color: var(--worse); font-weight: 600; }
.tone-missing { color: var(--missing); font-style: italic; }
.downloads { display: flex; gap: 0.5rem; flex-wrap: wrap; }
.downloads button {
  font: inherit; font-size: 0.85rem; padding: 0.25rem 0.7rem; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--border); background: var(--bg); color: var(--fg);
}
.downloads button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.status-notes { list-style: none; padding: 0; }
.status-notes li { border-left: 4px solid var(--missing); background: var(--card); padding: 0.5rem 0.8rem; margin: 0.5rem 0; }
.status-word { font-weight: 700; color: var(--missing); text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.04em; }
details summary { cursor: pointer; }
details.figures > summary { font-size: 0.9rem; color: var(--muted); margin: 0.5rem 0 0; }
pre.stderr { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem; max-height: 20rem; overflow: auto; background: var(--bg); border: 1px solid var(--border); padding: 0.5rem; }
.env th[scope="row"] { white-space: nowrap; width: 1%; }
.env td, .env thead th { white-space: normal; overflow-wrap: anywhere; }
footer.page { color: var(--muted); font-size: 0.85rem; padding-bottom: 2rem; margin-top: 3rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 40rem) {
  main, header.page, footer.page { padding: 0 0.75rem; }
  header.page { padding-top: 1rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  .headline { font-size: 1rem; }
  /* The overview on a phone: each scenario a block, its runtimes side by side, each naming itself. */
  .overview, .overview tbody, .overview tr, .overview caption { display: block; }
  .overview thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .overview tr { display: grid; grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); border-bottom: 1px solid var(--border); }
  .overview th[scope="row"] { grid-column: 1 / -1; max-width: none; min-width: 0; border-bottom: 0; }
  .overview td.ov-cell { min-width: 0; border-bottom: 0; overflow-wrap: anywhere; }
  .overview .col { display: block; color: var(--muted); font-weight: 600; }
  figure.chart { padding: 0.5rem; margin-left: -0.25rem; margin-right: -0.25rem; }
  /* Narrow charts spend more height on rotated labels; keep the plot area readable. */
  .canvas-box:not(.sideways) { height: 380px; }
  th[scope="row"] { min-width: 7rem; }
  table { font-size: 0.8rem; }
  .env th[scope="row"] { min-width: 0; }
}
@media print { .downloads { display: none; } figure.chart { break-inside: avoid; } }
`;
