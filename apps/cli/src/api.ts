/**
 * The `asyncbench` package as a library: what a benchmark file imports.
 *
 * ```ts
 * import { bench, defineScenario } from 'asyncbench';
 *
 * bench('JSON.parse', () => JSON.parse(text));          // a micro case, ops/s
 *
 * export default defineScenario({                       // a workload: N units in each mode
 *   id: 'sleepy', unit: { singular: 'wait', plural: 'waits' }, modes: ['sequential', 'concurrent'],
 *   params: { units: 50, unitMs: 5 },
 *   cases: (p) => [...],
 * });
 * ```
 *
 * `asyncbench run my.bench.ts` bundles the file with this module and runs it on every runtime. The
 * primitives (gather, Semaphore, TaskGroup...) are the separate package `@asyncbench/core`.
 */
export {
  bench,
  type Case,
  defineScenario,
  type MicroCase,
  type Mode,
  type ParamRule,
  type Params,
  type Platform,
  type ProfileName,
  type Requirement,
  type Scenario,
  type ScenarioInput,
  type UnitNoun,
  type WorkloadCase,
  type WorkloadContext,
} from '@asyncbench/harness';
