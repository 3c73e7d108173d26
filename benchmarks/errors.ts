/**
 * `errors`: what the failure path costs. A throw captures a stack; a rejection adds a trip through
 * the microtask queue; gather() and TaskGroup add collecting (and, for the group, cancelling) on
 * top. Each case catches what it raises, so every operation ends in the same state it began.
 */
import { gather, sleep, TaskGroup } from '@asyncbench/core';
import { defineScenario, type MicroCase } from '@asyncbench/harness';
import { COUNT, times } from './support.ts';

export type ErrorsParams = {
  /** Awaitables per gather / TaskGroup; exactly one of them fails. */
  size: number;
};

function fail(): never {
  throw new Error('expected failure');
}

async function rejectLater(): Promise<never> {
  fail();
}

async function trivial(): Promise<number> {
  return 1;
}

/**
 * Runs a TaskGroup of size children, the middle one failing and the rest running sibling(), and
 * resolves with the group's ExceptionGroup; a group that does not raise is a broken core.
 */
async function expectGroupFailure(
  size: number,
  sibling: (signal: AbortSignal) => Promise<unknown>,
): Promise<unknown> {
  const failing = Math.floor(size / 2);
  try {
    await TaskGroup.run((group) => {
      for (let i = 0; i < size; i++) group.createTask(i === failing ? rejectLater : sibling);
    });
  } catch (err) {
    return err;
  }
  throw new Error('errors: a TaskGroup with a failing child did not raise');
}

/** size awaitables, the middle one failing: some finish before it, some after. */
function oneFails(size: number): Promise<number>[] {
  const failing = Math.floor(size / 2);
  return times(size, (i) => (i === failing ? rejectLater() : trivial()));
}

export function errorsCases(p: ErrorsParams): MicroCase[] {
  const { size } = p;
  return [
    {
      kind: 'micro',
      id: 'throw-catch',
      label: 'throw an Error and catch it, synchronously',
      variant: 'sync',
      fn: () => {
        try {
          fail();
        } catch (err) {
          return err;
        }
      },
    },
    {
      kind: 'micro',
      id: 'reject-catch',
      label: 'await a rejecting async call and catch it',
      variant: 'async',
      fn: async () => {
        try {
          await rejectLater();
        } catch (err) {
          return err;
        }
      },
    },
    {
      kind: 'micro',
      id: `all-settled-${size}-one-fails`,
      label: `Promise.allSettled of ${size}, one rejecting (baseline)`,
      variant: 'native',
      fn: () => Promise.allSettled(oneFails(size)),
    },
    {
      kind: 'micro',
      id: `gather-${size}-one-fails`,
      label: `gather() with returnExceptions of ${size}, one rejecting`,
      variant: 'core',
      fn: () => gather(oneFails(size), { returnExceptions: true }),
    },
    {
      kind: 'micro',
      id: `task-group-${size}-ok`,
      label: `TaskGroup of ${size} children, none failing (baseline)`,
      variant: 'core',
      fn: () =>
        TaskGroup.run((group) => {
          for (let i = 0; i < size; i++) group.createTask(trivial);
        }),
    },
    {
      kind: 'micro',
      id: `task-group-${size}-one-fails`,
      label: `TaskGroup of ${size} children, one failing`,
      variant: 'core',
      fn: () => expectGroupFailure(size, trivial),
    },
    {
      kind: 'micro',
      id: `task-group-${size}-one-fails-cancels`,
      label: `TaskGroup of ${size} children, one failing while the others wait (they are cancelled)`,
      variant: 'core',
      // The siblings sleep far longer than any sample: the case only finishes because the group
      // cancels them, so this prices the whole failure path, abort signals and cleared timers included.
      fn: () => expectGroupFailure(size, (signal) => sleep(60_000, { signal })),
    },
  ];
}

export const errors = defineScenario<ErrorsParams>({
  id: 'errors',
  label: 'Errors: the cost of failing',
  description:
    'A synchronous throw/catch, a rejected promise caught after await, a gather() with returnExceptions ' +
    'and a TaskGroup whose child fails (once with siblings already done, once with siblings it must ' +
    'cancel), each beside its success or native baseline. A throw is cheap next to I/O but not free: ' +
    'it captures a stack.',
  params: {
    quick: { size: 10 },
    default: { size: 10 },
    full: { size: 10 },
  },
  paramRules: { size: COUNT },
  modes: [],
  unit: { singular: 'operation', plural: 'operations' },
  cases: (params) => errorsCases(params),
});
