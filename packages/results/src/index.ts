/**
 * @asyncbench/results — what runs after a benchmark. The results schema as data (schema.ts:
 * TypeBox, so the types are derived from it and results/schema.json is generated from it),
 * validation with errors that name the file and field, aggregation over repeats, statistics,
 * comparisons (run vs run, runtime vs runtime, with 95% CI and verdict), the CI gate, the one
 * definition of speedup, the figure list, one set of formatters, and the exports. The CLI's
 * summary, `compare` and exports and the HTML report all ask this package; none re-derives.
 * Runtime-neutral: reading results files from disk (Node) is `@asyncbench/results/files`.
 */
export { aggregateRepeats, spreadOf } from './aggregate.ts';
export { type Comparison, compareSpreads, type Verdict } from './compare.ts';
export {
  ADAPTER_RUNTIMES,
  CASE_KINDS,
  FIGURE_NAMES,
  FLAG_KINDS,
  MICRO_FIGURES,
  MODES,
  PROFILES,
  REQUIREMENTS,
  SCHEMA_VERSION,
  WORKLOAD_FIGURES,
} from './constants.ts';
export * from './exports/index.ts';
export { type FigureRow, figureRows } from './figure-rows.ts';
export { FIGURE_META, type FigureMeta, figureOf, figuresOf, figureUnit, mainFigure } from './figures.ts';
export {
  type BusyMachine,
  busyMachine,
  busyMachineLine,
  busyThroughout,
  FLAG_MARK,
  type FlagRow,
  figureFlags,
  flagMark,
  flagRowLine,
  flagRows,
  flagRowWhere,
  flagsMark,
  SHORT_FLAGS,
  shortFlagLines,
  truncateLine,
} from './flag-rows.ts';
export {
  BIMODAL_GAP_RATIO,
  BIMODAL_MIN_GAP,
  BIMODAL_MIN_SIDE,
  BUSY_OTHER_CORES,
  bimodalSplit,
  busyRepeats,
  type CaseRepeat,
  caseFlags,
  HIGH_RME_PCT,
  MAX_EFFICIENCY,
  MIN_OP_NS,
  MIN_WORK_RATIO,
  machineLoadText,
  modifiedZScores,
  NEAR_EMPTY_FACTOR,
  OUTLIER_MIN_DEVIATION,
  OUTLIER_Z,
  repeatList,
} from './flags.ts';
export {
  figureHeading,
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatFigure,
  formatFigureValue,
  formatNumber,
  formatPercent,
  formatRatio,
  formatRatioInterval,
} from './format.ts';
export { type Regression, regressions } from './gate.ts';
export { runFileJsonSchema, runFileJsonSchemaText } from './json-schema.ts';
export {
  byRuntimeOrder,
  caseLabel,
  runLabel,
  runLabels,
  runtimeLabel,
  runtimeVersion,
  unitNoun,
} from './labels.ts';
export { comparePaired, type Pair } from './paired.ts';
export {
  casePrecision,
  formatHalfWidth,
  INCONCLUSIVE_MARK,
  inconclusiveCases,
  inconclusiveMark,
  isInconclusive,
  markPrecision,
  type Precision,
  precisionNote,
  relativeHalfWidth,
} from './precision.ts';
export { REQUIREMENT_META, type RequirementMeta, unmetRequirements } from './requirements.ts';
export {
  type CompareRunsOptions,
  compareRuns,
  type FigureComparison,
  paramDifference,
  poolRuns,
  type RunComparison,
} from './run-compare.ts';
export {
  compareRuntimes,
  isConclusive,
  type RatioMethod,
  RUNTIME_RATIOS_NOTE,
  type RuntimeComparison,
  type RuntimeRatio,
  type RuntimeRatioCells,
  ratioMethodText,
  runtimeRatioCells,
  runtimeRatioSentence,
  runtimeRatios,
  runtimeRatioText,
} from './runtime-compare.ts';
export * from './schema.ts';
export { SchemaError } from './schema-error.ts';
export { type BestCase, bestByThroughput, type Speedup, speedupOf } from './speedup.ts';
export {
  type Interval,
  mean,
  meanInterval95,
  median,
  percentile,
  type Summary,
  sortedCopy,
  summarize,
  summarizeSorted,
  tQuantile975,
  variance,
} from './stats.ts';
export {
  bestCaseName,
  entryStatus,
  type InputRow,
  inputCell,
  type MicroRow,
  microCell,
  type RunSummary,
  type StatusRow,
  summarizeRun,
  type WorkloadCells,
  type WorkloadRow,
  workloadCells,
} from './summary.ts';
export { type Sweep, type SweepCase, type SweepPointFigures, type SweepSeries, sweepsOf } from './sweeps.ts';
export { UNKNOWN_UNIT } from './upgrade.ts';
export {
  fieldPath,
  parseAdapterLine,
  parseCatalogueLine,
  validateCaseResult,
  validateRunFile,
} from './validate.ts';
