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
  type RunComparison,
  type Verdict,
} from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { Machine } from '../machines.ts';
import type { ReportPart } from '../parts.ts';
import { dash, text } from '../text.ts';
import type { Block, Cell, ComparisonCounts, Row } from '../view.ts';

interface Pair {
  machine: Machine;
  baseLabel: string;
  candLabel: string;
  rows: FigureComparison[];
  /** Entries with results in only one of the two runs (compareRuns' onlyIn), not compared. */
  onlyIn: RunComparison['onlyIn'];
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
        const { rows, onlyIn } = compareRuns(ctx.runs[a]!, ctx.runs[b]!);
        return { machine, baseLabel: ctx.runLabels[a]!, candLabel: ctx.runLabels[b]!, rows, onlyIn };
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

/** Headline-figure verdicts counted apart: 'insufficient data' is no judgement, not "no change". */
function countVerdicts(rows: readonly FigureComparison[]): Omit<ComparisonCounts, 'onlyIn'> {
  const counts = { better: 0, worse: 0, same: 0, insufficient: 0 };
  for (const r of rows) {
    if (!r.main) continue;
    if (r.verdict === 'insufficient data') counts.insufficient += 1;
    else counts[tone(r.verdict)] += 1;
  }
  return counts;
}

/** `node queue: only in the first run (label)`: what a pair left out because one run lacks it. */
function onlyInText(pair: Pair, o: Pair['onlyIn'][number]): string {
  const which = o.side === 'a' ? `the first run (${pair.baseLabel})` : `the second run (${pair.candLabel})`;
  return `${o.runtime} ${o.scenario}: only in ${which}`;
}

/**
 * Headline-figure verdicts over every pair and scenario, and the entries only one run of a pair
 * has, for the summary; null without a pair.
 */
export function comparisonCounts(ctx: ReportContext): ComparisonCounts | null {
  const pairs = runPairs(ctx);
  if (pairs.length === 0) return null;
  const counts = countVerdicts(pairs.flatMap((p) => p.rows));
  const onlyIn = pairs.flatMap((p) => p.onlyIn.map((o) => onlyInText(p, o)));
  return { ...counts, onlyIn };
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
  const only = pair.onlyIn.filter((o) => o.scenario === scenario.id).map((o) => `${onlyInText(pair, o)}.`);
  if (rows.length === 0 && only.length === 0) return [];
  const on = ctx.machines.length > 1 ? ` on ${pair.machine.label}` : '';
  const heading: Block = { kind: 'heading', text: `Second run versus first${on}` };
  const notCompared: Block[] =
    only.length > 0 ? [{ kind: 'text', text: `Not compared: ${only.join(' ')}` }] : [];
  if (rows.length === 0) return [heading, ...notCompared];
  const main = rows.filter((r) => r.main);
  const rest = rows.filter((r) => !r.main);
  const counts = countVerdicts(main);
  const caption = (what: string) => `${what}: second run (${pair.candLabel}) / first run (${pair.baseLabel})`;
  const unjudged =
    counts.insufficient > 0 ? `, ${counts.insufficient} could not be judged: too few repeats` : '';
  const blocks: Block[] = [
    heading,
    {
      kind: 'text',
      text: `Ratio = second run (${pair.candLabel}) / first run (${pair.baseLabel}), with a 95% confidence interval over the repeats. Headline figures: ${counts.better} better, ${counts.worse} worse, ${counts.same} without a clear change${unjudged}.`,
    },
    ...notCompared,
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
