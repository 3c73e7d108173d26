/**
 * @asyncbench/harness/adapter-kit — the runtime-neutral glue every adapter shares: the blocking GET
 * protocol over a helper worker, what every HTTP target answers, the SQLite worker pool, the
 * Atomics.wait sleep, input events on a steady schedule, the yielders detected by feature, the
 * parent watch, Web Worker glue. Web-standard APIs only; each adapter supplies how its workers
 * start and talk. Adapter code, not scenario code: it is bundled into each adapter's own main.js
 * and worker files, never into the shared scenarios.js.
 */

export { createBlockingSleep } from './blocking-sleep.ts';
export {
  answerGet,
  blockingGetVia,
  createGetBuffer,
  type GetWorker,
  lazyBlockingGet,
} from './get-protocol.ts';
export { BODY, delayOf } from './http-server-protocol.ts';
export {
  answerInputRequests,
  type InputMessage,
  type InputRequest,
  type InputWorkerPort,
  inputStreamOver,
  sharedClock,
  steadyTicker,
} from './input-events.ts';
export {
  exitWhenParentGone,
  PARENT_GONE_EXIT_CODE,
  PARENT_PIPE_ENV,
  type ParentWatch,
} from './parent-watch.ts';
export {
  CATALOGUE_MODULE,
  type ScenarioModule,
  takeBundleArg,
} from './scenario-module.ts';
export {
  createSqlitePool,
  describeSqliteDriver,
  type SqliteReply,
  type SqliteRequest,
  type SqliteWorkerPort,
  serveSqlite,
} from './sqlite-pool.ts';
export {
  answerInputRequestsInWorker,
  answerSqliteRequests,
  inputWorkerPort,
  nextWorkerMessage,
  sqliteWorkerPort,
} from './web-worker.ts';
export { detectYielders } from './yielders.ts';
