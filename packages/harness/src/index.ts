/**
 * @asyncbench/harness — how an asyncbench scenario is declared and measured: defineScenario,
 * the Platform interface adapters implement, the runner, statistics, the results schema with
 * its validation, and the aggregation/comparison the CLI and report share. No runtime globals.
 */

export { aggregateRepeats, spreadOf } from './aggregate.ts';
export { type AdapterRequest, DEFAULT_SEED, parseAdapterArgs, UsageError } from './args.ts';
export { type Comparison, compareSpreads, tQuantile975, type Verdict } from './compare.ts';
export { defineScenario, isKebabCase } from './define-scenario.ts';
export { FIGURE_META, type FigureMeta, figureOf, MICRO_FIGURES, WORKLOAD_FIGURES } from './figures.ts';
export { LatencyRecorder } from './latency-recorder.ts';
export { type CatalogueLine, catalogueLine, runMain } from './main.ts';
export { measureMicro } from './micro.ts';
export type {
  AsyncSqliteDb,
  HttpTarget,
  MemoryUsage,
  Platform,
  RuntimeName,
  SqliteDb,
  SqlStatement,
} from './platform.ts';
export { MICRO_BUDGETS, type MicroBudget } from './profiles.ts';
export { mulberry32 } from './random.ts';
export { type RunOptions, runScenario } from './runner.ts';
export {
  type Case,
  type MicroCase,
  MODES,
  type Mode,
  type Params,
  PROFILES,
  type ProfileName,
  REQUIREMENTS,
  type Requirement,
  type Scenario,
  type WorkloadCase,
  type WorkloadContext,
} from './scenario.ts';
export {
  type AdapterLine,
  type CaseAggregate,
  type CaseResult,
  type DriverInfo,
  type Entry,
  type FigureName,
  type HostInfo,
  type LatencyMs,
  type MicroStats,
  type RepeatRecord,
  type RunFile,
  type RuntimeInfo,
  SCHEMA_VERSION,
  type ScenarioInfo,
  type Spread,
  type WorkloadStats,
} from './schema.ts';
export { SchemaError } from './schema-error.ts';
export {
  mean,
  median,
  percentile,
  type Summary,
  sortedCopy,
  summarize,
  summarizeSorted,
  variance,
} from './stats.ts';
export { parseAdapterLine, parseCatalogueLine, validateCaseResult, validateRunFile } from './validate.ts';
export { createWorkloadContext, idealWallMs, runWorkload } from './workload.ts';
