import type { Platform } from './platform.ts';

/** How a workload's units are run: thread blocked, each awaited in turn, or in flight together. */
export type Mode = 'blocking' | 'sequential' | 'concurrent';
export const MODES: readonly Mode[] = ['blocking', 'sequential', 'concurrent'];

/** How long and how thorough a run is. */
export type ProfileName = 'quick' | 'default' | 'full';
export const PROFILES: readonly ProfileName[] = ['quick', 'default', 'full'];

/** Scenario parameters: plain values only, so they serialise into results as they are. */
export type Params = Record<string, number | string | boolean>;

/** Passed to a workload while it runs: record each unit's latency through it. */
export interface WorkloadContext {
  readonly platform: Platform;
  /** Seeded PRNG in [0, 1), so every runtime sees the same "random" inputs. */
  readonly random: () => number;
  /** Milliseconds, high resolution (performance.now). */
  now(): number;
  /** Records one unit's latency in ms. */
  record(latencyMs: number): void;
  /** Runs one async unit and records how long it took. */
  time<T>(fn: () => Promise<T>): Promise<T>;
  /** Runs one blocking unit and records how long it took. */
  timeSync<T>(fn: () => T): T;
}

/** A micro case: one small operation, measured with tinybench as ops/s. */
export interface MicroCase {
  readonly kind: 'micro';
  /** Stable id within the scenario, e.g. `gather-10`. */
  readonly id: string;
  readonly label: string;
  /** Sync or async code path, e.g. `sync` / `async` / `core` / `native`; shown beside the label. */
  readonly variant: string;
  /** The operation. Returning a promise makes it an async case. */
  readonly fn: () => unknown;
}

/** A workload case: N units of I/O-shaped work in one mode. */
export interface WorkloadCase<S = unknown> {
  readonly kind: 'workload';
  /** Stable id within the scenario, e.g. `sleep-gather`. */
  readonly id: string;
  readonly label: string;
  readonly mode: Mode;
  /** The concurrency strategy, e.g. `loop`, `gather`, `createTask`, `taskgroup`, `queue`, `semaphore`. */
  readonly variant: string;
  /** N, the number of units. */
  readonly units: number;
  /** c, at most this many units in flight (1 for blocking and sequential; units for unbounded). */
  readonly concurrency: number;
  /** d, the duration of one unit in ms where it is known (timers, server delay); null otherwise. */
  readonly unitMs: number | null;
  /** Prepares state (files, servers); not timed. */
  setup?(platform: Platform): Promise<S>;
  /** Runs all units once; timed as a whole, units recorded through ctx. */
  run(ctx: WorkloadContext, state: S): Promise<void>;
  /** Releases what setup made; not timed. */
  teardown?(state: S): Promise<void>;
}

export type Case = MicroCase | WorkloadCase<any>;

/**
 * What a scenario needs beyond the runtime itself: `sqlite`, an embedded SQLite driver
 * (Platform.openSqlite); `postgres`, a PostgreSQL server (ASYNCBENCH_PG_URL). The CLI reads it from
 * the catalogue to prepare a driver or say why a scenario cannot run, never from scenario ids.
 */
export type Requirement = 'sqlite' | 'postgres';
export const REQUIREMENTS: readonly Requirement[] = ['sqlite', 'postgres'];

/** A scenario: a stable id, words for readers, parameters per profile, and the cases it runs. */
export interface Scenario<P extends Params = Params> {
  /** Stable id, kebab-case, used on the command line and in results. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Parameters per profile. */
  readonly params: Readonly<Record<ProfileName, P>>;
  /** The modes its workload cases cover (empty for micro-only scenarios). */
  readonly modes: readonly Mode[];
  /** Hidden scenarios (test fixtures) are not listed nor run unless named. */
  readonly hidden?: boolean;
  /** What it needs besides the runtime (see Requirement); none when absent. */
  readonly requires?: readonly Requirement[];
  /** Builds the cases for one run. */
  cases(params: P, platform: Platform): Case[] | Promise<Case[]>;
}
