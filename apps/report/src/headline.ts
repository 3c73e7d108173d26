/**
 * The plain-language reading at the top of the report: what concurrency bought on each runtime (the
 * results package's speedup), the request rates measured, the runtime comparisons that are
 * conclusive at 95% (results' runtimeRatios; never an inconclusive one), and the caveats a reader needs
 * before quoting any of it. Scenario meaning (unit noun, d) comes from the run file, never from ids.
 * Plain text only; html.ts escapes it.
 */
import {
  byRuntimeOrder,
  caseLabel,
  type Entry,
  formatCount,
  formatNumber,
  formatPercent,
  formatRatio,
  formatRatioInterval,
  isConclusive,
  type RunFile,
  runtimeLabel,
  runtimeRatioSentence,
  type Speedup,
  speedupOf,
  unitNoun,
} from '@asyncbench/results';
import { ratiosFor } from './sections/runtime-ratios.ts';
import type { ComparisonCounts, ReportModel } from './view.ts';

export interface Headline {
  /** One paragraph. */
  text: string;
  /** Separate warnings (shown as a note). */
  caveats: string[];
}

/** Concurrency's gain on one runtime (the results package's one definition of speedup). */
export interface RuntimeSpeedup {
  runtime: string;
  /** `node 20.20.2`. */
  label: string;
  speedup: Speedup;
}

const throughput = (c: { figures: { throughput?: { median: number } } }): number | null =>
  c.figures.throughput?.median ?? null;

function usable(entry: Entry): boolean {
  return entry.status !== 'skipped' && entry.cases.length > 0;
}

/**
 * Whether a scenario's units are requests (its declared unit noun): on a small machine their
 * figures say as much about the load generator sharing the CPU with its own server as about the
 * runtime.
 */
function isRequests(run: RunFile, scenario: string): boolean {
  return unitNoun(run, scenario).singular === 'request';
}

/** The speedup of each runtime's entry of a scenario, in the run's order. */
export function scenarioSpeedups(run: RunFile, scenario: string): RuntimeSpeedup[] {
  const out: RuntimeSpeedup[] = [];
  for (const entry of run.entries) {
    if (entry.scenario !== scenario || !usable(entry)) continue;
    const speedup = speedupOf(entry);
    if (speedup) out.push({ runtime: entry.runtime, label: runtimeLabel(run, entry.runtime), speedup });
  }
  return out;
}

/**
 * The scenario that best shows the idea: the first (in the run's order) whose speedup can be
 * computed on the most runtimes, preferring one with a known ideal (timers) and not one of
 * requests, whose figures on a small machine say more about the load generator than the runtime.
 */
function headlineScenario(run: RunFile): { id: string; speedups: RuntimeSpeedup[] } | null {
  let best: { id: string; speedups: RuntimeSpeedup[]; score: number } | null = null;
  const ids = [...new Set([...run.scenarios.map((s) => s.id), ...run.entries.map((e) => e.scenario)])];
  for (const id of ids) {
    const speedups = scenarioSpeedups(run, id);
    if (speedups.length === 0) continue;
    const known = speedups.some((s) => s.speedup.concurrent.aggregate.figures.efficiency) ? 10 : 0;
    const score = speedups.length * 100 + known - (isRequests(run, id) ? 50 : 0);
    if (!best || score > best.score) best = { id, speedups, score };
  }
  return best;
}

const efficiencyOf = (s: RuntimeSpeedup): number | null =>
  s.speedup.concurrent.aggregate.figures.efficiency?.median ?? null;

function speedupSentence(run: RunFile, id: string, speedups: RuntimeSpeedup[]): string {
  // Runtime order (node, deno, bun), not ranking: the paragraph reads the same from run to run.
  const sorted = [...speedups].sort((a, b) => byRuntimeOrder(a.runtime, b.runtime));
  const lead = sorted[0]!;
  const c = lead.speedup.concurrent.aggregate;
  const units = c.units !== null ? `${formatCount(c.units)} ` : '';
  const leadEff = efficiencyOf(lead);
  const eff = leadEff !== null ? ` (efficiency ${formatPercent(leadEff)} of the physical limit)` : '';
  // A speedup whose interval holds 1 is not called faster (the trial read "1.08× faster" over an
  // interval of 0.95–1.23×); its ratio is given with the interval instead.
  const sp = lead.speedup;
  const judged = sp.ciLow !== null && sp.ciHigh !== null;
  const verdict =
    sp.verdict === 'faster'
      ? `${formatRatio(sp.ratio)} faster than`
      : sp.verdict === 'slower'
        ? `slower (${formatRatio(sp.ratio)} the rate) than`
        : `not clearly faster (${formatRatio(sp.ratio)}${judged ? `, 95% CI ${formatRatioInterval(sp.ciLow, sp.ciHigh)}` : ''}) than`;
  let text =
    `On ${lead.label}, running ${units}${unitNoun(run, id).plural} concurrently (${caseLabel(c)}) was ` +
    `${verdict} running them one at a time (${sp.sync.aggregate.mode})${eff}.`;
  const others = sorted.slice(1).map((s) => {
    const e = efficiencyOf(s);
    const unclear =
      s.speedup.verdict === 'faster'
        ? ''
        : s.speedup.ciLow === null
          ? ' (no interval)'
          : ' (not significant)';
    return `${s.label} ${formatRatio(s.speedup.ratio)}${unclear}${e !== null ? `, ${formatPercent(e)} of the limit` : ''}`;
  });
  if (others.length > 0) text += ` The same comparison gave ${others.join('; ')}.`;
  return text;
}

export interface RequestRate {
  runtime: string;
  label: string;
  rate: number;
  caseLabel: string;
}

/**
 * Per runtime, the best request rate over the cases of scenarios whose unit is a request, fastest
 * first. "Raw" rate means no server delay (no known unit duration d); when a run has such cases
 * only they count, since a delayed server measures the wait more than the runtime.
 */
export function requestRates(run: RunFile): { raw: boolean; rates: RequestRate[] } {
  const entries = run.entries.filter((e) => isRequests(run, e.scenario) && usable(e));
  const raw = entries.some((e) => e.cases.some((c) => c.unitMs === null && throughput(c) !== null));
  const best = new Map<string, RequestRate>();
  for (const entry of entries) {
    for (const c of entry.cases) {
      const rate = throughput(c);
      if (rate === null || (raw && c.unitMs !== null)) continue;
      const prev = best.get(entry.runtime);
      if (!prev || rate > prev.rate) {
        best.set(entry.runtime, {
          runtime: entry.runtime,
          label: runtimeLabel(run, entry.runtime),
          rate,
          caseLabel: c.label,
        });
      }
    }
  }
  return { raw, rates: [...best.values()].sort((a, b) => b.rate - a.rate) };
}

/**
 * The request rates as measured, without ranking them: whether one runtime beat another is said
 * only by ratiosSentence, and only where its 95% CI says so.
 */
function requestSentence(run: RunFile): string | null {
  const { raw, rates } = requestRates(run);
  if (rates.length === 0) return null;
  const [top, ...rest] = rates as [RequestRate, ...RequestRate[]];
  const tail =
    rest.length > 0 ? `; ${rest.map((r) => `${r.label} ${formatNumber(r.rate)}/s`).join(', ')}` : '';
  const what = raw ? 'raw request rate' : 'request rate (only cases with a server delay ran)';
  const lead = rest.length > 0 ? 'the highest was' : 'only';
  return `On ${what}, ${lead} ${top.label} at ${formatNumber(top.rate)} requests/s (${top.caseLabel})${tail}.`;
}

/** At most this many runtime ratios in the headline; the Runtimes compared section has them all. */
const MAX_QUOTED_RATIOS = 4;

/**
 * Runtime against runtime, quoting only conclusive ratios (95% CI clear of 1), largest lower bound
 * first; null when the run compares no runtimes.
 */
export function ratiosSentence(run: RunFile): string | null {
  const all = ratiosFor(run);
  if (all.length === 0) return null;
  const conclusive = all.filter(isConclusive).sort((a, b) => (b.ciLow ?? 0) - (a.ciLow ?? 0));
  if (conclusive.length === 0)
    return `No difference between runtimes was conclusive at 95% confidence (${all.length} compared; see Runtimes compared).`;
  const quoted = conclusive.slice(0, MAX_QUOTED_RATIOS).map(runtimeRatioSentence);
  const more = conclusive.length - quoted.length;
  const rest = all.length - conclusive.length;
  const notes = [
    more > 0 ? `${more} more conclusive` : '',
    rest > 0 ? `${rest} without a significant difference` : '',
  ].filter(Boolean);
  return `Between runtimes (95% CI): ${quoted.join('; ')}${notes.length > 0 ? ` (${notes.join(', ')}: see Runtimes compared)` : ''}.`;
}

/**
 * What changed against the first run: better / worse / no clear change, the figures that could not
 * be judged (too few repeats, not "no change") and the entries only one run has; null when nothing
 * was compared or left out.
 */
export function comparisonSentence(counts: ComparisonCounts): string | null {
  const out: string[] = [];
  const n = counts.better + counts.worse + counts.same + counts.insufficient;
  if (n > 0) {
    const judged = [
      `${counts.better} of ${n} headline figures got better`,
      `${counts.worse} got worse`,
      `${counts.same} showed no clear change (95% confidence)`,
    ];
    if (counts.insufficient > 0) judged.push(`${counts.insufficient} could not be judged: too few repeats`);
    const last = judged.pop()!;
    out.push(`Against the first run, ${judged.join(', ')}${judged.length > 2 ? ',' : ''} and ${last}.`);
  }
  if (counts.onlyIn.length > 0) out.push(`Not compared: ${counts.onlyIn.join('; ')}.`);
  return out.length > 0 ? out.join(' ') : null;
}

function problemsSentence(run: RunFile): string | null {
  const failed = run.entries.filter((e) => e.status === 'failed').length;
  const skipped = run.entries.filter((e) => e.status === 'skipped').length;
  if (failed === 0 && skipped === 0) return null;
  const parts = [];
  if (failed > 0) parts.push(`${failed} runtime × scenario entr${failed === 1 ? 'y' : 'ies'} failed`);
  if (skipped > 0) parts.push(`${skipped} ${skipped === 1 ? 'was' : 'were'} skipped`);
  return `${parts.join(' and ')}; each is marked, with its reason, in its section.`.replace(/^./, (c) =>
    c.toUpperCase(),
  );
}

/** The summary of the newest (last) run; with two runs, also what changed between them. */
export function buildHeadline(runs: readonly RunFile[], model: ReportModel): Headline {
  const caveats: string[] = [];
  const run = runs[runs.length - 1];
  if (!run) return { text: 'No results to report.', caveats };
  const sentences: string[] = [];
  if (runs.length > 1) {
    const hosts = new Set(runs.map((r) => r.host.hostname)).size;
    const on = hosts > 1 ? ` on ${hosts} hosts` : '';
    sentences.push(
      `Figures below are from ${runs.length} runs${on}; this summary reads the last one (${model.runLabels[runs.length - 1]}).`,
    );
  }
  const scenario = headlineScenario(run);
  if (scenario) sentences.push(speedupSentence(run, scenario.id, scenario.speedups));
  const requests = requestSentence(run);
  if (requests) sentences.push(requests);
  const ratios = ratiosSentence(run);
  if (ratios) sentences.push(ratios);
  const comparison = model.comparisonCounts ? comparisonSentence(model.comparisonCounts) : null;
  if (comparison) sentences.push(comparison);
  const problems = problemsSentence(run);
  if (problems) sentences.push(problems);
  if (sentences.length === 0 || (!scenario && !requests)) {
    sentences.push('No workload scenario produced both sequential and concurrent figures to compare.');
  }
  for (const r of runs) {
    const ranRequests = r.entries.some((e) => isRequests(r, e.scenario) && usable(e));
    if (ranRequests && r.host.cpuCount <= 2) {
      const which = runs.length > 1 ? ` in the run of ${r.startedAt.slice(0, 10)} on ${r.host.hostname}` : '';
      caveats.push(
        `This machine has only ${r.host.cpuCount} CPU core${r.host.cpuCount === 1 ? '' : 's'}${which}: during the request scenarios the load generator competes with its own server for CPU, so the request rates are a lower bound and compare runtimes only roughly.`,
      );
    }
    if (r.status !== 'complete') {
      caveats.push(`The run of ${r.startedAt} is marked "${r.status}": some scenarios may be missing.`);
    }
  }
  return { text: sentences.join(' '), caveats };
}
