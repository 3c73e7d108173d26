/**
 * A run's flags (flags.ts) as the terminal summary, the Markdown export and the report list them:
 * one row per flag of a case, except busy-machine, which is about processes rather than cases and
 * so is one row per runtime x scenario; plus the one-line warning for a run measured on a busy
 * machine, and the mark shown beside a flagged figure (mitata's `!`).
 */
import { BUSY_OTHER_CORES, busyRepeats, machineLoadText, repeatList } from './flags.ts';
import type { CaseAggregate, Flag, RepeatRecord, RunFile } from './schema.ts';

/** The mark beside a flagged figure, as mitata marks a likely optimised-out result. */
export const FLAG_MARK = '!';

/** One line of a run's flag list. */
export interface FlagRow {
  runtime: string;
  scenario: string;
  /** The case id; null for busy-machine, which concerns every case of the entry. */
  case: string | null;
  label: string | null;
  kind: Flag['kind'];
  detail: string;
}

/** ` !` when the case has a flag, else ''; to append to its figure. */
export function flagMark(aggregate: Pick<CaseAggregate, 'flags'> | null | undefined): string {
  return (aggregate?.flags?.length ?? 0) > 0 ? ` ${FLAG_MARK}` : '';
}

/** ` !` when any of these flag lists is non-empty. */
export function flagsMark(flags: readonly (readonly Flag[] | undefined)[]): string {
  return flags.some((f) => (f?.length ?? 0) > 0) ? ` ${FLAG_MARK}` : '';
}

/** `node × timers` or `node × timers / sleep-gather`. */
export function flagRowWhere(row: FlagRow): string {
  return `${row.runtime} × ${row.scenario}${row.case ? ` / ${row.case}` : ''}`;
}

/** Every flag of a run, entries in the run's order (see the module comment). */
export function flagRows(run: RunFile): FlagRow[] {
  const rows: FlagRow[] = [];
  for (const e of run.entries) {
    for (const c of e.cases) {
      for (const f of c.flags ?? []) {
        if (f.kind === 'busy-machine') continue;
        rows.push({ runtime: e.runtime, scenario: e.scenario, case: c.case, label: c.label, ...pick(f) });
      }
    }
    // Failed repeats gave no figures, so how busy the machine was then is beside the point.
    const busy = busyRepeats(e.repeats.filter((r) => r.status === 'ok'));
    if (busy.length > 0) {
      rows.push({
        runtime: e.runtime,
        scenario: e.scenario,
        case: null,
        label: null,
        kind: 'busy-machine',
        detail: `other processes used ${busy.map((r) => `${machineLoadText(r.machine!)} in repeat #${r.index + 1}`).join('; ')}`,
      });
    }
  }
  return rows;
}

const pick = (f: Flag) => ({ kind: f.kind, detail: f.detail });

/**
 * `measured on a busy machine: …` when other processes used more than BUSY_OTHER_CORES during any
 * successful process of the run, naming how many and the worst; null otherwise (or where nothing was measured).
 */
export function busyMachineLine(run: RunFile): string | null {
  const all: { where: string; repeat: RepeatRecord }[] = [];
  for (const e of run.entries)
    for (const r of e.repeats)
      if (r.status === 'ok') all.push({ where: `${e.runtime} × ${e.scenario}`, repeat: r });
  const measured = all.filter((x) => x.repeat.machine?.otherCpuCores !== undefined);
  const busy = measured.filter((x) => busyRepeats([x.repeat]).length > 0);
  if (busy.length === 0) return null;
  const worst = busy.reduce((a, b) =>
    b.repeat.machine!.otherCpuCores! > a.repeat.machine!.otherCpuCores! ? b : a,
  );
  return (
    `measured on a busy machine: other processes used more than ${BUSY_OTHER_CORES} of a core ` +
    `during ${busy.length} of ${measured.length} processes; worst ${machineLoadText(worst.repeat.machine!)} ` +
    `(${worst.where} ${repeatList([worst.repeat.index])})`
  );
}
