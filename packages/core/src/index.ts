/**
 * @asyncbench/core — asyncio-style primitives for TypeScript, on web-standard APIs only
 * (Promise, AbortSignal, setTimeout, fetch, queueMicrotask). Runs on Node.js, Deno and Bun.
 */
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
export { sleep, type SleepOptions } from './sleep.ts';
export { gather, type GatherOptions } from './gather.ts';
export { createTask, type Task, type TaskOptions } from './task.ts';
export { TaskGroup } from './task-group.ts';
export { timeout, waitFor } from './timeout.ts';
export { asCompleted } from './as-completed.ts';
export { wait, type WaitOptions, type WaitResult, type ReturnWhen } from './wait.ts';
export { Queue, LifoQueue, PriorityQueue, type QueueWaitOptions } from './queue.ts';
export { Semaphore, BoundedSemaphore, type AcquireOptions } from './semaphore.ts';
export { Lock } from './lock.ts';
export { Event } from './event.ts';
export { Condition } from './condition.ts';
export { Barrier } from './barrier.ts';
export { limit, type Limiter } from './limit.ts';
export { HttpSession, HttpError, type HttpSessionOptions, type RequestOptions } from './http-session.ts';
