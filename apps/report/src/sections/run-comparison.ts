/**
 * Run versus run: where a machine has exactly two runs, every compared figure of every case present
 * in both (results' compareRuns, what `asyncbench compare` prints), as newer / older with a 95% CI
 * and a verdict. The main figure of each case is a headline row; the rest fold away.
 */
import {
  byRuntimeOrder,
  compareRuns,
  FIGURE_META,
  type FigureComparison,
  figureHeading,
  formatFigureValue,
  formatRatio,
  formatRatioInterval,
  type Verdict,
} from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { Machine } from '../machines.ts';
import type { ReportPart } from '../parts.ts';
import { dash, text } from '../text.ts';
import type { Block, Cell, Row } from '../view.ts';

interface Pair {
  machine: Machine;
  baseLabel: string;
  candLabel: string;
  rows: FigureComparison[];
}

const pairsOf = new WeakMap<ReportContext, Pair[]>();

/** Each machine with exactly two runs: the newer against the older. */
export function runPairs(ctx: ReportContext): Pair[] {
  let pairs = pairsOf.get(ctx);
  if (!pairs) {
    pairs = ctx.machines
      .filter((m) => m.runIndexes.length === 2)
      .map((machine) => {
        const [a, b] = machine.runIndexes as [number, number];
        return {
          machine,
          baseLabel: ctx.runLabels[a]!,
          candLabel: ctx.runLabels[b]!,
          rows: compareRuns(ctx.runs[a]!, ctx.runs[b]!).rows,
        };
      });
    pairsOf.set(ctx, pairs);
  }
  return pairs;
}

function tone(verdict: Verdict): 'better' | 'worse' | 'same' {
  if (verdict === 'faster') return 'better';
  if (verdict === 'slower') return 'worse';
  return 'same';
}

/** Headline-figure verdicts over every pair and scenario, for the summary; null without a pair. */
export function comparisonCounts(ctx: ReportContext): { better: number; worse: number; same: number } | null {
  const pairs = runPairs(ctx);
  if (pairs.length === 0) return null;
  const counts = { better: 0, worse: 0, same: 0 };
  for (const p of pairs) for (const r of p.rows) if (r.main) counts[tone(r.verdict)] += 1;
  return counts;
}

const COLUMNS = ['Figure', 'First (median)', 'Second (median)', 'Ratio second / first', '95% CI', 'Verdict'];

function row(r: FigureComparison): Row {
  const ratio: Cell = r.ratio === null ? dash : { text: formatRatio(r.ratio), value: r.ratio };
  return {
    header: `${r.label} · ${r.runtime}`,
    cells: [
      text(
        `${figureHeading(r.figure, r.unit)}, ${FIGURE_META[r.figure].higherIsBetter ? 'higher' : 'lower'} is better`,
      ),
      { text: formatFigureValue(r.figure, r.base.median), value: r.base.median },
      { text: formatFigureValue(r.figure, r.candidate.median), value: r.candidate.median },
      ratio,
      r.ciLow === null || r.ciHigh === null ? dash : text(formatRatioInterval(r.ciLow, r.ciHigh)),
      { text: r.verdict, value: null, tone: tone(r.verdict) },
    ],
  };
}

function pairBlocks(ctx: ReportContext, scenario: ScenarioContext, pair: Pair): Block[] {
  const caseIndex = new Map(scenario.cases.map((c, i) => [c.id, i]));
  const rows = pair.rows
    .filter((r) => r.scenario === scenario.id)
    .sort(
      (a, b) =>
        (caseIndex.get(a.case) ?? 0) - (caseIndex.get(b.case) ?? 0) || byRuntimeOrder(a.runtime, b.runtime),
    );
  if (rows.length === 0) return [];
  const main = rows.filter((r) => r.main);
  const rest = rows.filter((r) => !r.main);
  const counts = { better: 0, worse: 0, same: 0 };
  for (const r of main) counts[tone(r.verdict)] += 1;
  const caption = (what: string) => `${what}: second run (${pair.candLabel}) / first run (${pair.baseLabel})`;
  const on = ctx.machines.length > 1 ? ` on ${pair.machine.label}` : '';
  const blocks: Block[] = [
    { kind: 'heading', text: `Second run versus first${on}` },
    {
      kind: 'text',
      text: `Ratio = second run (${pair.candLabel}) / first run (${pair.baseLabel}), with a 95% confidence interval over the repeats. Headline figures: ${counts.better} better, ${counts.worse} worse, ${counts.same} without a clear change.`,
    },
    {
      kind: 'table',
      className: 'comparison',
      table: {
        caption: caption('Headline figures'),
        rowHeading: 'Case · runtime',
        columns: COLUMNS,
        rows: main.map(row),
      },
    },
  ];
  if (rest.length > 0) {
    blocks.push({
      kind: 'group',
      fold: { summary: `All other figures (${rest.length})`, open: false },
      blocks: [
        {
          kind: 'table',
          className: 'comparison',
          table: {
            caption: caption('All other figures'),
            rowHeading: 'Case · runtime',
            columns: COLUMNS,
            rows: rest.map(row),
          },
        },
      ],
    });
  }
  return blocks;
}

export const runComparisonPart: ReportPart = {
  id: 'run-comparison',
  scenario: (ctx, scenario) => runPairs(ctx).flatMap((pair) => pairBlocks(ctx, scenario, pair)),
};
