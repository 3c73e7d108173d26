/**
 * Runtime against runtime within one run: the one source of "bun 2.10× [1.90–2.30×] faster than
 * deno" that the terminal summary, the Markdown export, the report and its headline print.
 *
 * Two readings:
 * - compareRuntimes: every case's main figure (throughput, ops/s), each runtime against a base.
 * - runtimeRatios: one figure per runtime × scenario, each runtime against the scenario's fastest.
 *   The figure is the one the summary table and the report's overview already show, so a reader
 *   can check a ratio against them by hand:
 *   - workload scenarios: the throughput of the best concurrent case (summarizeRun's pick, the
 *     case of the speedup), else the best case of any mode. "Best" is per runtime, so bun's gather
 *     may meet deno's task group: the question answered is "how fast can each runtime do this
 *     work concurrently, at its best". A geometric mean over all cases would mix in blocking and
 *     sequential cases whose rate is set by the clock (N × d), pulling every ratio towards 1.
 *   - micro scenarios: the geometric mean of the ops/s of the cases every compared runtime ran
 *     (the usual way to sum up benchmarks of different sizes, as SPEC does), so no single case
 *     dominates. Per repeat, the geometric mean of that repeat's cases.
 *
 * Statistics. The ratio printed is of medians over repeats (micro: of geometric means of medians),
 * as everywhere else in asyncbench. Its 95% CI is blocked where that is honest: the CLI interleaves
 * runtimes (repeat i of A then B then C), so when both runtimes have a value for exactly the same
 * repeat indexes, the CI is comparePaired's paired t-interval on per-repeat log ratios, which
 * removes drift shared by a pair. Otherwise (a failed repeat, different repeat counts, a pooled
 * run whose indexes repeat) it falls back to compareSpreads' Welch interval on logs. `method` says
 * which. Fewer than two values a side give 'insufficient data'.
 */
import { spreadOf } from './aggregate.ts';
import { type Comparison, compareSpreads, type Verdict } from './compare.ts';
import { FIGURE_META, figureOf, figureUnit, mainFigure } from './figures.ts';
import { formatRatio, formatRatioInterval } from './format.ts';
import { byRuntimeOrder, caseLabel, unitNoun } from './labels.ts';
import { comparePaired, type Pair } from './paired.ts';
import type { CaseAggregate, Entry, FigureName, RunFile, Spread } from './schema.ts';
import { bestByThroughput, speedupOf } from './speedup.ts';
import { bestCaseName } from './summary.ts';

/** How a runtime ratio's CI was formed: paired by repeat index, or Welch on the two samples. */
export type RatioMethod = 'paired' | 'welch';

/** One figure of one case, a runtime against the base runtime of the same run. */
export interface RuntimeComparison extends Comparison {
  scenario: string;
  case: string;
  label: string;
  figure: FigureName;
  baseRuntime: string;
  runtime: string;
  base: Spread;
  candidate: Spread;
  method: RatioMethod;
}

/** Per repeat index, a value; null when indexes repeat (a pooled run), so pairs cannot be formed. */
type ByRepeat = Map<number, number> | null;

/** Ok repeats with unique indexes, in index order; null when some index appears twice. */
function okRepeats(entry: Entry): Entry['repeats'] | null {
  const ok = entry.repeats.filter((r) => r.status === 'ok').sort((a, b) => a.index - b.index);
  return new Set(ok.map((r) => r.index)).size === ok.length ? ok : null;
}

/** A case's figure per repeat index (see ByRepeat). */
function caseByRepeat(entry: Entry, caseId: string, figure: FigureName): ByRepeat {
  const repeats = okRepeats(entry);
  if (!repeats) return null;
  const out = new Map<number, number>();
  for (const r of repeats) {
    const result = r.results.find((x) => x.case === caseId);
    const v = result ? figureOf(result, figure) : null;
    if (v !== null) out.set(r.index, v);
  }
  return out;
}

/**
 * The 95% CI and verdict of candidate / base: paired when both have values for exactly the same
 * repeat indexes (two or more), else Welch on the spreads. `ratio` is always of the given medians.
 */
function blockedComparison(
  base: { median: number; values: readonly number[]; byRepeat: ByRepeat },
  candidate: { median: number; values: readonly number[]; byRepeat: ByRepeat },
  higherIsBetter: boolean,
): Comparison & { method: RatioMethod; n: number; counts: [number, number] } {
  const ratio = base.median > 0 ? candidate.median / base.median : null;
  const b = base.byRepeat;
  const c = candidate.byRepeat;
  const aligned =
    b !== null && c !== null && b.size === c.size && b.size >= 2 && [...b.keys()].every((k) => c.has(k));
  if (aligned) {
    const pairs: Pair[] = [...b.keys()].map((k) => ({ base: b.get(k)!, candidate: c.get(k)! }));
    const { ciLow, ciHigh, verdict } = comparePaired(pairs, higherIsBetter);
    return {
      ratio,
      ciLow,
      ciHigh,
      verdict,
      method: 'paired',
      n: pairs.length,
      counts: [pairs.length, pairs.length],
    };
  }
  const n = Math.min(base.values.length, candidate.values.length);
  const counts: [number, number] = [candidate.values.length, base.values.length];
  if (base.values.length === 0 || candidate.values.length === 0)
    return { ratio, ciLow: null, ciHigh: null, verdict: 'insufficient data', method: 'welch', n, counts };
  const { ciLow, ciHigh, verdict } = compareSpreads(
    spreadOf(base.values),
    spreadOf(candidate.values),
    higherIsBetter,
  );
  return { ratio, ciLow, ciHigh, verdict, method: 'welch', n, counts };
}

/**
 * Within one run, each runtime's main figure of every case against `baseRuntime`'s (default: the
 * first runtime with results): candidate / base of the medians, with a 95% CI paired by repeat
 * where possible (see the module comment). "faster" means the runtime beat the base conclusively.
 */
export function compareRuntimes(run: RunFile, baseRuntime?: string): RuntimeComparison[] {
  const base = baseRuntime ?? run.entries.find((e) => e.cases.length > 0)?.runtime;
  if (base === undefined) return [];
  const rows: RuntimeComparison[] = [];
  for (const eb of run.entries) {
    if (eb.runtime !== base) continue;
    for (const ec of run.entries) {
      if (ec.scenario !== eb.scenario || ec.runtime === base) continue;
      for (const cb of eb.cases) {
        const cc = ec.cases.find((c) => c.case === cb.case);
        const figure = mainFigure(cb.kind);
        const b = cb.figures[figure];
        const c = cc?.figures[figure];
        if (!b || !c) continue;
        const {
          n: _n,
          counts: _counts,
          ...comparison
        } = blockedComparison(
          { ...b, byRepeat: caseByRepeat(eb, cb.case, figure) },
          { ...c, byRepeat: caseByRepeat(ec, cb.case, figure) },
          FIGURE_META[figure].higherIsBetter,
        );
        rows.push({
          scenario: eb.scenario,
          case: cb.case,
          label: caseLabel(cb),
          figure,
          baseRuntime: base,
          runtime: ec.runtime,
          base: b,
          candidate: c,
          ...comparison,
        });
      }
    }
  }
  return rows;
}

/** One runtime against the scenario's fastest: `runtime` / `against` of the scenario's figure. */
export interface RuntimeRatio extends Comparison {
  scenario: string;
  /** The scenario's label (`HTTP: raw request rate`). */
  label: string;
  /** The figure's unit with the scenario's noun: `requests/s`, `ops/s`. */
  unit: string;
  /** How the figure is formed: `best concurrent case`, `best case`, `geometric mean of 6 cases`. */
  basis: string;
  /** The scenario's fastest runtime (highest median figure). */
  runtime: string;
  /** The runtime it is compared with. */
  against: string;
  /** The two figures (medians; micro: geometric means of the cases' medians). */
  runtimeFigure: number;
  againstFigure: number;
  /** Workload: which case each side's figure comes from (`gather`, `tasks`); null for micro. */
  runtimeCase: string | null;
  againstCase: string | null;
  method: RatioMethod;
  /** Pairs (paired) or the smaller side's repeats (Welch). */
  n: number;
  /** Values on each side: [runtime, against] (equal when paired). */
  counts: [number, number];
}

/** One runtime's figure of a scenario (see the module comment). */
interface ScenarioFigure {
  runtime: string;
  median: number;
  /** Per repeat, in repeat order. */
  values: number[];
  byRepeat: ByRepeat;
  caseName: string | null;
}

const geometricMean = (values: readonly number[]): number =>
  Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);

/** Whether an entry takes part: it ran, and it is not measured with input events (no throughput story). */
const comparable = (e: Entry) =>
  e.status !== 'skipped' && e.cases.length > 0 && !e.cases.some((c) => c.figures.inputP99Ms !== undefined);

function workloadFigure(entry: Entry): ScenarioFigure | null {
  // summarizeRun's pick (its workload row's concurrent case), else the best case of any mode.
  const workload = entry.cases.filter((c) => c.kind === 'workload' && c.figures.throughput);
  const best =
    speedupOf(entry)?.concurrent ??
    bestByThroughput(workload.filter((c) => c.mode === 'concurrent')) ??
    bestByThroughput(workload);
  if (!best) return null;
  const c = best.aggregate;
  return {
    runtime: entry.runtime,
    median: best.throughput.median,
    values: [...best.throughput.values],
    byRepeat: caseByRepeat(entry, c.case, 'throughput'),
    caseName: bestCaseName(best),
  };
}

function microFigure(entry: Entry, caseIds: readonly string[]): ScenarioFigure | null {
  const spreads = caseIds.map((id) => entry.cases.find((c) => c.case === id)?.figures.opsPerSec);
  if (caseIds.length === 0 || spreads.some((s) => !s || !(s.median > 0))) return null;
  const present = spreads as Spread[];
  const repeats = okRepeats(entry);
  let byRepeat: ByRepeat = null;
  if (repeats) {
    byRepeat = new Map();
    for (const r of repeats) {
      const vs = caseIds.map((id) => {
        const result = r.results.find((x) => x.case === id);
        return result ? figureOf(result, 'opsPerSec') : null;
      });
      if (vs.every((v) => v !== null && v > 0)) byRepeat.set(r.index, geometricMean(vs as number[]));
    }
  }
  // Without repeat records (or with repeated indexes), per-repeat values from aligned spreads.
  const n = present[0]!.values.length;
  const aligned = present.every((s) => s.values.length === n && s.values.every((v) => v > 0));
  const values = byRepeat
    ? [...byRepeat.values()]
    : aligned
      ? Array.from({ length: n }, (_, i) => geometricMean(present.map((s) => s.values[i]!)))
      : [];
  return {
    runtime: entry.runtime,
    median: geometricMean(present.map((s) => s.median)),
    values,
    byRepeat,
    caseName: null,
  };
}

/**
 * Per scenario (run order) with results on two or more runtimes, every other runtime against the
 * fastest (see the module comment for the figure and the statistics). Runtimes in the order node,
 * deno, bun, then others. Scenarios on fewer than two runtimes, or measured with input events, are
 * left out.
 */
export function runtimeRatios(run: RunFile): RuntimeRatio[] {
  const out: RuntimeRatio[] = [];
  const ids = [...new Set(run.entries.map((e) => e.scenario))];
  for (const id of ids) {
    const entries = run.entries
      .filter((e) => e.scenario === id && comparable(e))
      .sort((a, b) => byRuntimeOrder(a.runtime, b.runtime));
    if (entries.length < 2) continue;
    const isWorkload = entries.some((e) => e.cases.some((c) => c.kind === 'workload'));
    let figures: ScenarioFigure[];
    let basis: string;
    if (isWorkload) {
      figures = entries.map((e) => workloadFigure(e)).filter((f): f is ScenarioFigure => f !== null);
      const concurrent = entries.every((e) => e.cases.some((c) => c.mode === 'concurrent'));
      basis = concurrent ? 'best concurrent case' : 'best case';
    } else {
      const caseSets = entries.map((e) => microCaseIds(e.cases));
      const common = caseSets[0]!.filter((id) => caseSets.every((s) => s.includes(id)));
      figures = entries.map((e) => microFigure(e, common)).filter((f): f is ScenarioFigure => f !== null);
      basis = common.length === 1 ? 'one case' : `geometric mean of ${common.length} cases`;
    }
    if (figures.length < 2) continue;
    const lead = figures.reduce((a, b) => (b.median > a.median ? b : a));
    const unit = figureUnit(isWorkload ? 'throughput' : 'opsPerSec', unitNoun(run, id));
    const label = run.scenarios.find((s) => s.id === id)?.label ?? id;
    for (const other of figures) {
      if (other === lead) continue;
      out.push({
        scenario: id,
        label,
        unit,
        basis,
        runtime: lead.runtime,
        against: other.runtime,
        runtimeFigure: lead.median,
        againstFigure: other.median,
        runtimeCase: lead.caseName,
        againstCase: other.caseName,
        ...blockedComparison(other, lead, true),
      });
    }
  }
  return out;
}

const microCaseIds = (cases: readonly CaseAggregate[]) =>
  cases.filter((c) => c.kind === 'micro' && c.figures.opsPerSec).map((c) => c.case);

/** Whether a runtime ratio is conclusive (the only kind a headline may quote). */
export function isConclusive(r: Pick<RuntimeRatio, 'verdict'>): boolean {
  const inconclusive: Verdict[] = ['no significant difference', 'insufficient data'];
  return !inconclusive.includes(r.verdict);
}

/**
 * A runtime ratio in words, without the scenario: `bun 2.10× [1.90–2.30×] faster than deno`;
 * `node and deno: no significant difference (1.04× [0.91–1.19×])`; `node and deno: insufficient
 * data (1.30×)`. A CI wholly below 1 (possible when medians and geometric means disagree) is told
 * the other way round, so the sentence never says "0.9× faster".
 */
export function runtimeRatioText(r: RuntimeRatio): string {
  const interval = `[${formatRatioInterval(r.ciLow, r.ciHigh)}]`;
  if (r.verdict === 'faster')
    return `${r.runtime} ${formatRatio(r.ratio)} ${interval} faster than ${r.against}`;
  if (r.verdict === 'slower' && r.ratio && r.ciLow && r.ciHigh) {
    const flipped = `[${formatRatioInterval(1 / r.ciHigh, 1 / r.ciLow)}]`;
    return `${r.against} ${formatRatio(1 / r.ratio)} ${flipped} faster than ${r.runtime}`;
  }
  if (r.verdict === 'no significant difference')
    return `${r.runtime} and ${r.against}: no significant difference (${formatRatio(r.ratio)} ${interval})`;
  return `${r.runtime} and ${r.against}: insufficient data (${formatRatio(r.ratio)}, ${r.n} repeat${r.n === 1 ? '' : 's'})`;
}

/**
 * The same with its scenario and figure: `bun 2.10× [1.90–2.30×] faster than deno at HTTP: raw
 * request rate (requests/s, best concurrent case)`.
 */
export function runtimeRatioSentence(r: RuntimeRatio): string {
  return `${runtimeRatioText(r)} at ${r.label} (${r.unit}, ${r.basis})`;
}

/**
 * How a ratio's interval was formed, in a few words: `paired, 3 repeats`, `Welch, 3 repeats`,
 * `Welch, 5 and 3 repeats` (runtime, against: auto-sampling repeats what is still wide, so sides
 * differ); `—` when there is no interval.
 */
export function ratioMethodText(
  r: Pick<RuntimeRatio, 'method' | 'n' | 'ciLow'> & { counts?: [number, number] },
): string {
  if (r.ciLow === null) return '—';
  if (r.method === 'paired') return `paired, ${r.n} repeat${r.n === 1 ? '' : 's'}`;
  const [a, b] = r.counts ?? [r.n, r.n];
  return a === b ? `Welch, ${a} repeat${a === 1 ? '' : 's'}` : `Welch, ${a} and ${b} repeats`;
}

/** What the "Runtimes compared." block says after its title, in the terminal and the Markdown export. */
export const RUNTIME_RATIOS_NOTE =
  'Per scenario, each runtime against the fastest: ratio of medians with its 95% CI ' +
  '(paired by repeat where both ran every repeat, else Welch).';

/** A runtime ratio as printed in a row, the same strings in the terminal and the Markdown export. */
export interface RuntimeRatioCells {
  scenario: string;
  /** `requests/s, best concurrent case`. */
  figure: string;
  /** runtimeRatioText: `bun 2.10× [1.90–2.30×] faster than deno`. */
  comparison: string;
  /** ratioMethodText: `paired, 3 repeats`. */
  method: string;
}

/** The printed cells of a runtime ratio (see RuntimeRatioCells). */
export function runtimeRatioCells(r: RuntimeRatio): RuntimeRatioCells {
  return {
    scenario: r.scenario,
    figure: `${r.unit}, ${r.basis}`,
    comparison: runtimeRatioText(r),
    method: ratioMethodText(r),
  };
}
