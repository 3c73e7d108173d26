/**
 * History: with three runs or more from one machine, each scenario's main figure (main-figure.ts,
 * the overview's) as a trend across those runs, per runtime. The case behind a runtime's figure is
 * the one its newest run picks, followed back through the older runs. Runs are labelled by commit
 * where the commits differ (a trend over code changes), else by date. Runs from different machines
 * never share a trend, and runs whose scenario parameters differ from the newest's are left out.
 */
import { formatDate, type RunFile, runtimeLabel, runtimeVersion } from '@asyncbench/results';
import { type TrendLine, type TrendPoint, trendChart } from '../charts/trend.ts';
import type { ReportContext, ScenarioContext } from '../context.ts';
import { findEntry } from '../lookup.ts';
import type { Machine } from '../machines.ts';
import type { ReportPart } from '../parts.ts';
import { slug, text } from '../text.ts';
import type { Block, ChartView, SectionView } from '../view.ts';
import { chooseBasis, figureUnit, mainFigure } from './main-figure.ts';

/** Fewer runs than this make a comparison (two) or nothing (one), not a trend. */
const MIN_RUNS = 3;

/** x labels: by commit when the runs span several commits, else by date. */
function xAxis(runs: readonly RunFile[]): { title: string; labels: (string | string[])[] } {
  const commits = runs.map((r) => r.tool.commit);
  const byCommit = commits.every((c) => c) && new Set(commits).size > 1;
  // Minutes, or seconds where two runs started in the same minute.
  const minutes = runs.map((r) => formatDate(r.startedAt).replace(' UTC', ''));
  const precise = new Set(minutes).size < minutes.length;
  const date = (r: RunFile) =>
    precise ? r.startedAt.slice(0, 19).replace('T', ' ') : formatDate(r.startedAt).replace(' UTC', '');
  return byCommit
    ? {
        title: 'commit (runs oldest first, evenly spaced)',
        labels: runs.map((r) => [r.tool.commit!.slice(0, 7), date(r)]),
      }
    : {
        title: 'run date, UTC (runs oldest first, evenly spaced)',
        labels: runs.map((r) => date(r).split(' ')),
      };
}

const sameParams = (a: RunFile, b: RunFile, scenario: string): boolean =>
  JSON.stringify(a.scenarios.find((s) => s.id === scenario)?.params ?? null) ===
  JSON.stringify(b.scenarios.find((s) => s.id === scenario)?.params ?? null);

function scenarioTrend(ctx: ReportContext, machine: Machine, scenario: ScenarioContext): ChartView | null {
  const runs = machine.runIndexes.map((i) => ctx.runs[i]!);
  const newest = runs.at(-1)!;
  const lines: TrendLine[] = [];
  let unit = '';
  for (const s of ctx.series.filter((x) => x.runIndex === machine.runIndexes.at(-1))) {
    const entry = findEntry(newest, s.runtime, scenario.id);
    const basis = entry && chooseBasis(newest, entry);
    if (!basis) continue;
    unit = figureUnit(basis, scenario.unit);
    const points = runs.map((run): TrendPoint => {
      const about = [text(runtimeVersion(run, s.runtime) ?? '—'), text(basis.name || '—')];
      if (!sameParams(run, newest, scenario.id))
        return { repeats: [], value: null, missing: 'other parameters', about };
      const e = findEntry(run, s.runtime, scenario.id);
      if (!e || e.status === 'skipped')
        return { repeats: [], value: null, missing: e ? 'skipped' : 'not run', about };
      const figure = mainFigure(e, basis);
      if (!figure)
        return { repeats: [], value: null, missing: e.status === 'failed' ? 'failed' : 'no figure', about };
      return { repeats: figure.repeats, value: figure.value, missing: null, about };
    });
    lines.push({ label: runtimeLabel(newest, s.runtime), colour: s.colour, points });
  }
  if (lines.length === 0) return null;
  const x = xAxis(runs);
  const on = ctx.machines.length > 1 ? ` on ${machine.label}` : '';
  return trendChart({
    id: `history-${machine.slug}-${slug(scenario.id)}`,
    title: `${scenario.label}: ${unit} across runs${on}`,
    titleLines: [scenario.shortLabel, `${unit} across runs${on}`],
    figure: unit,
    xTitle: x.title,
    runs: x.labels,
    runNames: machine.runIndexes.map((i) => ctx.runLabels[i]!),
    lines,
    aboutColumns: ['Version', 'Case'],
  });
}

function machineBlocks(ctx: ReportContext, machine: Machine): Block[] {
  const runs = machine.runIndexes.map((i) => ctx.runs[i]!);
  const charts = ctx.scenarios
    .map((scenario) => scenarioTrend(ctx, machine, scenario))
    .filter((c): c is ChartView => c !== null);
  return [
    {
      kind: 'heading',
      text: `${machine.label}: ${runs.length} runs, ${formatDate(runs[0]!.startedAt)} to ${formatDate(runs.at(-1)!.startedAt)}`,
    },
    { kind: 'group', grid: true, blocks: charts.map((chart) => ({ kind: 'chart', chart })) },
  ];
}

export function historySection(ctx: ReportContext): SectionView | null {
  const tracked = ctx.machines.filter((m) => m.runIndexes.length >= MIN_RUNS);
  if (tracked.length === 0) return null;
  const shared = [...new Set(ctx.machines.map((m) => m.hostname))].filter(
    (h) => ctx.machines.filter((m) => m.hostname === h).length > 1,
  );
  const blocks: Block[] = [
    {
      kind: 'text',
      text:
        'Each scenario’s main figure, as in the overview, across the runs of one machine: one line per runtime, each point the mean over that run’s repeats with its 95% confidence interval (Student’s t; none with fewer than two repeats). ' +
        'A runtime’s figure follows the case its newest run picks; runs whose scenario parameters differ are left out.',
    },
  ];
  for (const host of shared) {
    blocks.push({
      kind: 'text',
      text: `Runs named ${host} came from ${ctx.machines.filter((m) => m.hostname === host).length} machines with different hardware or OS; each has its own trend, never one mixed line.`,
    });
  }
  for (const machine of tracked) blocks.push(...machineBlocks(ctx, machine));
  return { id: 'history', title: 'History', blocks };
}

export const historyPart: ReportPart = {
  id: 'history',
  section: { at: 'top', build: historySection },
};
