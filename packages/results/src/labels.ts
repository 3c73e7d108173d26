/**
 * How runs, runtimes, cases and scenario units are named wherever results are shown, and the order
 * runtimes are listed in.
 */
import { formatDate } from './format.ts';
import type { CaseAggregate, RunFile, UnitNoun } from './schema.ts';
import { UNKNOWN_UNIT } from './upgrade.ts';

/** How a run is named wherever several are shown: its date and host. */
export function runLabel(run: RunFile): string {
  return `${formatDate(run.startedAt)} · ${run.host.hostname}`;
}

/** Run labels made unique (two runs started the same minute on one host get #2, #3). */
export function runLabels(runs: readonly RunFile[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const base = runLabel(run);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

/** The exact version a run recorded for a runtime, or null when it was missing. */
export function runtimeVersion(run: RunFile, runtime: string): string | null {
  return run.runtimes.find((r) => r.name === runtime)?.version ?? null;
}

/** `node 20.20.2`, or just `node` when the version is unknown. */
export function runtimeLabel(run: RunFile, runtime: string): string {
  const version = runtimeVersion(run, runtime);
  return version ? `${runtime} ${version}` : runtime;
}

const RUNTIME_ORDER = ['node', 'deno', 'bun'];

/** Sort comparator: node, deno, bun first (the order the design names them), then others alphabetically. */
export function byRuntimeOrder(a: string, b: string): number {
  const ia = RUNTIME_ORDER.indexOf(a);
  const ib = RUNTIME_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  return a.localeCompare(b);
}

/** A case for readers: its label, with the variant added when the label does not already say it. */
export function caseLabel(c: Pick<CaseAggregate, 'label' | 'variant'>): string {
  return c.variant && !c.label.toLowerCase().includes(c.variant.toLowerCase())
    ? `${c.label} (${c.variant})`
    : c.label;
}

/** What one unit of a scenario is, as the scenario declared it (`request`/`requests`). */
export function unitNoun(run: RunFile, scenario: string): UnitNoun {
  return run.scenarios.find((s) => s.id === scenario)?.unit ?? UNKNOWN_UNIT;
}
