/**
 * @asyncbench/harness/testing — vitest suites every adapter runs on its own runtime: the Platform
 * contract, the runtime check, the end-to-end run of dist/main.js. Test-only (imports vitest), so it
 * is left out of the harness build; resolved through the "source" condition.
 */

export { describeMainBundle, type MainBundleOptions, type MainRun } from './main-bundle.ts';
export { describePlatformContract, type PlatformContractOptions } from './platform-contract.ts';
export { describeRuntimeCheck, detectRuntime } from './runtime-check.ts';
export { type ScheduledInputOptions, scheduledInputEvents } from './scheduled-input.ts';
