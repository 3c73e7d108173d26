/**
 * Lookups: the cases a scenario has, and what one series has for one case — its aggregate over
 * repeats, or why there is none (failed, skipped, not run), so no part ever draws a gap as a zero.
 */
import type { CaseAggregate, Entry, Mode, RunFile } from '@asyncbench/results';
import type { Series } from './series.ts';
import type { Cell } from './view.ts';

/** A case as every run of a scenario reported it (descriptive fields of its first sighting). */
export interface CaseInfo {
  id: string;
  label: string;
  kind: 'micro' | 'workload';
  mode: Mode | null;
  variant: string;
  unitMs: number | null;
  idealMs: number | null;
  units: number | null;
  concurrency: number | null;
}

/** What one series has for one case: its aggregate, or why there is none. */
export interface Lookup {
  entry: Entry | undefined;
  aggregate: CaseAggregate | null;
  /** Short word for charts: failed / skipped / not run / no result. */
  missing: string | null;
  /** Status cell for tables: `ok, 3 repeats`, `partial: …`, `failed: …`. */
  status: Cell;
}

export function findEntry(run: RunFile, runtime: string, scenario: string): Entry | undefined {
  return run.entries.find((e) => e.runtime === runtime && e.scenario === scenario);
}

/** Every case the given runs reported for a scenario, in first-seen order. */
export function collectCases(runs: readonly RunFile[], scenario: string): CaseInfo[] {
  const cases = new Map<string, CaseInfo>();
  for (const run of runs) {
    for (const entry of run.entries) {
      if (entry.scenario !== scenario) continue;
      for (const c of entry.cases) {
        if (cases.has(c.case)) continue;
        cases.set(c.case, {
          id: c.case,
          label: c.label,
          kind: c.kind,
          mode: c.mode,
          variant: c.variant,
          unitMs: c.unitMs,
          idealMs: c.idealMs,
          units: c.units,
          concurrency: c.concurrency,
        });
      }
    }
  }
  return [...cases.values()];
}

export function repeatSummary(entry: Entry): { ok: number; total: number } {
  return { ok: entry.repeats.filter((r) => r.status === 'ok').length, total: entry.repeats.length };
}

/** The reason an entry failed: its own, else the first failed repeat's. */
export function entryReason(entry: Entry): string {
  if (entry.reason) return entry.reason;
  return entry.repeats.find((r) => r.status === 'failed')?.reason ?? 'no reason recorded';
}

const missingCell = (text: string): Cell => ({ text, value: null, tone: 'missing' });

/** What series `s` has for a case of a scenario (see Lookup). */
export function lookup(runs: readonly RunFile[], s: Series, scenario: string, caseId: string): Lookup {
  const run = runs[s.runIndex]!;
  const entry = findEntry(run, s.runtime, scenario);
  if (!entry) {
    const absent = run.runtimes.find((r) => r.name === s.runtime)?.status === 'missing';
    const status = missingCell(absent ? 'not run: runtime missing' : 'not run');
    return { entry, aggregate: null, missing: 'not run', status };
  }
  if (entry.status === 'skipped') {
    const status = missingCell(`skipped: ${entry.reason ?? 'no reason recorded'}`);
    return { entry, aggregate: null, missing: 'skipped', status };
  }
  const aggregate = entry.cases.find((c) => c.case === caseId) ?? null;
  const { ok, total } = repeatSummary(entry);
  if (!aggregate) {
    const failed = entry.status === 'failed';
    const status = missingCell(failed ? `failed: ${entryReason(entry)}` : 'no result for this case');
    return { entry, aggregate: null, missing: failed ? 'failed' : 'no result', status };
  }
  const text =
    entry.status === 'failed'
      ? `partial: ${ok} of ${total} repeats ok (${entryReason(entry)})`
      : `ok, ${ok} repeat${ok === 1 ? '' : 's'}`;
  return { entry, aggregate, missing: null, status: { text, value: null } };
}
