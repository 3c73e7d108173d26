/**
 * The results format's enumerations as plain data, with no dependency at all: the schema
 * (schema.ts) builds its enums from these arrays, and code that runs inside an adapter (the
 * harness) imports them from `@asyncbench/results/constants` without pulling the schema library
 * into every runtime's bundle.
 */

/**
 * Version of the results format and of the adapter protocol's `hello` line. Bump it on any
 * incompatible change. 2: scenarios carry their unit noun and requirements, aggregates carry d
 * (`unitMs`). Files of version 1 are still read (validate.ts upgrades them).
 */
export const SCHEMA_VERSION = 2;

/** How a workload's units are run: thread blocked, each awaited in turn, or in flight together. */
export const MODES = ['blocking', 'sequential', 'concurrent'] as const;

/** How long and how thorough a run is. */
export const PROFILES = ['quick', 'default', 'full'] as const;

/** A micro case (one small operation, ops/s) or a workload case (N units of I/O-shaped work). */
export const CASE_KINDS = ['micro', 'workload'] as const;

/**
 * What a scenario can need besides the runtime itself: `sqlite`, an embedded SQLite driver
 * (Platform.openSqlite; the CLI prepares one for Node versions without node:sqlite); `postgres`, a
 * PostgreSQL server named by ASYNCBENCH_PG_URL (reached over a raw TCP socket); `files`, a file
 * system (Platform.readFile and friends); `input-events`, input arriving from outside the thread
 * (Platform.startInputEvents). What each means in words is REQUIREMENT_META. A platform that
 * cannot meet one (a browser page has no file system) names it in Platform.lacks, and its adapter
 * answers the scenario with a `skipped` line.
 */
export const REQUIREMENTS = ['sqlite', 'postgres', 'files', 'input-events'] as const;

/** The runtimes an adapter can report itself as, in the protocol's `hello` line. */
export const ADAPTER_RUNTIMES = ['node', 'deno', 'bun', 'chromium'] as const;

/**
 * Figures of workload cases, in display order; the first is the main one. The input ones exist
 * only for cases measured with input events arriving (the responsiveness scenario).
 */
export const WORKLOAD_FIGURES = [
  'throughput',
  'wallMs',
  'p50Ms',
  'p90Ms',
  'p99Ms',
  'maxMs',
  'efficiency',
  'inputP50Ms',
  'inputP90Ms',
  'inputP99Ms',
  'inputMaxMs',
  'inputHandledPct',
] as const;

/** How input events reach the measured thread: a worker thread's messages, or real DOM input in a page. */
export const INPUT_SOURCES = ['worker-message', 'dom-input'] as const;

/** Figures of micro cases, in display order; the first is the main one. */
export const MICRO_FIGURES = ['opsPerSec', 'meanNs', 'p50Ns', 'p99Ns', 'rme'] as const;

/** Every aggregated figure name. */
export const FIGURE_NAMES = [...WORKLOAD_FIGURES, ...MICRO_FIGURES] as const;

/**
 * What a flag on a case aggregate can say looks wrong (flags.ts says how each is decided):
 * dead-code (too fast to be real work), outlier (one repeat far from the others), high-rme (a micro
 * figure too imprecise), bimodal (repeats in two clusters), not-steady (the warm-up cap ended it
 * while it was still speeding up), busy-machine (other processes used the CPU while it ran).
 */
export const FLAG_KINDS = [
  'dead-code',
  'outlier',
  'high-rme',
  'bimodal',
  'not-steady',
  'busy-machine',
] as const;
