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
  /** Status cell for tables: `ok, 3 repeats` (the case's own), `partial: …`, `failed: …`. */
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

/**
 * How many successful repeats measured one case of an entry. Auto-sampling adds rounds that repeat
 * only the cases still wide, so cases of one entry can have different counts; a repeat's results
 * hold only the cases that ran in it.
 */
export function caseRepeats(entry: Entry, caseId: string): number {
  return entry.repeats.filter((r) => r.status === 'ok' && r.results.some((x) => x.case === caseId)).length;
}

/** The most successful repeats any one case of the run had (0 without results). */
export function maxCaseRepeats(run: RunFile): number {
  let max = 0;
  for (const e of run.entries) for (const c of e.cases) max = Math.max(max, caseRepeats(e, c.case));
  return max;
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
  // The case's own count, not the entry's: a case that sampling did not repeat has fewer.
  const own = caseRepeats(entry, caseId);
  const text =
    entry.status === 'failed'
      ? `partial: ${ok} of ${total} repeats ok (${entryReason(entry)})`
      : `ok, ${own} repeat${own === 1 ? '' : 's'}`;
  return { entry, aggregate, missing: null, status: { text, value: null } };
}
