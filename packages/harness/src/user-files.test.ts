import { parseCatalogueLine } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { webPlatform } from '../test-support/web-platform.ts';
import { defineScenario } from './define-scenario.ts';
import { bench, fileScenarioId, loadUserFiles, userMain } from './user-files.ts';

const scenario = (id: string) => defineScenario({ id, params: { n: 1 }, cases: () => [] });

describe('fileScenarioId', () => {
  it('names a file scenario after the file, kebab-case', () => {
    expect(fileScenarioId('bench/json.bench.ts')).toBe('json');
    expect(fileScenarioId('C:\\b\\JSON Parse.bench.mts')).toBe('json-parse');
    expect(fileScenarioId('x/__.ts')).toBe('bench');
  });
});

describe('loadUserFiles', () => {
  it("collects default exports (one or an array) and each file's bench() calls as one scenario", async () => {
    const loaded = await loadUserFiles([
      { file: 'a.bench.ts', load: async () => ({ default: scenario('alpha') }) },
      { file: 'b.bench.ts', load: async () => ({ default: [scenario('beta'), scenario('gamma')] }) },
      {
        file: 'json.bench.ts',
        load: async () => {
          bench('JSON.parse', () => JSON.parse('{}'));
          bench('JSON.parse', () => JSON.parse('[]'));
          return {};
        },
      },
    ]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.catalogue.map((s) => s.id)).toEqual(['alpha', 'beta', 'gamma', 'json']);
    const json = loaded.catalogue[3]!;
    expect(json).toMatchObject({ label: 'json.bench.ts', modes: [], unit: { singular: 'operation' } });
    const cases = await json.cases({}, webPlatform());
    expect(cases.map((c) => [c.id, c.label, c.kind])).toEqual([
      ['json-parse', 'JSON.parse', 'micro'],
      ['json-parse-2', 'JSON.parse', 'micro'],
    ]);
  });

  it('takes a CommonJS module\'s empty exports (a "type": "commonjs" package) as no default export', async () => {
    const loaded = await loadUserFiles([
      {
        file: 'cjs.bench.ts',
        load: async () => {
          bench('sum', () => 1 + 1);
          return { default: {} };
        },
      },
      { file: 'cjs-empty.ts', load: async () => ({ default: {} }) },
    ]);
    expect(loaded.catalogue.map((s) => s.id)).toEqual(['cjs']);
    expect(loaded.errors).toEqual([
      'cjs-empty.ts: exports nothing usable (export default defineScenario({...}) or an array of them, or call bench(name, fn))',
    ]);
  });

  it('gives one line naming the file for each unusable file, and keeps the others', async () => {
    const loaded = await loadUserFiles([
      {
        file: 'throws.ts',
        load: async () => {
          throw new TypeError('x is not a function');
        },
      },
      { file: 'empty.ts', load: async () => ({}) },
      { file: 'wrong.ts', load: async () => ({ default: 42 }) },
      { file: 'bad-id.ts', load: async () => ({ default: { id: 'Bad Id', cases: () => [] } }) },
      { file: 'ok.ts', load: async () => ({ default: scenario('alpha') }) },
      { file: 'dup.ts', load: async () => ({ default: scenario('alpha') }) },
    ]);
    expect(loaded.catalogue.map((s) => s.id)).toEqual(['alpha']);
    expect(loaded.errors).toEqual([
      'throws.ts: throws while loading: TypeError: x is not a function',
      'empty.ts: exports nothing usable (export default defineScenario({...}) or an array of them, or call bench(name, fn))',
      'wrong.ts: the default export is not a scenario (export default defineScenario({ id, cases, ... }))',
      'bad-id.ts: default export: defineScenario: scenario "Bad Id": id must be kebab-case (e.g. "gather" or "queue-workers")',
      'dup.ts: scenario id "alpha" is already used by ok.ts (ids must be unique in a run)',
    ]);
  });

  it('bench() outside a loading file registers nothing and refuses bad arguments', async () => {
    bench('stray', () => 1);
    const loaded = await loadUserFiles([{ file: 'e.ts', load: async () => ({}) }]);
    expect(loaded.catalogue).toEqual([]);
    expect(() => bench('', () => 1)).toThrow(TypeError);
    expect(() => bench('x', 1 as never)).toThrow('bench("x", fn): fn must be a function');
  });
});

describe('userMain', () => {
  it("lists the files' scenarios, or answers a fatal line and exit 2 when a file is unusable", async () => {
    const ok = await loadUserFiles([{ file: 'a.ts', load: async () => ({ default: scenario('alpha') }) }]);
    const lines: string[] = [];
    expect(await userMain(ok)(webPlatform(), [], ['--list'], (l) => lines.push(l))).toBe(0);
    expect(parseCatalogueLine(lines[0]!)).toMatchObject({ id: 'alpha', params: { quick: { n: 1 } } });

    const bad = await loadUserFiles([{ file: 'b.ts', load: async () => ({}) }]);
    const out: string[] = [];
    expect(await userMain(bad)(webPlatform(), [], ['--list'], (l) => out.push(l))).toBe(2);
    expect(JSON.parse(out[0]!)).toMatchObject({
      type: 'fatal',
      message: expect.stringMatching(/^b\.ts: exports nothing/),
    });
  });
});
