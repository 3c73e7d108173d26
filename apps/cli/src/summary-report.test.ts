/**
 * The terminal summary and the HTML report say the same thing about the same real run file: the
 * same speedup (and interval), the same best cases, the same figures, as printed text.
 */
import { buildHeadline, buildModel, chartsIn, renderReport } from '@asyncbench/report';
import {
  bestCaseName,
  caseLabel,
  flagsMark,
  formatCount,
  formatNumber,
  formatRatio,
  formatRatioInterval,
  INCONCLUSIVE_MARK,
  isInconclusive,
  markPrecision,
  precisionNote,
  ratioMethodText,
  runtimeLabel,
  runtimeRatios,
  runtimeRatioText,
  summarizeRun,
  toMarkdown,
} from '@asyncbench/results';
import { realRun } from '@asyncbench/results/testing';
import { describe, expect, it } from 'vitest';
import { formatSummary } from './summary.ts';

const run = realRun();
const terminal = formatSummary(run);
const model = buildModel([run]);
const html = renderReport([run], { generatedAt: '2026-11-29T00:00:00.000Z' });
const summary = summarizeRun(run);

/** The terminal row of a scenario x runtime, split into its columns. */
function terminalRow(scenario: string, runtime: string): string[] {
  const line = terminal
    .split('\n')
    .find((l) => l.startsWith(`${scenario} `) && l.split(/\s{2,}/)[1] === runtime);
  expect(line, `${scenario} ${runtime}`).toBeDefined();
  return line!.split(/\s{2,}/);
}

describe('terminal summary and report agree on a real run', () => {
  const withSpeedup = summary.workload.filter((r) => r.speedup);

  it('covers every workload scenario that has a speedup, on every runtime', () => {
    expect(withSpeedup.map((r) => `${r.scenario}/${r.runtime}`).sort()).toEqual(
      ['timers', 'http', 'files'].flatMap((s) => ['node', 'deno', 'bun'].map((rt) => `${s}/${rt}`)).sort(),
    );
  });

  it.each(withSpeedup.map((r) => [r.scenario, r.runtime, r] as const))(
    '%s on %s: same speedup, interval, best cases and throughputs',
    (scenario, runtime, row) => {
      const s = row.speedup!;
      const speedup = formatRatio(s.ratio);
      const interval = formatRatioInterval(s.ciLow, s.ciHigh);
      const concurrent = `${formatNumber(s.concurrent.throughput.median)} (${bestCaseName(s.concurrent)})`;
      const sync = `${formatNumber(s.sync.throughput.median)} (${bestCaseName(s.sync)})`;

      const cols = terminalRow(scenario, runtime);
      expect(cols.slice(2, 6)).toEqual([sync, concurrent, speedup, interval]);

      const view = model.scenarios.find((v) => v.id === scenario)!;
      const lines = view.blocks.flatMap((b) => (b.kind === 'list' ? b.items : []));
      const line = lines.find((l) => l.lead === runtimeLabel(run, runtime))!;
      expect(line.text).toBe(
        `${speedup} (95% CI ${interval}): ${formatNumber(s.concurrent.throughput.median)} ${row.unit.plural}/s ` +
          `(${bestCaseName(s.concurrent)}) against ${formatNumber(s.sync.throughput.median)} ${row.unit.plural}/s ` +
          `(${bestCaseName(s.sync)})${s.unitMs !== null ? `, d = ${formatNumber(s.unitMs)} ms` : ''}`,
      );
      expect(html).toContain(line.text.replace(/&/g, '&amp;'));

      // The overview's cell says the same: the concurrent throughput, its case, speedup and interval.
      const overview = model.top.find((t) => t.id === 'overview')!.blocks.find((b) => b.kind === 'overview')!;
      if (overview.kind !== 'overview') throw new Error('no overview block');
      const cell = overview.overview.rows.find((r) => r.scenario === scenario)!.cells[
        overview.overview.columns.indexOf(runtimeLabel(run, runtime))
      ]!;
      expect(`${cell.figure} (${cell.basis})`).toBe(concurrent);
      expect(cell.speedup).toBe(`${speedup} speedup (CI ${interval})`);
    },
  );

  it('the headline quotes the terminal’s speedup for its scenario', () => {
    const { text } = buildHeadline([run], model);
    const quoted = withSpeedup.filter((r) => r.scenario === 'timers');
    for (const r of quoted) expect(text).toContain(formatRatio(r.speedup!.ratio));
    expect(text).toContain(`${formatCount(quoted[0]!.concurrent!.aggregate.units)} timer waits concurrently`);
  });

  it('every micro case’s ops/s reads the same in the terminal and in the report’s table', () => {
    const microTable = chartsIn(model.scenarios.find((v) => v.id === 'tasks')!.blocks).find((c) =>
      c.id.endsWith('-micro'),
    )!.table;
    for (const row of summary.micro.rows) {
      const line = terminal.split('\n').find((l) => l.split(/\s{2,}/)[1] === row.case)!;
      const cols = line.split(/\s{2,}/);
      summary.micro.runtimes.forEach((rt, i) => {
        const printed = formatNumber(row.opsPerSec[rt]!.median);
        expect(cols[2 + i]).toBe(printed);
        const aggregate = run.entries
          .find((e) => e.runtime === rt && e.scenario === row.scenario)!
          .cases.find((c) => c.case === row.case)!;
        const reportRow = microTable.rows.find(
          (r) => r.header === `${caseLabel(aggregate)} · ${runtimeLabel(run, rt)}`,
        )!;
        expect(reportRow.cells[0]!.text, `${row.case} ${rt}`).toBe(printed);
      });
    }
  });

  it('the best concurrent throughput of each row is the same number in the report’s throughput table', () => {
    for (const r of withSpeedup) {
      const view = model.scenarios.find((v) => v.id === r.scenario)!;
      const table = chartsIn(view.blocks).find((c) => c.id.endsWith('-throughput'))!.table;
      const found = table.rows.filter(
        (x) => x.header.startsWith('concurrent: ') && x.header.endsWith(` · ${runtimeLabel(run, r.runtime)}`),
      );
      const cells = found.map((x) => x.cells[0]!.text);
      expect(cells).toContain(formatNumber(r.concurrent!.throughput.median));
      // and no concurrent case of that runtime shows a higher median than the chosen best one
      const values = found.map((x) => x.cells[0]!.value ?? 0);
      expect(Math.max(...values)).toBe(r.concurrent!.throughput.median);
    }
  });

  it('every runtime ratio reads the same in the terminal, the report’s table and the overview’s standing', () => {
    const ratios = runtimeRatios(run);
    expect(ratios.length).toBeGreaterThanOrEqual(6);
    const section = model.top.find((t) => t.id === 'runtime-ratios')!;
    const table = section.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no ratio table');
    const overview = model.top.find((t) => t.id === 'overview')!.blocks.find((b) => b.kind === 'overview')!;
    if (overview.kind !== 'overview') throw new Error('no overview block');
    for (const r of ratios) {
      const comparison = runtimeRatioText(r);
      const line = terminal.split('\n').find((l) => l.includes(comparison));
      expect(line, comparison).toBeDefined();
      expect(line!.split(/\s{2,}/)).toEqual([
        r.scenario,
        `${r.unit}, ${r.basis}`,
        comparison,
        ratioMethodText(r),
      ]);
      const row = table.table.rows.find((x) => x.cells[3]!.text === comparison);
      expect(row, comparison).toBeDefined();
      expect(row!.header).toBe(r.label);
      expect(html).toContain(comparison);
      // The ratio is the overview's: its "0.62× the fastest" standing is the same two figures.
      const orow = overview.overview.rows.find((x) => x.scenario === r.scenario)!;
      const figure = (rt: string) =>
        orow.cells[overview.overview.columns.indexOf(runtimeLabel(run, rt))]!.value!;
      expect(figure(r.runtime) / figure(r.against)).toBeCloseTo(r.ratio!, 9);
    }
  });
});

/**
 * The same real run as auto-sampling would leave it with a horizon of ±15%: its quick-profile
 * figures then fall on both sides (half-widths from ±1% to several hundred % over 3 repeats), so
 * some main figures are marked inconclusive and some are not.
 */
function sampledRun() {
  const r = realRun();
  markPrecision(r, 0.15);
  const inconclusive = r.entries.flatMap((e) => e.cases).filter(isInconclusive).length;
  r.sampling = {
    horizon: 0.15,
    maxTimeMs: 120_000,
    minRepeats: 3,
    rounds: 0,
    stoppedBy: 'max-time',
    inconclusive,
  };
  return r;
}

describe('terminal summary, Markdown and report mark the same figures inconclusive', () => {
  const sampled = sampledRun();
  const text = formatSummary(sampled);
  const md = toMarkdown(sampled);
  const sampledModel = buildModel([sampled]);
  const page = renderReport([sampled], { generatedAt: '2026-11-29T00:00:00.000Z' });
  const block = sampledModel.top.find((t) => t.id === 'overview')!.blocks.find((b) => b.kind === 'overview')!;
  if (block.kind !== 'overview') throw new Error('no overview block');
  const overview = block.overview;
  const cellOf = (scenario: string, runtime: string) =>
    overview.rows.find((r) => r.scenario === scenario)!.cells[
      overview.columns.indexOf(runtimeLabel(sampled, runtime))
    ]!;

  it('the one note line, word for word, under the terminal tables, in Markdown and under the overview', () => {
    const note = precisionNote(sampled)!;
    expect(note).toMatch(/^\? \d+ of \d+ main figures stayed wider than ±15% \(95% CI over repeats\)/);
    expect(text).toContain(note);
    expect(md).toContain(note);
    expect(overview.notes).toEqual([note]);
    expect(page).toContain(`<p class="overview-note">${note.replace(/'/g, '&#39;')}</p>`);
  });

  it('a workload cell carries ? exactly where the terminal’s best concurrent case does', () => {
    const rows = summarizeRun(sampled).workload.filter((r) => r.concurrent);
    let marked = 0;
    for (const row of rows) {
      const line = text
        .split('\n')
        .find((l) => l.startsWith(`${row.scenario} `) && l.split(/\s{2,}/)[1] === row.runtime)!;
      const printed = line.split(/\s{2,}/)[3]!; // `7,167 ? (gather)`, ` !` after it when flagged
      const cell = cellOf(row.scenario, row.runtime);
      expect(
        `${cell.figure} (${cell.basis})${flagsMark([row.flags.concurrent])}`,
        `${row.scenario} ${row.runtime}`,
      ).toBe(printed);
      if (isInconclusive(row.concurrent!.aggregate)) marked++;
    }
    // Both kinds occur, so the comparison above could fail either way.
    expect(marked).toBeGreaterThan(0);
    expect(marked).toBeLessThan(rows.length);
  });

  it('a micro cell (a geometric mean) carries ? when the terminal marks any of its cases, saying how many', () => {
    const micro = summarizeRun(sampled).micro;
    for (const runtime of micro.runtimes) {
      const rows = micro.rows.filter((r) => r.scenario === 'tasks' && r.opsPerSec[runtime]);
      const terminalMarked = rows.filter((r) => {
        const line = text.split('\n').find((l) => l.startsWith('tasks ') && l.split(/\s{2,}/)[1] === r.case)!;
        return line.split(/\s{2,}/)[2 + micro.runtimes.indexOf(runtime)]!.includes(` ${INCONCLUSIVE_MARK}`);
      });
      const cell = cellOf('tasks', runtime);
      expect(cell.figure.endsWith(` ${INCONCLUSIVE_MARK}`), runtime).toBe(terminalMarked.length > 0);
      if (terminalMarked.length > 0)
        expect(cell.marks).toContain(
          `${INCONCLUSIVE_MARK} inconclusive: ${terminalMarked.length} of ${rows.length} cases`,
        );
    }
  });
});
