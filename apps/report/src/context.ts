/**
 * The one context object every part of the report reads: the runs, grouped by machine; which of
 * them the charts show; the series; the scenarios with their cases; the lookup of a series' figures;
 * and the parts themselves. Built once per report (buildContext), never changed afterwards.
 */
import {
  type Mode,
  type RunFile,
  runLabels,
  type ScenarioInfo,
  UNKNOWN_UNIT,
  type UnitNoun,
} from '@asyncbench/results';
import { type CaseInfo, collectCases, type Lookup, lookup } from './lookup.ts';
import { groupByMachine, type Machine, newestRunIndexes, shownRunIndexes } from './machines.ts';
import type { ReportPart } from './parts.ts';
import { buildSeries, type Series } from './series.ts';
import { formatParams, slug } from './text.ts';

/** One scenario as the parts see it. */
export interface ScenarioContext {
  id: string;
  /** Element id of its section, [a-z0-9-] only. */
  anchor: string;
  label: string;
  /**
   * The label up to its first colon (`Timers`), for tight places such as the overview's rows; the
   * whole label where another scenario's would read the same.
   */
  shortLabel: string;
  description: string;
  params: string;
  modes: Mode[];
  /** What one unit is, as the scenario declared it. */
  unit: UnitNoun;
  /** Every case the shown runs reported, first-seen order. */
  cases: CaseInfo[];
  /** Its workload cases, blocking -> sequential -> concurrent (a mode outside these is left out). */
  workload: CaseInfo[];
  micro: CaseInfo[];
  /** The series with an entry for this scenario: only they get a bar slot. */
  series: Series[];
}

export interface ReportContext {
  /** Every run given, in the order given. */
  runs: readonly RunFile[];
  /** A unique label per run (`2026-11-25 13:40 UTC · bench-host`), same order. */
  runLabels: string[];
  machines: Machine[];
  /** Indexes of the runs the bar charts show (machines.ts' shownRunIndexes). */
  shown: number[];
  /** Index of each machine's newest run: what the overview reads. */
  newest: number[];
  series: Series[];
  scenarios: ScenarioContext[];
  /** The parts that build the page, in page order (parts.ts' PARTS unless a caller gave others). */
  parts: readonly ReportPart[];
  /** What series `s` has for a case (lookup.ts), memoised. */
  lookup(s: Series, scenario: string, caseId: string): Lookup;
}

const MODE_ORDER: readonly Mode[] = ['blocking', 'sequential', 'concurrent'];

/** Scenario ids as the first run lists them, then any new ones in later runs. */
function scenarioIds(runs: readonly RunFile[]): string[] {
  const ids: string[] = [];
  for (const run of runs) {
    for (const s of run.scenarios) if (!ids.includes(s.id)) ids.push(s.id);
    for (const e of run.entries) if (!ids.includes(e.scenario)) ids.push(e.scenario);
  }
  return ids;
}

function scenarioContext(
  runs: readonly RunFile[],
  shown: readonly number[],
  series: readonly Series[],
  id: string,
  index: number,
): ScenarioContext {
  // The newest declaration wins: its parameters are the ones the newest figures ran with.
  const info: ScenarioInfo | undefined = [...runs]
    .reverse()
    .flatMap((r) => r.scenarios)
    .find((s) => s.id === id);
  const label = info?.label ?? id;
  const cases = collectCases(
    shown.map((i) => runs[i]!),
    id,
  );
  const workload = cases.filter((c) => c.kind === 'workload');
  return {
    id,
    anchor: `s${index}-${slug(id)}`,
    label,
    shortLabel: label.split(':')[0]!.trim() || label,
    description: info?.description ?? '',
    params: info ? formatParams(info.params) : '',
    modes: info?.modes ? [...info.modes] : [],
    unit: info?.unit ?? UNKNOWN_UNIT,
    cases,
    workload: MODE_ORDER.flatMap((m) => workload.filter((c) => c.mode === m)),
    micro: cases.filter((c) => c.kind === 'micro'),
    series: series.filter((s) =>
      runs[s.runIndex]!.entries.some((e) => e.runtime === s.runtime && e.scenario === id),
    ),
  };
}

/** Two scenarios whose labels start alike (`HTTP: …`) keep their whole labels as short ones. */
function uniqueShortLabels(scenarios: ScenarioContext[]): ScenarioContext[] {
  const shared = new Set(
    scenarios
      .filter((s) => scenarios.some((o) => o !== s && o.shortLabel === s.shortLabel))
      .map((s) => s.shortLabel),
  );
  for (const s of scenarios) if (shared.has(s.shortLabel)) s.shortLabel = s.label;
  return scenarios;
}

/** The context of a report of `runs` (see ReportContext). */
export function buildContext(runs: readonly RunFile[], parts: readonly ReportPart[]): ReportContext {
  const labels = runLabels(runs);
  const machines = groupByMachine(runs);
  const shown = shownRunIndexes(machines);
  const series = buildSeries(runs, machines, shown, labels);
  const memo = new Map<string, Lookup>();
  return {
    runs,
    runLabels: labels,
    machines,
    shown,
    newest: newestRunIndexes(machines),
    series,
    scenarios: uniqueShortLabels(
      scenarioIds(runs).map((id, i) => scenarioContext(runs, shown, series, id, i)),
    ),
    parts,
    lookup(s, scenario, caseId) {
      const key = `${s.runIndex}\u0000${s.runtime}\u0000${scenario}\u0000${caseId}`;
      let found = memo.get(key);
      if (!found) {
        found = lookup(runs, s, scenario, caseId);
        memo.set(key, found);
      }
      return found;
    },
  };
}
