/**
 * @asyncbench/harness — what runs inside a runtime: defineScenario, the Platform interface adapters
 * implement, the micro and workload runners, and the emit side of the adapter protocol (runMain).
 * No runtime globals. The results schema, its validation and everything done with results after a
 * run live in @asyncbench/results; the types scenario authors need are re-exported here.
 */

export { type AdapterRequest, DEFAULT_SEED, parseAdapterArgs, UsageError } from './args.ts';
export { defineScenario, isKebabCase, OPERATION } from './define-scenario.ts';
export { type InputProbe, startInputProbe } from './input-probe.ts';
export { LatencyRecorder } from './latency-recorder.ts';
export { catalogueLine, runMain, unmetRequirement } from './main.ts';
export { type MeasuredMicro, measureMicro, NEAR_EMPTY_FACTOR } from './micro.ts';
export {
  checkOverrides,
  describeParam,
  formatParams,
  type ParamRule,
  type ParamType,
  type ParamValue,
  paramType,
  parseParamValue,
} from './params.ts';
export type {
  AsyncSqliteDb,
  DriverInfo,
  EventTimingEntry,
  HttpTarget,
  InputSource,
  InputStream,
  MemoryUsage,
  Platform,
  RuntimeName,
  SqliteDb,
  SqlStatement,
} from './platform.ts';
export { MICRO_BUDGETS, type MicroBudget, WORKLOAD_BUDGETS, type WorkloadBudget } from './profiles.ts';
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
  type ScenarioInput,
  type UnitNoun,
  type WorkloadCase,
  type WorkloadContext,
} from './scenario.ts';
export {
  bench,
  fileScenarioId,
  loadUserFiles,
  type UserCatalogue,
  type UserFile,
  userMain,
} from './user-files.ts';
export { createWorkloadContext, idealWallMs, type MeasuredWorkload, runWorkload } from './workload.ts';
