import { describe, expect, it } from 'vitest';

/** Proves which runtime this suite ran on (the npm script says which it expects). */
function detectRuntime(g: Record<string, unknown> = globalThis as never): string {
  if (typeof g.Bun !== 'undefined') return 'bun';
  if (typeof g.Deno !== 'undefined') return 'deno';
  if (typeof (g.process as { versions?: { node?: string } } | undefined)?.versions?.node === 'string')
    return 'node';
  return 'unknown';
}

describe('runtime', () => {
  it('runs on the runtime the test script asked for', () => {
    const expected = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
      .ASYNCBENCH_EXPECT_RUNTIME;
    expect(expected, 'ASYNCBENCH_EXPECT_RUNTIME must be set by the npm script').toBeTruthy();
    expect(detectRuntime()).toBe(expected);
  });
});
