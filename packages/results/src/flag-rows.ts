/**
 * A run's flags (flags.ts) as the terminal summary, the Markdown export and the report list them:
 * one row per flag of a case, except busy-machine, which is about processes rather than cases.
 * A machine busy during most of the run (busyMachine) is said once, as the run's warning line, and
 * marks no figure (nearly every figure would carry it, which tells nothing); one busy only now and
 * then gets a short row per runtime x scenario and marks the figures measured then. Plus the mark shown beside
 * a flagged figure (mitata's `!`) and the short form of the list the terminal prints.
 */
import { FLAG_KINDS } from './constants.ts';
import { BUSY_OTHER_CORES, busyRepeats, repeatList } from './flags.ts';
import { formatNumber, formatPercent } from './format.ts';
import type { CaseAggregate, Flag, MachineLoad, RepeatRecord, RunFile } from './schema.ts';

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

/** How busy the machine was over a run's successful processes whose load was measured (Linux). */
export interface BusyMachine {
  /** Processes during which other processes used more than BUSY_OTHER_CORES. */
  busy: number;
  /** Processes with a measurement (otherCpuCores). */
  measured: number;
  /** Successful processes, measured or not (a measurement needs Linux). */
  processes: number;
  /**
   * Busy during most of the run: more than half the measured processes, which were most of the
   * successful ones. Said once for the run and marks no figure: a `!` on nearly every figure
   * (a trial run: busy during 36 of 43 processes) would drown the flags about the figures.
   */
  throughout: boolean;
  /** Other processes' use over the busy processes, [lowest, highest], in cores and machine shares. */
  cores: [number, number];
  share: [number, number] | null;
  /** 1-minute load average over the busy processes (before and after each), [lowest, highest]. */
  load: [number, number];
}

const okRepeats = (run: RunFile): RepeatRecord[] =>
  run.entries.flatMap((e) => e.repeats.filter((r) => r.status === 'ok'));

const range = (xs: readonly number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

/**
 * How busy the machine was over the run (see BusyMachine); null when no measured process was busy.
 * Failed processes gave no figures, so how busy the machine was then is beside the point.
 */
export function busyMachine(run: RunFile): BusyMachine | null {
  const ok = okRepeats(run);
  const measured = ok.filter((r) => r.machine?.otherCpuCores !== undefined);
  const busy = busyRepeats(measured);
  if (busy.length === 0) return null;
  const loads = busy.map((r) => r.machine!);
  const shares = loads.flatMap((m) => (m.otherCpuShare === undefined ? [] : [m.otherCpuShare]));
  return {
    busy: busy.length,
    measured: measured.length,
    processes: ok.length,
    throughout: 2 * busy.length > measured.length && 2 * measured.length > ok.length,
    cores: range(loads.map((m) => m.otherCpuCores!)),
    share: shares.length > 0 ? range(shares) : null,
    load: range(loads.flatMap((m) => m.loadAvg1)),
  };
}

/** `0.40–1.30`, `16–57%`, or one figure when both ends print the same; for busyMachineLine. */
function rangeText([lo, hi]: readonly [number, number], format: (v: number) => string): string {
  const a = format(lo);
  const b = format(hi);
  if (a === b) return a;
  return a.endsWith('%') && b.endsWith('%') ? `${a.slice(0, -1)}–${b}` : `${a}–${b}`;
}

/**
 * The one line for a run measured on a busy machine, naming how busy (other processes' CPU in
 * cores and share of the machine, the load average) and when; null when no process was. E.g.
 * `measured on a busy machine: other processes used 0.40–1.30 cores (20–65% of the machine) during
 * all 18 processes, load average 1.60–3.20; said here once, no figure is marked for it`.
 */
export function busyMachineLine(run: RunFile): string | null {
  const b = busyMachine(run);
  if (!b) return null;
  const cores = `${rangeText(b.cores, formatNumber)} ${b.cores[1] > 1 ? 'cores' : 'of a core'}`;
  const share = b.share ? `${rangeText(b.share, formatPercent)} of the machine` : null;
  const load = `load average ${rangeText(b.load, formatNumber)}`;
  const during =
    b.busy === b.processes
      ? b.measured === 1
        ? 'its one process'
        : `all ${b.measured} processes`
      : `${b.busy} of ${b.measured}${b.measured < b.processes ? ' measured' : ''} processes`;
  return b.throughout
    ? `measured on a busy machine: other processes used ${cores}${share ? ` (${share})` : ''} during ` +
        `${during}, ${load}; said here once, no figure is marked for it`
    : `measured on a partly busy machine: other processes used more than ${BUSY_OTHER_CORES} of a core during ` +
        `${during} (${[cores, share, load].filter(Boolean).join(', ')}); ` +
        'the figures measured then are marked busy-machine';
}

/**
 * The flags that mark a figure: all of a case's flags but busy-machine when the machine was busy
 * throughout the run (busyMachine), which busyMachineLine says once instead.
 */
export function figureFlags(flags: readonly Flag[] | undefined, busyThroughout: boolean): Flag[] {
  return (flags ?? []).filter((f) => !(busyThroughout && f.kind === 'busy-machine'));
}

/** Whether the run's machine was busy during most of the run (busyMachine().throughout). */
export function busyThroughout(run: RunFile): boolean {
  return busyMachine(run)?.throughout ?? false;
}

/** ` !` when any of these flag lists is non-empty, else ''; to append to a figure. */
export function flagsMark(flags: readonly (readonly Flag[] | undefined)[]): string {
  return flags.some((f) => (f?.length ?? 0) > 0) ? ` ${FLAG_MARK}` : '';
}

/**
 * ` !` when the case has a flag that marks its figure (figureFlags), else ''. busyThroughout: the
 * run's (busyThroughout(run)); false counts every flag.
 */
export function flagMark(
  aggregate: Pick<CaseAggregate, 'flags'> | null | undefined,
  busyThroughout = false,
): string {
  return flagsMark([figureFlags(aggregate?.flags, busyThroughout)]);
}

/** `node × timers` or `node × timers / sleep-gather`. */
export function flagRowWhere(row: FlagRow): string {
  return `${row.runtime} × ${row.scenario}${row.case ? ` / ${row.case}` : ''}`;
}

/** `up to 0.90 of a core (45% of the machine) in repeat #2, #3`: the busy repeats of an entry. */
function busyDetail(repeats: readonly { index: number; machine?: MachineLoad | undefined }[]): string {
  const worst = repeats.reduce((a, b) => (b.machine!.otherCpuCores! > a.machine!.otherCpuCores! ? b : a));
  const m = worst.machine!;
  const share = m.otherCpuShare === undefined ? '' : ` (${formatPercent(m.otherCpuShare)} of the machine)`;
  return `other processes used up to ${formatNumber(m.otherCpuCores)} of a core${share} in repeat ${repeatList(repeats.map((r) => r.index))}`;
}

/**
 * Every flag of a run (see the module comment), most telling kind first (FLAG_KINDS order:
 * dead-code, outlier, …, busy-machine), then in the run's entry order.
 */
export function flagRows(run: RunFile): FlagRow[] {
  const rows: FlagRow[] = [];
  const throughout = busyThroughout(run);
  for (const e of run.entries) {
    for (const c of e.cases) {
      for (const f of c.flags ?? []) {
        if (f.kind === 'busy-machine') continue;
        rows.push({ runtime: e.runtime, scenario: e.scenario, case: c.case, label: c.label, ...pick(f) });
      }
    }
    const busy = throughout ? [] : busyRepeats(e.repeats.filter((r) => r.status === 'ok'));
    if (busy.length > 0) {
      rows.push({
        runtime: e.runtime,
        scenario: e.scenario,
        case: null,
        label: null,
        kind: 'busy-machine',
        detail: busyDetail(busy),
      });
    }
  }
  const rank = (r: FlagRow) => FLAG_KINDS.indexOf(r.kind);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

const pick = (f: Flag) => ({ kind: f.kind, detail: f.detail });

/** A flag row on one line: `outlier      node × timers / sleep-gather: throughput 1,234 in …`. */
export function flagRowLine(row: FlagRow): string {
  return `${row.kind.padEnd(12)} ${flagRowWhere(row)}: ${row.detail}`;
}

/**
 * text cut to at most width characters, `…` marking the cut: at a clause boundary (`, `, `; `,
 * ` (`, `: `) in the last fifth of the room, else at the last space, else mid-word; and never
 * inside a parenthesis it would leave open. So `… against a median of 3,032,542 (|modified z| >
 * 3.5, …)` loses its parenthesis whole rather than half of it.
 */
export function truncateLine(text: string, width: number): string {
  if (text.length <= width) return text;
  const room = text.slice(0, width - 1);
  const floor = Math.floor(width * 0.6);
  const clause = Math.max(...[', ', '; ', ' (', ': '].map((sep) => room.lastIndexOf(sep)));
  const space = room.lastIndexOf(' ');
  let at = clause >= width * 0.8 ? clause : space > floor ? space : room.length;
  const open = room.lastIndexOf(' (', at - 1);
  if (open > floor && !room.slice(open, at).includes(')')) at = open;
  return `${room.slice(0, at).trimEnd()}…`;
}

/** Lines and width of the terminal's short flag list (shortFlagLines). */
export const SHORT_FLAGS = { lines: 8, width: 120 } as const;

/**
 * The flag list in short, as the terminal prints it: the first `lines` rows (flagRows order, so
 * dead-code first), each cut to `width` characters, then `… and 12 more, see the report` when
 * there are more; [] when there are none. The Markdown export and the report list them in full.
 */
export function shortFlagLines(
  run: RunFile,
  { lines, width }: { lines: number; width: number } = SHORT_FLAGS,
): string[] {
  const rows = flagRows(run);
  const shown = rows.length > lines ? rows.slice(0, lines - 1) : rows;
  const out = shown.map((r) => truncateLine(flagRowLine(r), width));
  if (shown.length < rows.length) out.push(`… and ${rows.length - shown.length} more, see the report`);
  return out;
}
