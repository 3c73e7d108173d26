/**
 * @asyncbench/core — asyncio-style primitives for TypeScript, on web-standard APIs only
 * (Promise, AbortSignal, setTimeout, fetch, queueMicrotask). The same code and the same test
 * suite run on Node.js, Deno and Bun alike.
 */

export { asCompleted } from './as-completed.ts';
export { Barrier } from './barrier.ts';
export { Condition } from './condition.ts';
export {
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  InvalidStateError,
  isCancellation,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  TimeoutError,
} from './errors.ts';
export { Event } from './event.ts';
export { type GatherOptions, gather } from './gather.ts';
export { HttpError, HttpSession, type HttpSessionOptions, type RequestOptions } from './http-session.ts';
export {
  type LimitedFunction,
  type Limiter,
  LimiterCleared,
  type LimitOptions,
  type LimitRunOptions,
  limit,
  limitFunction,
} from './limit.ts';
export { Lock } from './lock.ts';
export { LifoQueue, PriorityQueue, Queue, type QueueWaitOptions } from './queue.ts';
export { type AcquireOptions, BoundedSemaphore, Semaphore } from './semaphore.ts';
export { type SleepOptions, sleep } from './sleep.ts';
export { createTask, type Task, type TaskOptions } from './task.ts';
export { TaskGroup, type TaskGroupOptions } from './task-group.ts';
export { type TimeoutOptions, timeout, waitFor } from './timeout.ts';
export { type ReturnWhen, type WaitOptions, type WaitResult, wait } from './wait.ts';
