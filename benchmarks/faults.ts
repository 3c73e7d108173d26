/**
 * Hidden fault fixtures for the CLI's tests: each breaks an adapter process in one known way, so
 * the CLI's handling of crashes, hangs, garbage output and scenario errors can be tested on every
 * runtime with the real entrypoint. Hidden: never listed nor run unless named.
 */
import { defineScenario, type Params, type Scenario } from '@asyncbench/harness';

const NO_PARAMS: Readonly<Record<'quick' | 'default' | 'full', Params>> = {
  quick: {},
  default: {},
  full: {},
};

/** Long enough to outlast any CLI time limit in tests, short enough not to outlive a forgotten process. */
const FOREVER_ISH_MS = 10 * 60_000;

/** Crashes the process with an uncaught error, having printed nothing itself. */
export const faultCrash: Scenario = defineScenario({
  id: 'fault-crash',
  label: 'Fault: crash',
  description: 'Test fixture: an uncaught error thrown from a timer kills the process mid-case.',
  params: NO_PARAMS,
  modes: ['sequential'],
  unit: { singular: 'unit', plural: 'units' },
  hidden: true,
  cases: () => [
    {
      kind: 'workload',
      id: 'crash',
      label: 'uncaught error from a timer',
      mode: 'sequential',
      variant: 'fault',
      units: 1,
      concurrency: 1,
      unitMs: null,
      async run(ctx) {
        // Thrown outside any promise chain, so no runner can catch it: the runtime's uncaught
        // error handler ends the process, as a real crash would.
        setTimeout(() => {
          throw new Error('fault-crash: deliberate crash');
        }, 0);
        await ctx.time(() => new Promise((resolve) => setTimeout(resolve, FOREVER_ISH_MS)));
      },
    },
  ],
});

/** Never finishes: the event loop stays busy-alive and the case awaits a promise that never settles. */
export const faultHang: Scenario = defineScenario({
  id: 'fault-hang',
  label: 'Fault: hang',
  description: 'Test fixture: a case that never finishes, with the event loop kept alive.',
  params: NO_PARAMS,
  modes: ['sequential'],
  unit: { singular: 'unit', plural: 'units' },
  hidden: true,
  cases: () => [
    {
      kind: 'workload',
      id: 'hang',
      label: 'awaits a promise that never settles',
      mode: 'sequential',
      variant: 'fault',
      units: 1,
      concurrency: 1,
      unitMs: null,
      async run(ctx) {
        // Without a live handle some runtimes notice the loop is empty and exit; the interval
        // keeps the process running until the CLI's time limit kills it.
        setInterval(() => {}, 1000);
        await ctx.time(() => new Promise<never>(() => {}));
      },
    },
  ],
});

/** Prints a line that is not JSON on stdout, then finishes normally. */
export const faultGarbage: Scenario = defineScenario({
  id: 'fault-garbage',
  label: 'Fault: garbage output',
  description: 'Test fixture: prints a non-JSON line on stdout, then runs one trivial micro case.',
  params: NO_PARAMS,
  modes: [],
  unit: { singular: 'unit', plural: 'units' },
  hidden: true,
  cases: () => {
    // Printed once, while the cases are built, among the adapter's JSON lines.
    console.log('this is not json {');
    return [{ kind: 'micro', id: 'noop', label: 'an empty function', variant: 'sync', fn: () => undefined }];
  },
});

/** A case that throws: the entrypoint reports a scenario-error. */
export const faultThrow: Scenario = defineScenario({
  id: 'fault-throw',
  label: 'Fault: case throws',
  description:
    'Test fixture: a workload case whose run throws, which the entrypoint reports as scenario-error.',
  params: NO_PARAMS,
  modes: ['sequential'],
  unit: { singular: 'unit', plural: 'units' },
  hidden: true,
  cases: () => [
    {
      kind: 'workload',
      id: 'throw',
      label: 'throws at once',
      mode: 'sequential',
      variant: 'fault',
      units: 1,
      concurrency: 1,
      unitMs: null,
      async run() {
        throw new Error('fault-throw: deliberate failure');
      },
    },
  ],
});

export const faults: readonly Scenario[] = [faultCrash, faultHang, faultGarbage, faultThrow];
