/**
 * A first suite that proves which runtime the tests ran on (the npm script says which it expects), as
 * tinybench's check-runtime does. Test-only; looks at globalThis's shape, never calls a runtime API.
 */
import { describe, expect, it } from 'vitest';
import type { RuntimeName } from '../src/platform.ts';

/** Which runtime `g` belongs to, from the globals each one defines (Bun and Deno also have `process`). */
export function detectRuntime(g: Record<string, unknown> = globalThis as never): RuntimeName | 'unknown' {
  if (typeof g.Bun !== 'undefined') return 'bun';
  if (typeof g.Deno !== 'undefined') return 'deno';
  if (typeof (g.process as { versions?: { node?: string } } | undefined)?.versions?.node === 'string')
    return 'node';
  return 'unknown';
}

/**
 * Declares the `runtime` suite: `expected` (ASYNCBENCH_EXPECT_RUNTIME, read by the caller) must name
 * `runtime`, and the code must really be running there.
 */
export function describeRuntimeCheck(runtime: RuntimeName, expected: string | undefined): void {
  describe('runtime', () => {
    it('runs on the runtime the test script asked for', () => {
      expect(expected, 'ASYNCBENCH_EXPECT_RUNTIME must be set by the npm script').toBe(runtime);
      expect(detectRuntime()).toBe(expected);
    });
  });
}
