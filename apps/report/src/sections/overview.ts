/**
 * The overview that opens the report: runtime × scenario, each cell the scenario's main figure
 * (main-figure.ts), what concurrency bought there (speedup with its 95% CI) and how close it came to
 * the physical limit (efficiency). Read from each machine's newest run, so with runs from several
 * hosts there is a column per host × runtime. Cells are shaded by their share of the row's best,
 * and the best is marked, so the answer is on the first screen without a chart.
 */
import {
  type Entry,
  FLAG_MARK,
  formatNumber,
  formatPercent,
  formatRatio,
  formatRatioInterval,
  INCONCLUSIVE_MARK,
  isConclusive,
  isInconclusive,
  precisionNote,
  type RuntimeRatio,
  runtimeLabel,
  runtimeRatios,
} from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import { entryReason, findEntry, repeatSummary } from '../lookup.ts';
import type { ReportPart } from '../parts.ts';
import type { Series } from '../series.ts';
import type { OverviewCell, OverviewRow, OverviewView, SectionView } from '../view.ts';
import { chooseBasis, type FigureBasis, figureUnit, figureWhat, mainFigure } from './main-figure.ts';
import { summaryOf } from './speedups.ts';

/** 1..5 by share of the row's best: the shading steps of the overview. */
function heat(share: number): number {
  if (share >= 0.95) return 5;
  if (share >= 0.8) return 4;
  if (share >= 0.6) return 3;
  if (share >= 0.4) return 2;
  return 1;
}

const emptyCell = (status: string, marks: string[]): OverviewCell => ({
  figure: '—',
  value: null,
  basis: '',
  speedup: '',
  efficiency: '',
  standing: '',
  heat: 0,
  best: false,
  status,
  marks,
});

/**
 * The cases of a cell's figure whose main figure stayed wider than the run's horizon (results'
 * isInconclusive, the reading behind the terminal summary's `?`): the workload case itself, or
 * those of the micro cases the geometric mean is formed from.
 */
function inconclusiveCases(entry: Entry, basis: FigureBasis) {
  return basis.caseIds.filter((id) => isInconclusive(entry.cases.find((c) => c.case === id)));
}

function cell(
  ctx: ReportContext,
  scenario: ScenarioContext,
  s: Series,
): { cell: OverviewCell; basis: ReturnType<typeof chooseBasis> } {
  const run = ctx.runs[s.runIndex]!;
  const entry = findEntry(run, s.runtime, scenario.id);
  const marks = ctx.parts.flatMap((p) => p.overviewMarks?.(ctx, scenario, s) ?? []);
  if (!entry) return { cell: emptyCell('not run', marks), basis: null };
  if (entry.status === 'skipped')
    return { cell: emptyCell(`skipped: ${entry.reason ?? 'no reason recorded'}`, marks), basis: null };
  const basis = chooseBasis(run, entry);
  const figure = basis && mainFigure(entry, basis);
  if (!basis || !figure) {
    return {
      cell: emptyCell(entry.status === 'failed' ? `failed: ${entryReason(entry)}` : 'no figure', marks),
      basis,
    };
  }
  if (entry.status === 'failed') {
    const { ok, total } = repeatSummary(entry);
    marks.unshift(`partial: ${ok} of ${total} repeats ok`);
  }
  // The summary's `?` beside the same figure; a geometric mean inherits it from any of its cases.
  const wide = inconclusiveCases(entry, basis);
  if (wide.length > 0 && basis.kind === 'micro')
    marks.unshift(`${INCONCLUSIVE_MARK} inconclusive: ${wide.length} of ${basis.caseIds.length} cases`);
  const row = summaryOf(run).workload.find((r) => r.scenario === scenario.id && r.runtime === s.runtime);
  const sp = basis.kind === 'workload' ? row?.speedup : null;
  const eff = basis.kind === 'workload' ? row?.efficiency?.median : undefined;
  return {
    basis,
    cell: {
      figure: `${formatNumber(figure.value)}${wide.length > 0 ? ` ${INCONCLUSIVE_MARK}` : ''}`,
      value: figure.value,
      basis: basis.name,
      speedup: sp
        ? `${formatRatio(sp.ratio)} speedup${sp.ciLow !== null ? ` (CI ${formatRatioInterval(sp.ciLow, sp.ciHigh)})` : ''}`
        : '',
      efficiency: eff !== undefined ? `${formatPercent(eff)} of ideal` : '',
      standing: '',
      heat: 0,
      best: false,
      status: null,
      marks,
    },
  };
}

function overviewRow(
  ctx: ReportContext,
  scenario: ScenarioContext,
  columns: readonly Series[],
  ratios: readonly RuntimeRatio[],
): OverviewRow | null {
  const built = columns.map((s) => cell(ctx, scenario, s));
  if (built.every((b) => b.cell.status === 'not run')) return null;
  const cells = built.map((b) => b.cell);
  const values = cells.map((c) => c.value).filter((v): v is number => v !== null);
  const best = values.length > 0 ? Math.max(...values) : null;
  for (const c of cells) {
    if (c.value === null || best === null) continue;
    c.heat = heat(c.value / best);
    c.best = values.length > 1 && c.value === best;
    c.standing = values.length < 2 ? '' : c.best ? 'fastest' : `${formatRatio(best / c.value)} slower`;
  }
  qualifyStandings(scenario, columns, cells, ratios);
  const basis = built.find((b) => b.basis)?.basis;
  return {
    scenario: scenario.id,
    anchor: scenario.anchor,
    label: scenario.shortLabel,
    unit: basis ? figureUnit(basis, scenario.unit) : `${scenario.unit.plural}/s`,
    what: basis ? figureWhat(basis) : '',
    cells,
  };
}

/**
 * "1.08× slower" read from bar heights alone would quote a difference the runtime comparison
 * (runtimeRatios: a 95% CI, paired by repeat) calls noise. When every column comes from one run,
 * each standing says what that comparison concluded: its interval when conclusive, "not
 * significant" or "no interval" otherwise. Only where the comparison's fastest runtime is the
 * row's too (both read the same best concurrent case for workloads).
 */
function qualifyStandings(
  scenario: ScenarioContext,
  columns: readonly Series[],
  cells: OverviewCell[],
  runRatios: readonly RuntimeRatio[],
): void {
  const ratios = runRatios.filter((r) => r.scenario === scenario.id);
  const bestColumn = columns[cells.findIndex((c) => c.best)];
  if (!bestColumn) return;
  cells.forEach((c, i) => {
    if (c.best || c.standing === '') return;
    const r = ratios.find((x) => x.runtime === bestColumn.runtime && x.against === columns[i]!.runtime);
    if (!r) return;
    if (r.verdict === 'insufficient data') c.standing += ', no interval';
    else if (!isConclusive(r)) c.standing += ', not significant';
    else c.standing += ` (CI ${formatRatioInterval(r.ciLow, r.ciHigh)})`;
  });
}

function caption(ctx: ReportContext): string {
  if (ctx.machines.length > 1) {
    return `At a glance: the newest run of each of ${ctx.machines.length} hosts, side by side`;
  }
  const newest = ctx.runLabels[ctx.newest[0]!]!;
  return ctx.runs.length > 1 ? `At a glance: the newest run (${newest})` : `At a glance (${newest})`;
}

export function buildOverview(ctx: ReportContext): OverviewView | null {
  const columns = ctx.series.filter((s) => ctx.newest.includes(s.runIndex));
  // The runtime comparison behind each standing: only when every column comes from one run.
  const runIndex = columns[0]?.runIndex;
  const oneRun = runIndex !== undefined && columns.every((s) => s.runIndex === runIndex);
  const ratios = oneRun ? runtimeRatios(ctx.runs[runIndex]!) : [];
  const rows = ctx.scenarios
    .map((scenario) => overviewRow(ctx, scenario, columns, ratios))
    .filter((r): r is OverviewRow => r !== null);
  if (rows.length === 0) return null;
  // The terminal summary's note line, from the same function, once per run the columns come from.
  const notes = ctx.newest.flatMap((i) => {
    const note = precisionNote(ctx.runs[i]!);
    return note ? [ctx.newest.length > 1 ? `${ctx.runLabels[i]}: ${note}` : note] : [];
  });
  return {
    caption: caption(ctx),
    columns: columns.map((s) =>
      ctx.machines.length > 1 ? s.label : runtimeLabel(ctx.runs[s.runIndex]!, s.runtime),
    ),
    rows,
    notes,
    legend:
      'Each cell: the scenario’s main figure (median over repeats, higher is better) and the case it comes from; ' +
      'the speedup, best concurrent over best blocking-or-sequential throughput at the same unit duration, with its 95% confidence interval (CI); ' +
      'and efficiency, ideal over measured wall time. ★ marks the fastest in each row; the deeper the shade, the closer to the row’s best. ' +
      `${INCONCLUSIVE_MARK} after a figure: its 95% CI over repeats stayed wider than the run’s horizon (inconclusive). ` +
      `${FLAG_MARK} under it: something looks wrong in its repeats (see Flags).`,
  };
}

export const overviewPart: ReportPart = {
  id: 'overview',
  section: {
    at: 'top',
    build(ctx): SectionView | null {
      const overview = buildOverview(ctx);
      return overview
        ? { id: 'overview', title: 'Overview', blocks: [{ kind: 'overview', overview }] }
        : null;
    },
  },
};
