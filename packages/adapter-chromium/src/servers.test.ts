import { describe, expect, it } from 'vitest';
import { nodeImports, startHttpTarget, stubModule } from './servers.ts';

describe('nodeImports', () => {
  it('finds each node:* module esbuild imports and the names it takes', () => {
    const code = [
      'import os from "node:os";',
      'import { performance as performance2, PerformanceObserver } from "node:perf_hooks";',
      'import Stream2, { Readable } from "node:stream";',
      'import * as net from "node:net";',
      "import 'node:fs';",
      'import { x } from "./local.js";',
    ].join('\n');
    const found = nodeImports(code);
    expect(Object.fromEntries([...found].map(([k, v]) => [k, [...v].sort()]))).toEqual({
      'node:os': ['default'],
      'node:perf_hooks': ['PerformanceObserver', 'performance'],
      'node:stream': ['Readable', 'default'],
      'node:net': [],
      'node:fs': [],
    });
    expect(stubModule('node:os', new Set(['default', 'userInfo']))).toContain(
      'export const userInfo = stub;',
    );
  });
});

describe('HTTP target', () => {
  it('answers after ?delay= with the shared 64-byte body, readable from another origin', async () => {
    const target = await startHttpTarget();
    try {
      const start = performance.now();
      const response = await fetch(`${target.url}/?delay=20`);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect((await response.arrayBuffer()).byteLength).toBe(64);
      expect(performance.now() - start).toBeGreaterThanOrEqual(19);
    } finally {
      await target.close();
    }
  });
});
