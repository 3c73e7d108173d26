/**
 * A run in brief, as data: per workload runtime x scenario the best blocking-or-sequential and best
 * concurrent case, the speedup (speedup.ts), tail latency and efficiency; per micro case the ops/s
 * of every runtime; per case measured with input events (responsiveness) each runtime's input
 * delay p99 and share handled during the work; and every entry's status. The terminal summary, the markdown export and the
 * report's speedup lines all render this one reading.
 */
import { busyThroughout, figureFlags, flagsMark } from './flag-rows.ts';
import { formatFigure, formatNumber, formatPercent, formatRatio, formatRatioInterval } from './format.ts';
import { unitNoun } from './labels.ts';
import { INCONCLUSIVE_MARK, inconclusiveMark, isInconclusive } from './precision.ts';
import type { CaseAggregate, Entry, Flag, Mode, RunFile, Spread, UnitNoun } from './schema.ts';
import { type BestCase, bestByThroughput, type Speedup, speedupOf } from './speedup.ts';

export interface WorkloadRow {
  scenario: string;
  runtime: string;
  /** entryStatus() of the entry. */
  status: string;
  /** What one unit is (the scenario's declaration). */
  unit: UnitNoun;
  /** The speedup's blocking-or-sequential case; without a speedup, the best such case at any d. */
  sync: BestCase | null;
  /** The speedup's concurrent case; without a speedup, the best concurrent case at any d. */
  concurrent: BestCase | null;
  speedup: Speedup | null;
  /** p99 latency (ms) and efficiency of the concurrent case. */
  p99Ms: Spread | null;
  efficiency: Spread | null;
  /** The flags that mark the sync and the concurrent case's figure (flag-rows.ts figureFlags). */
  flags: { sync: Flag[]; concurrent: Flag[] };
}

export interface MicroRow {
  scenario: string;
  case: string;
  label: string;
  /** ops/s per runtime name; null where that runtime has no figure. */
  opsPerSec: Record<string, Spread | null>;
  /**
   * The flags that mark the case's figure per runtime name (flag-rows.ts figureFlags: busy-machine
   * left out when the whole run was busy); absent where none were computed.
   */
  flags: Record<string, Flag[]>;
  /** Runtimes whose ops/s stayed wider than the run's horizon (precision.ts), marked when shown. */
  inconclusive: string[];
}

/**
 * A micro row's ops/s cell for one runtime: the median, with the inconclusive mark when it stayed
 * wider than the horizon and the flag mark when flagged.
 */
export function microCell(
  row: MicroRow,
  runtime: string,
  format: (s: Spread | null | undefined) => string,
): string {
  const wide = row.opsPerSec[runtime] && row.inconclusive.includes(runtime) ? ` ${INCONCLUSIVE_MARK}` : '';
  return `${format(row.opsPerSec[runtime])}${wide}${flagsMark([row.flags[runtime]])}`;
}

/** One case measured with input events, across runtimes. */
export interface InputRow {
  scenario: string;
  case: string;
  label: string;
  mode: Mode | null;
  /** Per runtime: input delay p99 (ms) and the share of events handled during the work (%). */
  byRuntime: Record<string, { p99Ms: Spread | null; handledPct: Spread | null }>;
}

export interface StatusRow {
  scenario: string;
  runtime: string;
  status: string;
}

export interface RunSummary {
  workload: WorkloadRow[];
  micro: { runtimes: string[]; rows: MicroRow[] };
  /**
   * Cases measured with input events. Their entries have no workload row: a speedup across sleeps
   * and CPU slices would mean nothing; input delay is their point.
   */
  input: { runtimes: string[]; rows: InputRow[] };
  /**
   * Entries with neither a workload row nor micro cases (a failed or skipped micro scenario), and
   * input entries that did not all succeed (the input table has no status column).
   */
  others: StatusRow[];
}

/** Whether a case was measured with input events arriving. */
const hasInput = (c: CaseAggregate) => c.figures.inputP99Ms !== undefined;

/**
 * A best case named in a few words, as every summary table shows it: the mode for a
 * blocking-or-sequential case (`sequential`), the strategy for a concurrent one (`gather`).
 */
export function bestCaseName(best: BestCase | null): string {
  if (!best) return '—';
  const c = best.aggregate;
  return c.mode === 'concurrent' || c.mode === null ? c.variant : c.mode;
}

/** A workload row as printed, the same strings in the terminal table and the Markdown export. */
export interface WorkloadCells {
  /** `195 (blocking)`: median throughput and which case. */
  sync: string;
  /**
   * `7,167 (gather)`; ` ?` after the figure when it stayed wider than the horizon, ` !` at the end
   * when that case is flagged (row.flags).
   */
  concurrent: string;
  /** `36.7×`. */
  speedup: string;
  /** `35.5–38.0×`; `—` with one repeat. */
  interval: string;
  /** `5.35 ms`: p99 latency of the concurrent case. */
  p99: string;
  /** `90%`. */
  efficiency: string;
  status: string;
}

/** The printed cells of a workload row (see WorkloadCells). */
export function workloadCells(row: WorkloadRow): WorkloadCells {
  const best = (b: BestCase | null, flags: Flag[]) =>
    b
      ? `${formatNumber(b.throughput.median)}${inconclusiveMark(b.aggregate)} (${bestCaseName(b)})${flagsMark([flags])}`
      : '—';
  return {
    sync: best(row.sync, row.flags.sync),
    concurrent: best(row.concurrent, row.flags.concurrent),
    speedup: formatRatio(row.speedup?.ratio),
    interval: formatRatioInterval(row.speedup?.ciLow, row.speedup?.ciHigh),
    p99: formatFigure('p99Ms', row.p99Ms?.median),
    efficiency: formatPercent(row.efficiency?.median),
    status: row.status,
  };
}

/** An input row's cell for one runtime: `150 ms (0%)`, input delay p99 and the share handled; `—` without. */
export function inputCell(row: InputRow, runtime: string): string {
  const cell = row.byRuntime[runtime];
  if (!cell?.p99Ms) return '—';
  return `${formatFigure('inputP99Ms', cell.p99Ms.median)} (${formatFigure('inputHandledPct', cell.handledPct?.median)})`;
}

/** An entry's status in words: `ok`, `ok, no cases ran`, `skipped: why`, `failed 1/3: why`. */
export function entryStatus(e: Entry): string {
  if (e.status === 'skipped') return `skipped${e.reason ? `: ${e.reason}` : ''}`;
  const failed = e.repeats.filter((r) => r.status === 'failed');
  if (failed.length === 0) return e.cases.length === 0 ? 'ok, no cases ran' : 'ok';
  return `failed ${failed.length}/${e.repeats.length}: ${failed[0]!.reason ?? e.reason ?? 'unknown'}`;
}

function workloadRow(run: RunFile, e: Entry, busy: boolean): WorkloadRow {
  const workload = e.cases.filter((c) => c.kind === 'workload');
  const speedup = speedupOf(e);
  const sync =
    speedup?.sync ??
    bestByThroughput(workload.filter((c) => c.mode === 'blocking' || c.mode === 'sequential'));
  const concurrent = speedup?.concurrent ?? bestByThroughput(workload.filter((c) => c.mode === 'concurrent'));
  return {
    scenario: e.scenario,
    runtime: e.runtime,
    status: entryStatus(e),
    unit: unitNoun(run, e.scenario),
    sync,
    concurrent,
    speedup,
    p99Ms: concurrent?.aggregate.figures.p99Ms ?? null,
    efficiency: concurrent?.aggregate.figures.efficiency ?? null,
    flags: {
      sync: figureFlags(sync?.aggregate.flags, busy),
      concurrent: figureFlags(concurrent?.aggregate.flags, busy),
    },
  };
}

/** The summary of a run (see the module comment), entries in the run's order. */
export function summarizeRun(run: RunFile): RunSummary {
  const workload: WorkloadRow[] = [];
  const runtimes: string[] = [];
  const rows: MicroRow[] = [];
  const others: StatusRow[] = [];
  const inputRuntimes: string[] = [];
  const inputRows: InputRow[] = [];
  const busy = busyThroughout(run);
  for (const e of run.entries) {
    const withInput = e.cases.filter(hasInput);
    if (withInput.length > 0) {
      if (!inputRuntimes.includes(e.runtime)) inputRuntimes.push(e.runtime);
      for (const c of withInput) {
        let row = inputRows.find((r) => r.scenario === e.scenario && r.case === c.case);
        if (!row) {
          row = { scenario: e.scenario, case: c.case, label: c.label, mode: c.mode, byRuntime: {} };
          inputRows.push(row);
        }
        row.byRuntime[e.runtime] = {
          p99Ms: c.figures.inputP99Ms ?? null,
          handledPct: c.figures.inputHandledPct ?? null,
        };
      }
      if (e.status !== 'ok')
        others.push({ scenario: e.scenario, runtime: e.runtime, status: entryStatus(e) });
      continue;
    }
    const declaredModes = run.scenarios.find((s) => s.id === e.scenario)?.modes.length ?? 0;
    const isWorkload = e.cases.some((c) => c.kind === 'workload') || declaredModes > 0;
    if (isWorkload) workload.push(workloadRow(run, e, busy));
    const micro = e.cases.filter((c) => c.kind === 'micro');
    if (micro.length > 0 && !runtimes.includes(e.runtime)) runtimes.push(e.runtime);
    for (const c of micro) {
      let row = rows.find((r) => r.scenario === e.scenario && r.case === c.case);
      if (!row) {
        row = {
          scenario: e.scenario,
          case: c.case,
          label: c.label,
          opsPerSec: {},
          flags: {},
          inconclusive: [],
        };
        rows.push(row);
      }
      row.opsPerSec[e.runtime] = c.figures.opsPerSec ?? null;
      if (c.flags) row.flags[e.runtime] = figureFlags(c.flags, busy);
      if (isInconclusive(c)) row.inconclusive.push(e.runtime);
    }
    if (!isWorkload && micro.length === 0) {
      others.push({ scenario: e.scenario, runtime: e.runtime, status: entryStatus(e) });
    }
  }
  return { workload, micro: { runtimes, rows }, input: { runtimes: inputRuntimes, rows: inputRows }, others };
}
