import { parseAdapterLine, parseCatalogueLine, SCHEMA_VERSION } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { webPlatform } from '../test-support/web-platform.ts';
import { parseAdapterArgs } from './args.ts';
import { defineScenario } from './define-scenario.ts';
import { runMain } from './main.ts';
import type { Scenario } from './scenario.ts';

const params = { quick: { n: 1 }, default: { n: 2 }, full: { n: 3 } };

function workload(id: string): Scenario {
  return defineScenario({
    id,
    label: id,
    description: `${id} fixture`,
    params,
    modes: ['sequential'],
    unit: { singular: 'step', plural: 'steps' },
    cases: (p) => [
      {
        kind: 'workload',
        id: `${id}-case`,
        label: 'one unit',
        mode: 'sequential',
        variant: 'loop',
        units: Number(p.n),
        concurrency: 1,
        unitMs: null,
        run: async (ctx) => {
          for (let i = 0; i < Number(p.n); i++) ctx.timeSync(() => i);
        },
      },
    ],
  });
}

const broken = defineScenario({
  id: 'broken',
  label: 'broken',
  description: 'throws',
  params,
  modes: [],
  unit: { singular: 'operation', plural: 'operations' },
  requires: ['postgres'],
  hidden: true,
  cases: () => {
    throw new Error('cannot build cases');
  },
});

const catalogue = [workload('alpha'), workload('beta'), broken];

async function main(argv: string[]) {
  const lines: string[] = [];
  const code = await runMain(webPlatform(), catalogue, argv, (l) => lines.push(l));
  return { code, lines, parsed: lines.map((l) => JSON.parse(l)) };
}

describe('parseAdapterArgs', () => {
  it('parses flags in both spellings and defaults', () => {
    expect(parseAdapterArgs([])).toEqual({
      kind: 'run',
      scenarios: null,
      profile: 'default',
      seed: 1,
      params: null,
      cases: null,
      microAlone: false,
    });
    expect(
      parseAdapterArgs([
        '--scenarios',
        'a,b',
        '--profile=quick',
        '--seed',
        '42',
        '--params',
        '{"n":4,"s":"x"}',
      ]),
    ).toEqual({
      kind: 'run',
      scenarios: ['a', 'b'],
      profile: 'quick',
      seed: 42,
      params: { n: 4, s: 'x' },
      cases: null,
      microAlone: false,
    });
    expect(parseAdapterArgs(['--scenarios', 'a', '--cases', 'x,y', '--micro-alone'])).toMatchObject({
      cases: ['x', 'y'],
      microAlone: true,
    });
    expect(parseAdapterArgs(['--list'])).toEqual({ kind: 'list' });
  });

  it('names the problem in one line', () => {
    expect(() => parseAdapterArgs(['--profile', 'slow'])).toThrow(
      'unknown profile "slow" (expected quick, default, full)',
    );
    expect(() => parseAdapterArgs(['--seed', '-1'])).toThrow(/--seed must be an integer/);
    expect(() => parseAdapterArgs(['--seed', '1.5'])).toThrow(/--seed must be an integer/);
    expect(() => parseAdapterArgs(['--scenarios'])).toThrow('--scenarios needs a value');
    expect(() => parseAdapterArgs(['--verbose'])).toThrow('unknown argument "--verbose"');
    expect(() => parseAdapterArgs(['--params', '[1]'])).toThrow('--params must be a JSON object');
    expect(() => parseAdapterArgs(['--cases', 'x'])).toThrow('--cases needs exactly one scenario');
    expect(() => parseAdapterArgs(['--scenarios', 'a,b', '--cases', 'x'])).toThrow(
      '--cases needs exactly one scenario',
    );
    expect(() => parseAdapterArgs(['--micro-alone=yes'])).toThrow('--micro-alone takes no value');
    expect(() => parseAdapterArgs(['--params', '{"n":{}}'])).toThrow(
      '--params: n must be a finite number, a string or a boolean',
    );
  });
});

describe('runMain', () => {
  it('prints hello, results as they come and done per scenario; every line validates', async () => {
    const { code, lines, parsed } = await main([
      '--scenarios',
      'beta,alpha',
      '--profile',
      'quick',
      '--seed',
      '3',
    ]);
    expect(code).toBe(0);
    expect(parsed.map((l) => l.type)).toEqual(['hello', 'result', 'done', 'result', 'done']);
    expect(parsed[0]).toEqual({
      type: 'hello',
      schemaVersion: SCHEMA_VERSION,
      runtime: 'node',
      version: '0.0.0-test',
    });
    expect(parsed[1].result).toMatchObject({ scenario: 'beta', case: 'beta-case', params: { n: 1 } });
    expect(parsed[2]).toMatchObject({ type: 'done', scenario: 'beta' });
    expect(parsed[4]).toMatchObject({ type: 'done', scenario: 'alpha' });
    for (const l of lines) expect(parseAdapterLine(l)).toEqual(JSON.parse(l));
  });

  it('--micro-alone names the micro cases it left in its done line; --cases runs one of them', async () => {
    const noop = (id: string) => ({ kind: 'micro' as const, id, label: id, variant: 'sync', fn: () => {} });
    const micro = defineScenario({ id: 'micro', params, cases: () => [noop('a'), noop('b'), noop('c')] });
    const run = async (argv: string[]) => {
      const lines: string[] = [];
      expect(await runMain(webPlatform(), [micro], argv, (l) => lines.push(l))).toBe(0);
      return lines.map((l) => parseAdapterLine(l));
    };
    const first = await run(['--scenarios', 'micro', '--profile', 'quick', '--micro-alone']);
    expect(first.map((l) => (l.type === 'result' ? l.result.case : l.type))).toEqual(['hello', 'a', 'done']);
    expect(first[2]).toMatchObject({ type: 'done', deferred: ['b', 'c'] });
    const alone = await run(['--scenarios', 'micro', '--profile', 'quick', '--micro-alone', '--cases', 'c']);
    expect(alone.map((l) => (l.type === 'result' ? l.result.case : l.type))).toEqual(['hello', 'c', 'done']);
    expect(alone[2]).not.toHaveProperty('deferred');
  });

  it('runs every non-hidden scenario when none is named', async () => {
    const { code, parsed } = await main(['--profile', 'quick']);
    expect(code).toBe(0);
    expect(parsed.filter((l) => l.type === 'done').map((l) => l.scenario)).toEqual(['alpha', 'beta']);
  });

  it('reports a throwing scenario as scenario-error, keeps going, exits 1', async () => {
    const { code, parsed } = await main(['--scenarios', 'broken,alpha', '--profile', 'quick']);
    expect(code).toBe(1);
    expect(parsed.map((l) => l.type)).toEqual(['hello', 'scenario-error', 'result', 'done']);
    expect(parsed[1]).toMatchObject({ scenario: 'broken', message: 'cannot build cases' });
    expect(parsed[1].stack).toContain('cannot build cases');
  });

  it('skips a scenario that requires what the platform lacks, with the reason, and runs the rest', async () => {
    const needsFiles = defineScenario({ ...workload('gamma'), requires: ['files'] });
    const platform = { ...webPlatform(), lacks: { files: 'a browser page has no file system' } };
    const lines: string[] = [];
    const argv = ['--scenarios', 'gamma,alpha', '--profile', 'quick'];
    const code = await runMain(platform, [...catalogue, needsFiles], argv, (l) => lines.push(l));
    expect(code).toBe(0);
    const parsed = lines.map((l) => parseAdapterLine(l));
    expect(parsed.map((l) => l.type)).toEqual(['hello', 'skipped', 'result', 'done']);
    expect(parsed[1]).toEqual({
      type: 'skipped',
      scenario: 'gamma',
      reason: 'needs files: a browser page has no file system',
    });
    // Where nothing is lacking, the same scenario runs.
    const full: string[] = [];
    await runMain(webPlatform(), [needsFiles], ['--profile', 'quick'], (l) => full.push(l));
    expect(full.map((l) => JSON.parse(l).type)).toEqual(['hello', 'result', 'done']);
  });

  it('exits 2 with one fatal line naming valid ids for unknown scenarios', async () => {
    const { code, parsed } = await main(['--scenarios', 'alpha,nope']);
    expect(code).toBe(2);
    expect(parsed.map((l) => l.type)).toEqual(['hello', 'fatal']);
    expect(parsed[1].message).toBe('unknown scenario nope (valid: alpha, beta, broken)');
  });

  it('exits 2 with a fatal line for bad flags', async () => {
    const { code, parsed } = await main(['--profile', 'huge']);
    expect(code).toBe(2);
    expect(parsed[1]).toEqual({
      type: 'fatal',
      message: 'unknown profile "huge" (expected quick, default, full)',
    });
  });

  it("runs with --params in place of the profile's values, and records them", async () => {
    const { code, parsed } = await main([
      '--scenarios',
      'alpha',
      '--profile',
      'quick',
      '--params',
      '{"n":5}',
    ]);
    expect(code).toBe(0);
    expect(parsed[1].result).toMatchObject({ scenario: 'alpha', params: { n: 5 } });
    expect(parsed[1].result.workload.units).toBe(5);
  });

  it('exits 2 before running anything when --params names an unknown parameter or a bad type', async () => {
    const unknown = await main(['--scenarios', 'alpha', '--params', '{"m":5}']);
    expect(unknown.code).toBe(2);
    expect(unknown.parsed.map((l) => l.type)).toEqual(['hello', 'fatal']);
    expect(unknown.parsed[1].message).toBe('scenario "alpha" has no parameter "m" (valid: n)');
    const wrongType = await main(['--scenarios', 'alpha', '--params', '{"n":"five"}']);
    expect(wrongType.code).toBe(2);
    expect(wrongType.parsed[1].message).toBe('scenario "alpha": parameter n takes a number, got "five"');
  });

  it('--list prints one catalogue line per scenario, hidden ones flagged', async () => {
    const { code, lines, parsed } = await main(['--list']);
    expect(code).toBe(0);
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual({
      id: 'alpha',
      label: 'alpha',
      description: 'alpha fixture',
      modes: ['sequential'],
      params,
      unit: { singular: 'step', plural: 'steps' },
      requires: [],
      hidden: false,
    });
    expect(parsed[2]).toMatchObject({
      id: 'broken',
      hidden: true,
      requires: ['postgres'],
    });
    for (const l of lines) expect(parseCatalogueLine(l)).toEqual(JSON.parse(l));
    expect(() =>
      parseCatalogueLine(
        '{"id":"x","label":"x","description":"","modes":[],"params":{},"unit":{"singular":"a","plural":"as"},"requires":[],"hidden":false}',
      ),
    ).toThrow('catalogue line: params.quick: missing');
  });
});
