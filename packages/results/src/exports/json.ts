/**
 * A run's reading as JSON for scripts: the run's identity and environment, the workload summary
 * (best cases, speedup with 95% CI), and every figure row. Numbers are unrounded; the raw
 * per-process results stay in the run file itself.
 */
import { type FigureRow, figureRows } from '../figure-rows.ts';
import { caseLabel } from '../labels.ts';
import type { HostInfo, RunFile, RuntimeInfo } from '../schema.ts';
import type { BestCase } from '../speedup.ts';
import { summarizeRun } from '../summary.ts';

export interface JsonBestCase {
  case: string;
  label: string;
  mode: string | null;
  /** Median throughput, units/s, with min and max over repeats. */
  throughput: number;
  min: number;
  max: number;
}

export interface JsonSpeedupRow {
  scenario: string;
  runtime: string;
  status: string;
  unit: string;
  sync: JsonBestCase | null;
  concurrent: JsonBestCase | null;
  /** Best concurrent / best blocking-or-sequential at the same d; null when there is no such pair. */
  speedup: number | null;
  /** 95% CI of the speedup; null with fewer than two repeats. */
  ciLow: number | null;
  ciHigh: number | null;
  /** d of the pair, ms; null when unknown. */
  unitMs: number | null;
}

export interface JsonExport {
  format: 'asyncbench-export';
  schemaVersion: number;
  run: {
    id: string;
    startedAt: string;
    status: RunFile['status'];
    profile: RunFile['profile'];
    repeats: number;
    seed: number;
    tool: RunFile['tool'];
    host: HostInfo;
    runtimes: RuntimeInfo[];
  };
  speedups: JsonSpeedupRow[];
  figures: FigureRow[];
}

function best(b: BestCase | null): JsonBestCase | null {
  if (!b) return null;
  return {
    case: b.aggregate.case,
    label: caseLabel(b.aggregate),
    mode: b.aggregate.mode,
    throughput: b.throughput.median,
    min: b.throughput.min,
    max: b.throughput.max,
  };
}

/** The JSON export of a run (see the module comment). */
export function toJsonExport(run: RunFile): JsonExport {
  return {
    format: 'asyncbench-export',
    schemaVersion: run.schemaVersion,
    run: {
      id: run.id,
      startedAt: run.startedAt,
      status: run.status,
      profile: run.profile,
      repeats: run.repeats,
      seed: run.seed,
      tool: run.tool,
      host: run.host,
      runtimes: run.runtimes,
    },
    speedups: summarizeRun(run).workload.map((r) => ({
      scenario: r.scenario,
      runtime: r.runtime,
      status: r.status,
      unit: r.unit.plural,
      sync: best(r.sync),
      concurrent: best(r.concurrent),
      speedup: r.speedup?.ratio ?? null,
      ciLow: r.speedup?.ciLow ?? null,
      ciHigh: r.speedup?.ciHigh ?? null,
      unitMs: r.speedup?.unitMs ?? null,
    })),
    figures: figureRows(run),
  };
}
