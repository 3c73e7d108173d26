/**
 * `tasks`: what the structured-concurrency helpers cost per use, beside the bare-promise code they
 * replace. Micro cases only: each operation does no I/O, so what is measured is pure overhead.
 */
import { createTask, gather, TaskGroup } from '@asyncbench/core';
import { defineScenario, type MicroCase } from '@asyncbench/harness';
import { COUNT, times } from './support.ts';

export type TasksParams = {
  /** Awaitables per gather / Promise.all. */
  gatherSize: number;
  /** Children per TaskGroup / Promise.all fan-out. */
  fanOut: number;
};

async function trivial(): Promise<number> {
  return 1;
}

export function tasksCases(p: TasksParams): MicroCase[] {
  const { gatherSize: k, fanOut: m } = p;
  return [
    {
      kind: 'micro',
      id: 'await-async-call',
      label: 'await one async function call (baseline)',
      variant: 'native',
      fn: async () => {
        await trivial();
      },
    },
    {
      kind: 'micro',
      id: 'create-task-await',
      label: 'createTask() one async call, then await the task',
      variant: 'core',
      fn: async () => {
        await createTask(trivial);
      },
    },
    {
      kind: 'micro',
      id: `promise-all-${k}`,
      label: `Promise.all of ${k} resolved promises (baseline)`,
      variant: 'native',
      fn: async () => {
        await Promise.all(times(k, () => Promise.resolve(1)));
      },
    },
    {
      kind: 'micro',
      id: `gather-${k}`,
      label: `gather() of ${k} resolved promises`,
      variant: 'core',
      fn: async () => {
        await gather(times(k, () => Promise.resolve(1)));
      },
    },
    {
      kind: 'micro',
      id: `promise-all-fan-out-${m}`,
      label: `Promise.all of ${m} async calls (baseline)`,
      variant: 'native',
      fn: async () => {
        await Promise.all(times(m, trivial));
      },
    },
    {
      kind: 'micro',
      id: `task-group-${m}`,
      label: `TaskGroup with ${m} trivial children`,
      variant: 'core',
      fn: async () => {
        // What structure costs: each child becomes a cancellable task the group waits for.
        await TaskGroup.run((group) => {
          for (let i = 0; i < m; i++) group.createTask(trivial);
        });
      },
    },
  ];
}

export const tasks = defineScenario<TasksParams>({
  id: 'tasks',
  label: 'Tasks: spawn, gather, TaskGroup',
  description:
    'The cost of one createTask() spawn and await, one gather() of resolved promises and one TaskGroup ' +
    'fan-out, each beside the bare-promise code it stands in for (an awaited call, Promise.all). No I/O: ' +
    'the difference is the price of cancellation and structure.',
  params: {
    quick: { gatherSize: 10, fanOut: 100 },
    default: { gatherSize: 10, fanOut: 100 },
    full: { gatherSize: 10, fanOut: 100 },
  },
  paramRules: { gatherSize: COUNT, fanOut: COUNT },
  modes: [],
  unit: { singular: 'operation', plural: 'operations' },
  cases: (params) => tasksCases(params),
});
