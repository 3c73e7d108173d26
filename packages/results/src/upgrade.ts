/**
 * Reading results files of schemaVersion 1 (asyncbench before scenarios carried their meaning).
 * Version 2 added three things, all recoverable from what a version 1 file holds or has no
 * answer in it:
 * - CaseAggregate.unitMs (d): taken from the first repeat result of that case, which recorded it;
 * - ScenarioInfo.unit: unknown in version 1, so the neutral `unit`/`units`;
 * - ScenarioInfo.requires: unknown in version 1, so none.
 * The upgraded copy is then validated like any version 2 file, so a malformed version 1 file still
 * fails with its field named. The input is not modified.
 */
import { SCHEMA_VERSION } from './constants.ts';

/** The noun a version 1 file gets for its scenarios: it never said what a unit was. */
export const UNKNOWN_UNIT = { singular: 'unit', plural: 'units' } as const;

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** d of a case as a version 1 entry's repeats recorded it; null where no result says. */
function unitMsOf(entry: Loose, caseId: unknown): number | null {
  for (const repeat of list(entry.repeats)) {
    if (!isObject(repeat)) continue;
    for (const result of list(repeat.results)) {
      if (!isObject(result) || result.case !== caseId || !isObject(result.workload)) continue;
      const d = result.workload.unitMs;
      return typeof d === 'number' ? d : null;
    }
  }
  return null;
}

/** A version 2 copy of a version 1 run file (shape checks are left to validation). */
export function upgradeRunFile(data: object): unknown {
  const run = structuredClone(data) as Loose;
  run.schemaVersion = SCHEMA_VERSION;
  for (const scenario of list(run.scenarios)) {
    if (!isObject(scenario)) continue;
    scenario.unit ??= { ...UNKNOWN_UNIT };
    scenario.requires ??= [];
  }
  for (const entry of list(run.entries)) {
    if (!isObject(entry)) continue;
    for (const aggregate of list(entry.cases)) {
      if (isObject(aggregate) && !('unitMs' in aggregate)) aggregate.unitMs = unitMsOf(entry, aggregate.case);
    }
  }
  return run;
}
