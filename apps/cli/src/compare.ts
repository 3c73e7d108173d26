/**
 * `asyncbench compare a.json b.json`: for each (runtime, scenario, case) in both runs, the main
 * figures of b relative to a, with a 95% CI and a verdict (the harness's compareSpreads, the same
 * statistics the report uses).
 */
import {
  type CaseAggregate,
  compareSpreads,
  FIGURE_META,
  type FigureName,
  type RunFile,
  type Verdict,
} from '@asyncbench/harness';
import type { CompareArgs } from './args.ts';
import type { Io } from './io.ts';
import { loadRunFile } from './load-run.ts';
import { formatNumber, formatTable } from './table.ts';

export interface CompareRow {
  runtime: string;
  scenario: string;
  case: string;
  figure: FigureName;
  base: number;
  candidate: number;
  /** candidate / base. */
  ratio: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  verdict: Verdict;
}

/** The figures compared: what a reader decides on (rate, and tail latency for workloads). */
function mainFigures(c: CaseAggregate): FigureName[] {
  return c.kind === 'micro' ? ['opsPerSec'] : ['throughput', 'p99Ms'];
}

export function compareRuns(base: RunFile, candidate: RunFile): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const eb of base.entries) {
    const ec = candidate.entries.find((e) => e.runtime === eb.runtime && e.scenario === eb.scenario);
    if (!ec) continue;
    for (const cb of eb.cases) {
      const cc = ec.cases.find((c) => c.case === cb.case);
      if (!cc) continue;
      for (const figure of mainFigures(cb)) {
        const sb = cb.figures[figure];
        const sc = cc.figures[figure];
        if (!sb || !sc) continue;
        const cmp = compareSpreads(sb, sc, FIGURE_META[figure].higherIsBetter);
        rows.push({
          runtime: eb.runtime,
          scenario: eb.scenario,
          case: cb.case,
          figure,
          base: sb.median,
          candidate: sc.median,
          ...cmp,
        });
      }
    }
  }
  return rows;
}

const ratio = (n: number | null) => (n === null ? '—' : n.toFixed(n >= 10 ? 1 : 3));

export function formatCompare(rows: CompareRow[], baseName: string, candidateName: string): string {
  if (rows.length === 0)
    return `nothing to compare: no (runtime, scenario, case) is in both ${baseName} and ${candidateName}`;
  const table = formatTable(
    ['runtime', 'scenario', 'case', 'figure', 'a', 'b', 'b/a', '95% CI', 'verdict'],
    rows.map((r) => [
      r.runtime,
      r.scenario,
      r.case,
      `${r.figure} (${FIGURE_META[r.figure].unit})`,
      formatNumber(r.base),
      formatNumber(r.candidate),
      ratio(r.ratio),
      r.ciLow === null || r.ciHigh === null ? '—' : `${ratio(r.ciLow)}–${ratio(r.ciHigh)}`,
      r.verdict,
    ]),
    ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  const tally = `${count('faster')} faster, ${count('slower')} slower, ${count('no significant difference')} no significant difference, ${count('insufficient data')} insufficient data`;
  return `a = ${baseName}\nb = ${candidateName}\n\n${table}\n\n${tally}`;
}

export async function compareCommand(args: CompareArgs, io: Io): Promise<number> {
  const base = await loadRunFile(args.base);
  const candidate = await loadRunFile(args.candidate);
  const rows = compareRuns(base, candidate);
  if (args.json) io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  else io.stdout.write(`${formatCompare(rows, args.base, args.candidate)}\n`);
  return 0;
}
