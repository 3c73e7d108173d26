/**
 * The one figure per runtime × scenario that the overview shows and the history follows across
 * runs. Workload scenarios: the throughput of the case the terminal summary and the speedup pick
 * (results' summarizeRun: the best concurrent case at the speedup's d), else the best case of any
 * mode. Micro scenarios: the geometric mean of the cases' ops/s, the usual way to sum up benchmarks
 * of different sizes in one number (SPEC does the same), so no single case dominates.
 */
import { bestByThroughput, bestCaseName, type Entry, type RunFile, type UnitNoun } from '@asyncbench/results';
import { summaryOf } from './speedups.ts';

/** Which cases make a main figure, chosen once (on the newest run) and followed across runs. */
export interface FigureBasis {
  kind: 'workload' | 'micro';
  caseIds: string[];
  /** Which case (`gather`), or empty for micro (the row says how the figure is formed). */
  name: string;
}

export interface MainFigure {
  /** Median over repeats (micro: geometric mean of the cases' medians). */
  value: number;
  /** One value per repeat, for an interval; [] when the cases' repeats do not line up. */
  repeats: number[];
}

/** The figure's unit with the scenario's noun: `timer waits/s`, `ops/s`. */
export function figureUnit(basis: FigureBasis, unit: UnitNoun): string {
  return basis.kind === 'micro' ? 'ops/s' : `${unit.plural}/s`;
}

/** What the figure is, for a row heading: `best concurrent case`, `geometric mean of 6 cases`. */
export function figureWhat(basis: FigureBasis): string {
  return basis.kind === 'micro' ? `geometric mean of ${basis.caseIds.length} cases` : 'best concurrent case';
}

/** The cases an entry's main figure comes from (see the module comment); null when it has none. */
export function chooseBasis(run: RunFile, entry: Entry): FigureBasis | null {
  const workload = entry.cases.filter((c) => c.kind === 'workload' && c.figures.throughput);
  if (workload.length > 0) {
    const row = summaryOf(run).workload.find(
      (r) => r.scenario === entry.scenario && r.runtime === entry.runtime,
    );
    const best = row?.concurrent ?? bestByThroughput(workload);
    if (!best) return null;
    return { kind: 'workload', caseIds: [best.aggregate.case], name: bestCaseName(best) };
  }
  const micro = entry.cases.filter((c) => c.kind === 'micro' && c.figures.opsPerSec);
  if (micro.length === 0) return null;
  return { kind: 'micro', caseIds: micro.map((c) => c.case), name: '' };
}

const geometricMean = (values: readonly number[]): number =>
  Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

/** An entry's main figure on a basis; null when one of the basis' cases has no figure there. */
export function mainFigure(entry: Entry, basis: FigureBasis): MainFigure | null {
  const figure = basis.kind === 'micro' ? 'opsPerSec' : 'throughput';
  const spreads = basis.caseIds.map((id) => entry.cases.find((c) => c.case === id)?.figures[figure]);
  if (spreads.some((s) => !s || !(s.median > 0))) return null;
  const present = spreads as NonNullable<(typeof spreads)[number]>[];
  if (present.length === 1) return { value: present[0]!.median, repeats: [...present[0]!.values] };
  const n = present[0]!.values.length;
  const aligned = present.every((s) => s.values.length === n && s.values.every((v) => v > 0));
  return {
    value: geometricMean(present.map((s) => s.median)),
    // Repeat r's figure is the geometric mean of every case's value in repeat r.
    repeats: aligned
      ? Array.from({ length: n }, (_, r) => geometricMean(present.map((s) => s.values[r]!)))
      : [],
  };
}
