/**
 * The plain-language reading at the top of the report: what concurrency bought on each runtime, who
 * was fastest on raw HTTP request rate, and the caveats a reader needs before quoting any of it.
 * Plain text only; html.ts escapes it.
 */
import type { CaseAggregate, Entry, RunFile } from '@asyncbench/harness';
import { compareRuntimes, formatNumber, formatPercent, formatRatio, runtimeLabel } from './format.ts';
import type { ReportModel } from './model.ts';

export interface Headline {
  /** One paragraph. */
  text: string;
  /** Separate warnings (shown as a note). */
  caveats: string[];
}

/** Concurrency's gain on one runtime: best concurrent case versus the sequential case. */
export interface Speedup {
  runtime: string;
  label: string;
  speedup: number;
  efficiency: number | null;
  concurrent: CaseAggregate;
  sequential: CaseAggregate;
}

const throughput = (c: CaseAggregate): number | null => c.figures.throughput?.median ?? null;

function usable(entry: Entry): boolean {
  return entry.status !== 'skipped' && entry.cases.length > 0;
}

/** d, the unit's duration, recovered from the ideal time (null where unknown, e.g. no server delay). */
function unitKey(c: CaseAggregate): string {
  if (c.idealMs === null || c.units === null) return 'unknown';
  const waves = c.mode === 'concurrent' ? Math.ceil(c.units / (c.concurrency ?? c.units)) : c.units;
  return waves > 0 ? (c.idealMs / waves).toPrecision(6) : 'unknown';
}

/**
 * Concurrent versus sequential within one entry, pairing only cases whose units are alike (same
 * d: a 10 ms server delay is not compared with none); the pair with the largest gain wins.
 */
export function speedupOf(run: RunFile, entry: Entry): Speedup | null {
  if (!usable(entry)) return null;
  let best: Speedup | null = null;
  for (const concurrent of entry.cases) {
    const rate = throughput(concurrent);
    if (concurrent.mode !== 'concurrent' || rate === null) continue;
    const sequential = entry.cases.find(
      (c) => c.mode === 'sequential' && (throughput(c) ?? 0) > 0 && unitKey(c) === unitKey(concurrent),
    );
    if (!sequential) continue;
    const speedup = rate / throughput(sequential)!;
    if (best && best.speedup >= speedup) continue;
    best = {
      runtime: entry.runtime,
      label: runtimeLabel(run, entry.runtime),
      speedup,
      efficiency: concurrent.figures.efficiency?.median ?? null,
      concurrent,
      sequential,
    };
  }
  return best;
}

const isHttp = (scenarioId: string): boolean => /http/i.test(scenarioId);

/**
 * The scenario that best shows the idea: the first (in the run's order) whose concurrent-vs-sequential
 * speedup can be computed on the most runtimes, preferring one with a known ideal (timers) and not HTTP,
 * whose figures on a small machine say more about the load generator than about the runtime.
 */
function headlineScenario(run: RunFile): { id: string; speedups: Speedup[] } | null {
  let best: { id: string; speedups: Speedup[]; score: number } | null = null;
  const ids = [...new Set([...run.scenarios.map((s) => s.id), ...run.entries.map((e) => e.scenario)])];
  for (const id of ids) {
    const speedups = run.entries
      .filter((e) => e.scenario === id)
      .map((e) => speedupOf(run, e))
      .filter((s): s is Speedup => s !== null);
    if (speedups.length === 0) continue;
    const known = speedups.some((s) => s.efficiency !== null) ? 10 : 0;
    const score = speedups.length * 100 + known - (isHttp(id) ? 50 : 0);
    if (!best || score > best.score) best = { id, speedups, score };
  }
  return best;
}

/** What one unit of a scenario is, in words; scenarios the catalogue does not list get "units". */
const UNIT_NOUNS: Record<string, string> = {
  timers: 'timer waits',
  http: 'HTTP requests',
  files: 'file reads',
  db: 'SQLite queries',
  'db-pg': 'PostgreSQL queries',
  queue: 'queue items',
};

export function unitNoun(scenarioId: string): string {
  return UNIT_NOUNS[scenarioId] ?? 'units';
}

function speedupSentence(id: string, speedups: Speedup[]): string {
  // Runtime order (node, deno, bun), not ranking: the paragraph reads the same from run to run.
  const sorted = [...speedups].sort((a, b) => compareRuntimes(a.runtime, b.runtime));
  const lead = sorted[0]!;
  const c = lead.concurrent;
  const units = c.units !== null ? `${formatNumber(c.units)} ` : '';
  const eff =
    lead.efficiency !== null ? ` (efficiency ${formatPercent(lead.efficiency)} of the physical limit)` : '';
  let text =
    `On ${lead.label}, running ${units}${unitNoun(id)} concurrently (${c.label}) was ` +
    `${formatRatio(lead.speedup)} faster than awaiting them one by one${eff}.`;
  const others = sorted.slice(1).map((s) => {
    const e = s.efficiency !== null ? `, ${formatPercent(s.efficiency)} of the limit` : '';
    return `${s.label} ${formatRatio(s.speedup)}${e}`;
  });
  if (others.length > 0) text += ` The same comparison gave ${others.join('; ')}.`;
  return text;
}

export interface HttpRate {
  runtime: string;
  label: string;
  rate: number;
  caseLabel: string;
}

/**
 * Per runtime, the best request rate over the HTTP scenarios' cases, fastest first. "Raw" rate
 * means no server delay (no known unit duration, so idealMs is null); when a run has such cases
 * only they count, since a delayed server measures the wait more than the runtime.
 */
export function httpRates(run: RunFile): { raw: boolean; rates: HttpRate[] } {
  const entries = run.entries.filter((e) => isHttp(e.scenario) && usable(e));
  const raw = entries.some((e) => e.cases.some((c) => c.idealMs === null && throughput(c) !== null));
  const best = new Map<string, HttpRate>();
  for (const entry of entries) {
    for (const c of entry.cases) {
      const rate = throughput(c);
      if (rate === null || (raw && c.idealMs !== null)) continue;
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

/** Requests per second in prose: whole numbers from 100 up. */
const formatRate = (rate: number): string =>
  rate >= 100 ? Math.round(rate).toLocaleString('en-US') : formatNumber(rate);

function httpSentence(run: RunFile): string | null {
  const { raw, rates } = httpRates(run);
  if (rates.length === 0) return null;
  const [top, ...rest] = rates as [HttpRate, ...HttpRate[]];
  const tail =
    rest.length > 0
      ? `, ahead of ${rest.map((r) => `${r.label} (${formatRate(r.rate)}/s, ${formatRatio(top.rate / r.rate)} slower)`).join(' and ')}`
      : '';
  const lead = rest.length > 0 ? `${top.label} was fastest` : `only ${top.label} measured it`;
  const what = raw ? 'raw HTTP request rate' : 'HTTP request rate (only cases with a server delay ran)';
  return `On ${what}, ${lead} at ${formatRate(top.rate)} requests/s (${top.caseLabel})${tail}.`;
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
  if (runs.length > 1)
    sentences.push(
      `Figures below are from ${runs.length} runs; this summary reads the last one (${model.runLabels[runs.length - 1]}).`,
    );
  const scenario = headlineScenario(run);
  if (scenario) sentences.push(speedupSentence(scenario.id, scenario.speedups));
  const http = httpSentence(run);
  if (http) sentences.push(http);
  if (runs.length === 2) {
    const totals = { better: 0, worse: 0, same: 0 };
    for (const s of model.scenarios) {
      if (!s.comparison) continue;
      totals.better += s.comparison.counts.better;
      totals.worse += s.comparison.counts.worse;
      totals.same += s.comparison.counts.same;
    }
    const n = totals.better + totals.worse + totals.same;
    if (n > 0) {
      sentences.push(
        `Against the first run, ${totals.better} of ${n} headline figures got better, ${totals.worse} got worse and ${totals.same} showed no clear change (95% confidence).`,
      );
    }
  }
  const problems = problemsSentence(run);
  if (problems) sentences.push(problems);
  if (sentences.length === 0 || (!scenario && !http)) {
    sentences.push('No workload scenario produced both sequential and concurrent figures to compare.');
  }
  for (const r of runs) {
    const ranHttp = r.entries.some((e) => isHttp(e.scenario) && usable(e));
    if (ranHttp && r.host.cpuCount <= 2) {
      const which = runs.length > 1 ? ` in the run of ${r.startedAt.slice(0, 10)} on ${r.host.hostname}` : '';
      caveats.push(
        `This machine has only ${r.host.cpuCount} CPU core${r.host.cpuCount === 1 ? '' : 's'}${which}: during the HTTP scenarios the load generator competes with its own server for CPU, so the request rates are a lower bound and compare runtimes only roughly.`,
      );
    }
    if (r.status !== 'complete') {
      caveats.push(`The run of ${r.startedAt} is marked "${r.status}": some scenarios may be missing.`);
    }
  }
  return { text: sentences.join(' '), caveats };
}
