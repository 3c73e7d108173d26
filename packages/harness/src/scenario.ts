import type { Mode, ParamRule, Params, ProfileName, Requirement, UnitNoun } from '@asyncbench/results/schema';
import type { Platform } from './platform.ts';

// The enumerations are the results schema's (plain data, no schema library in adapter bundles).
export { MODES, PROFILES, REQUIREMENTS } from '@asyncbench/results/constants';
export type { Mode, ParamRule, Params, ProfileName, Requirement, UnitNoun };

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
  /**
   * When set, input events arrive every intervalMs while the timed rounds run (Platform.startInputEvents)
   * and the case reports their input delay beside its throughput (WorkloadStats.input).
   */
  readonly input?: { readonly intervalMs: number };
  /**
   * Where the work runs when more than the measuring thread is involved, in words, recorded in
   * results (e.g. "server: the runtime's own HTTP server on a worker thread of this process").
   */
  readonly arrangement?: string;
  /**
   * Warm-up lasts at least this many ms (capped by the profile's maxWarmupMs) before a plateau may
   * end it; reaching the physical limit still ends it at once. For cases whose rate steps up late,
   * after a flat stretch the plateau rule would take for steady state: Deno's fetch runs ~35k
   * requests/s from 0.25 to 0.75 s and ~43k from 1 s on (issue 9, scripts/crosscheck/http-ramp.ts).
   */
  readonly minWarmupMs?: number;
  /** Prepares state (files, servers); not timed. */
  setup?(platform: Platform): Promise<S>;
  /**
   * Runs all N units once: one round. The runner calls it repeatedly on the same state (untimed
   * warm-up rounds, then timed rounds), so a round must leave the state fit for the next one.
   * Every unit's latency is recorded through ctx.
   */
  run(ctx: WorkloadContext, state: S): Promise<void>;
  /** Releases what setup made; not timed. */
  teardown?(state: S): Promise<void>;
}

export type Case = MicroCase | WorkloadCase<any>;

/**
 * A scenario: a stable id, words for readers, parameters per profile, what one unit of its work is,
 * what it needs from its environment, and the cases it runs. Its meaning travels as data (the
 * adapter's `--list` line, the run file's ScenarioInfo), so nothing downstream guesses from the id.
 */
export interface Scenario<P extends Params = Params> {
  /** Stable id, kebab-case, used on the command line and in results. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Parameters per profile. */
  readonly params: Readonly<Record<ProfileName, P>>;
  /** The modes its workload cases cover (empty for micro-only scenarios). */
  readonly modes: readonly Mode[];
  /**
   * What one unit of work is, in words: `{ singular: 'request', plural: 'requests' }`. Throughput
   * reads `requests/s`, the summary says "running 40 requests concurrently". Micro-only
   * scenarios name their operation (`{ singular: 'operation', plural: 'operations' }`).
   */
  readonly unit: UnitNoun;
  /**
   * What it needs besides the runtime (REQUIREMENTS: `sqlite`, `postgres`, `files`,
   * `input-events`); none when absent. The CLI reads it from the catalogue to prepare a driver, or
   * to skip the scenario before any process starts with a note saying what is missing
   * (REQUIREMENT_META), never from scenario ids; a runtime that lacks one (Platform.lacks) answers
   * with a `skipped` line.
   */
  readonly requires?: readonly Requirement[];
  /**
   * What values numeric parameters accept (`{ concurrency: { integer: true, min: 1 } }`), so
   * `asyncbench run --param` refuses a bad one before anything runs. A parameter without a rule
   * takes any value of its type (the type of its value in `params`).
   */
  readonly paramRules?: Readonly<Partial<Record<keyof P & string, ParamRule>>>;
  /** Hidden scenarios (test fixtures) are not listed nor run unless named. */
  readonly hidden?: boolean;
  /** Builds the cases for one run. */
  cases(params: P, platform: Platform): Case[] | Promise<Case[]>;
}

/**
 * What defineScenario accepts: a Scenario, with the parts a small benchmark rarely needs made
 * optional. `params` may be one set for every profile; `label` defaults to the id, `description`
 * to '', `modes` to none (micro only), and `unit` to `operation` when there are no modes.
 */
export type ScenarioInput<P extends Params = Params> = Omit<
  Scenario<P>,
  'label' | 'description' | 'params' | 'modes' | 'unit'
> & {
  readonly label?: string;
  readonly description?: string;
  readonly params?: P | Readonly<Record<ProfileName, P>>;
  readonly modes?: readonly Mode[];
  readonly unit?: UnitNoun;
};
