/**
 * `asyncbench compare a.json b.json [--fail-on slower [--threshold 5%]]`: b against a, figure by
 * figure, with a 95% CI and a verdict (@asyncbench/results' compareRuns: the comparison the report
 * shows). `a` may be a folder of baseline runs, pooled (poolRuns). With --fail-on slower, exit 1
 * when a figure is conclusively slower by more than the threshold (results' regressions()).
 */
import {
  compareRuns,
  FIGURE_META,
  type FigureComparison,
  figureHeading,
  formatFigureValue,
  formatRatio,
  formatRatioInterval,
  poolRuns,
  type Regression,
  type RunComparison,
  regressions,
  type Verdict,
} from '@asyncbench/results';
import type { CompareArgs } from './args.ts';
import type { Io } from './io.ts';
import { loadRunFile, loadRunFiles } from './load-run.ts';
import { formatTable } from './table.ts';

/**
 * The rows a terminal shows: every case's main figure (throughput, ops/s), and any other figure
 * whose verdict is conclusive. The tally and the gate count every compared figure.
 */
export function shownRows(rows: readonly FigureComparison[]): FigureComparison[] {
  return rows.filter((r) => r.main || r.verdict === 'faster' || r.verdict === 'slower');
}

export function formatCompare(comparison: RunComparison, baseName: string, candidateName: string): string {
  const { rows, notes } = comparison;
  if (rows.length === 0) {
    const why = notes.length > 0 ? `\n${notes.join('\n')}` : '';
    const hint = notes.some((n) => n.includes('parameters differ'))
      ? ' (their parameters differ; --ignore-params compares them by case id anyway)'
      : '';
    return `nothing to compare: no (runtime, scenario, case) with the same parameters is in both ${baseName} and ${candidateName}${hint}${why}`;
  }
  const shown = shownRows(rows);
  const table = formatTable(
    ['runtime', 'scenario', 'case', 'figure', 'a', 'b', 'b/a', '95% CI', 'verdict'],
    shown.map((r) => [
      r.runtime,
      r.scenario,
      r.case,
      figureHeading(r.figure, r.unit),
      formatFigureValue(r.figure, r.base.median),
      formatFigureValue(r.figure, r.candidate.median),
      formatRatio(r.ratio),
      formatRatioInterval(r.ciLow, r.ciHigh),
      r.verdict,
    ]),
    ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'right', 'left'],
  );
  const count = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
  const tally =
    `${rows.length} figures: ${count('faster')} faster, ${count('slower')} slower, ` +
    `${count('no significant difference')} no significant difference, ${count('insufficient data')} insufficient data` +
    (shown.length < rows.length ? ` (shown: main figures and conclusive changes; --json has all)` : '');
  const extra = notes.length > 0 ? `\n${notes.join('\n')}` : '';
  return `a = ${baseName}\nb = ${candidateName}\n\n${table}\n\n${tally}${extra}`;
}

/** The gate's verdict in words: one line per regression, worst first. */
export function formatRegressions(found: readonly Regression[], threshold: number): string {
  const pct = `${Number((threshold * 100).toFixed(2))}%`;
  if (found.length === 0) return `gate: no figure is conclusively slower by more than ${pct}`;
  const lines = found.map(({ row, slowdown, slowdownAtLeast }) => {
    const dir = FIGURE_META[row.figure].higherIsBetter ? 'lower' : 'higher';
    return (
      `  ${row.runtime} ${row.scenario} ${row.case} ${row.figure}: b/a ${formatRatio(row.ratio)} ` +
      `(95% CI ${formatRatioInterval(row.ciLow, row.ciHigh)}, ${dir} is worse): ${formatRatio(slowdown)} slower, ` +
      `at least ${formatRatio(slowdownAtLeast)}`
    );
  });
  return `gate: ${found.length} figure${found.length === 1 ? '' : 's'} conclusively slower by more than ${pct}:\n${lines.join('\n')}`;
}

export async function compareCommand(args: CompareArgs, io: Io): Promise<number> {
  const baseRuns = await loadRunFiles(args.base);
  const base = poolRuns(baseRuns);
  const candidate = await loadRunFile(args.candidate);
  const comparison = compareRuns(base, candidate, { ignoreParams: args.ignoreParams });
  const baseName = baseRuns.length > 1 ? `${args.base} (${baseRuns.length} runs pooled)` : args.base;
  const found = args.failOn === 'slower' ? regressions(comparison.rows, args.threshold) : [];
  if (args.json) {
    const out = { ...comparison, ...(args.failOn ? { threshold: args.threshold, regressions: found } : {}) };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.stdout.write(`${formatCompare(comparison, baseName, args.candidate)}\n`);
  }
  if (args.failOn === null) return 0;
  // The gate's verdict goes to stderr, so it shows in CI logs even with --json on stdout.
  io.stderr.write(`${formatRegressions(found, args.threshold)}\n`);
  const thin = comparison.rows.filter((r) => r.verdict === 'insufficient data').length;
  if (thin > 0) {
    io.stderr.write(
      `gate: ${thin} of ${comparison.rows.length} figures had too few repeats to judge (need 2 or more on each side)\n`,
    );
  }
  // A gate that judged nothing cannot vouch for anything: it fails rather than pass silently.
  if (thin === comparison.rows.length) {
    io.stderr.write('gate: failed, no figure could be judged (nothing in common, or too few repeats)\n');
    return 1;
  }
  return found.length > 0 ? 1 : 0;
}
