/**
 * Comparisons between runs (a candidate against a base run, or against a pool of baseline runs);
 * runtime against runtime within one run is runtime-compare.ts. Every compared figure of
 * FIGURE_META, in the one figure order; the statistics are compareSpreads' (ratio of medians, 95%
 * CI, verdict).
 */
import { spreadOf } from './aggregate.ts';
import { type Comparison, compareSpreads } from './compare.ts';
import { FIGURE_META, figuresOf, mainFigure } from './figures.ts';
import { caseLabel, unitNoun } from './labels.ts';
import type {
  CaseAggregate,
  CaseKind,
  Entry,
  FigureName,
  Params,
  RunFile,
  Spread,
  UnitNoun,
} from './schema.ts';

/** One figure of one case, candidate against base. */
export interface FigureComparison extends Comparison {
  runtime: string;
  scenario: string;
  case: string;
  /** The case's label (with its variant), for readers. */
  label: string;
  kind: CaseKind;
  /** What one unit of the scenario is (throughput reads `requests/s`). */
  unit: UnitNoun;
  figure: FigureName;
  /** True for the case's main figure (throughput, ops/s); false for the rest. */
  main: boolean;
  base: Spread;
  candidate: Spread;
}

export interface RunComparison {
  rows: FigureComparison[];
  /** Cases left out, and why (their parameters differ between the runs). */
  notes: string[];
  /** Runtime × scenario entries with results in only one run (side 'a' = base), not compared. */
  onlyIn: Array<{ runtime: string; scenario: string; side: 'a' | 'b' }>;
}

const sameParams = (a: Params, b: Params): boolean => JSON.stringify(a) === JSON.stringify(b);

function compareCases(
  runtime: string,
  scenario: string,
  unit: UnitNoun,
  base: CaseAggregate,
  candidate: CaseAggregate,
): FigureComparison[] {
  const rows: FigureComparison[] = [];
  const main = mainFigure(base.kind);
  for (const figure of figuresOf(base.kind)) {
    const meta = FIGURE_META[figure];
    const b = base.figures[figure];
    const c = candidate.figures[figure];
    if (!meta.compared || !b || !c) continue;
    rows.push({
      runtime,
      scenario,
      case: base.case,
      label: caseLabel(base),
      kind: base.kind,
      unit,
      figure,
      main: figure === main,
      base: b,
      candidate: c,
      ...compareSpreads(b, c, meta.higherIsBetter),
    });
  }
  return rows;
}

/** Options of compareRuns. */
export interface CompareRunsOptions {
  /**
   * Compare cases by id even where their parameters differ (a known-truth A/B with
   * `--param unitMs=...`); each such case gets a note naming the parameters that differ.
   */
  ignoreParams?: boolean;
}

/** `unitMs 10 -> 11.5, units 200 -> 100`: the parameters whose values differ, a to b. */
export function paramDifference(a: Params, b: Params): string {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return names
    .filter((n) => JSON.stringify(a[n]) !== JSON.stringify(b[n]))
    .map((n) => `${n} ${JSON.stringify(a[n] ?? null)} -> ${JSON.stringify(b[n] ?? null)}`)
    .join(', ');
}

/**
 * Every compared figure of every (runtime, scenario, case) present in both runs: candidate / base.
 * Cases whose parameters differ (a quick run against a default one) are not comparable and are
 * left out with a note, unless options.ignoreParams (then compared, and the note says so). Rows
 * follow the base run's order of entries and cases.
 */
export function compareRuns(
  base: RunFile,
  candidate: RunFile,
  options: CompareRunsOptions = {},
): RunComparison {
  const rows: FigureComparison[] = [];
  const notes: string[] = [];
  const only: RunComparison['onlyIn'] = [];
  // What only one side has is said once per runtime × scenario, so a comparison that silently
  // covers less than the reader thinks cannot happen.
  const onlyIn = (from: RunFile, other: RunFile, side: 'a' | 'b') => {
    for (const e of from.entries) {
      if (e.cases.length === 0) continue;
      if (
        !other.entries.some((x) => x.runtime === e.runtime && x.scenario === e.scenario && x.cases.length > 0)
      ) {
        notes.push(`${e.runtime} ${e.scenario}: only in ${side}, not compared`);
        only.push({ runtime: e.runtime, scenario: e.scenario, side });
      }
    }
  };
  onlyIn(base, candidate, 'a');
  onlyIn(candidate, base, 'b');
  for (const eb of base.entries) {
    const ec = candidate.entries.find((e) => e.runtime === eb.runtime && e.scenario === eb.scenario);
    if (!ec) continue;
    for (const cb of eb.cases) {
      const cc = ec.cases.find((c) => c.case === cb.case);
      if (!cc) continue;
      if (!sameParams(cb.params, cc.params)) {
        const what = `${eb.runtime} ${eb.scenario} ${cb.case}: parameters differ (${paramDifference(cb.params, cc.params)})`;
        if (!options.ignoreParams) {
          notes.push(`${what}, not compared`);
          continue;
        }
        notes.push(`${what}, compared anyway (--ignore-params)`);
      }
      rows.push(...compareCases(eb.runtime, eb.scenario, unitNoun(candidate, eb.scenario), cb, cc));
    }
  }
  return { rows, notes, onlyIn: only };
}

/**
 * Several baseline runs as one: for each (runtime, scenario, case), the repeats of every run are
 * pooled, i.e. each figure's per-repeat values are concatenated (oldest run first) and its Spread
 * recomputed, so the CI of a comparison reflects run-to-run noise as well as repeat-to-repeat. A
 * case whose parameters differ from the newest run's is left out of the pool. Metadata (host,
 * runtimes, scenarios) is the newest run's; `notes` says what was pooled. Throws a RangeError on
 * no runs.
 */
export function poolRuns(runs: readonly RunFile[]): RunFile {
  if (runs.length === 0) throw new RangeError('no runs to pool');
  const ordered = [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const newest = ordered[ordered.length - 1]!;
  if (ordered.length === 1) return newest;
  const notes = [`pooled from ${ordered.length} runs: ${ordered.map((r) => r.id).join(', ')}`];
  const entries: Entry[] = [];
  const reference = new Map<string, CaseAggregate>();
  for (const e of newest.entries)
    for (const c of e.cases) reference.set(`${e.runtime}\0${e.scenario}\0${c.case}`, c);
  for (const run of ordered) {
    for (const e of run.entries) {
      let pooled = entries.find((x) => x.runtime === e.runtime && x.scenario === e.scenario);
      if (!pooled) {
        pooled = { runtime: e.runtime, scenario: e.scenario, status: e.status, repeats: [], cases: [] };
        entries.push(pooled);
      }
      if (e.status !== 'ok') pooled.status = pooled.status === 'ok' ? e.status : pooled.status;
      pooled.repeats.push(...e.repeats);
      for (const c of e.cases) {
        const ref = reference.get(`${e.runtime}\0${e.scenario}\0${c.case}`) ?? c;
        if (!sameParams(ref.params, c.params)) {
          notes.push(`${run.id}: ${e.runtime} ${e.scenario} ${c.case} has other parameters, not pooled`);
          continue;
        }
        const into = pooled.cases.find((x) => x.case === c.case);
        if (!into) {
          pooled.cases.push({ ...c, figures: { ...c.figures } });
          continue;
        }
        for (const [name, spread] of Object.entries(c.figures) as [FigureName, Spread][]) {
          const prior = into.figures[name];
          into.figures[name] = spreadOf([...(prior?.values ?? []), ...spread.values]);
        }
      }
    }
  }
  return { ...newest, id: `pool of ${ordered.length} runs`, entries, notes: [...newest.notes, ...notes] };
}
