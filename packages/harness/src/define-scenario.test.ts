import { describe, expect, it } from 'vitest';
import { defineScenario, isKebabCase, OPERATION } from './define-scenario.ts';
import type { Scenario } from './scenario.ts';

const base: Scenario<{ n: number }> = {
  id: 'gather-basic',
  label: 'Gather',
  description: 'test',
  params: { quick: { n: 1 }, default: { n: 2 }, full: { n: 3 } },
  modes: ['concurrent'],
  unit: { singular: 'timer wait', plural: 'timer waits' },
  requires: ['postgres'],
  cases: () => [],
};

describe('defineScenario', () => {
  it('returns the scenario unchanged when it is well formed', () => {
    expect(defineScenario(base)).toBe(base);
  });

  it('rejects ids that are not kebab-case, naming the id', () => {
    for (const id of ['Gather', 'gather_basic', '-gather', 'gather-', 'ga--ther', '', 'gather basic']) {
      expect(() => defineScenario({ ...base, id })).toThrow(/kebab-case/);
    }
    expect(() => defineScenario({ ...base, id: 'Bad_Id' })).toThrow(/scenario "Bad_Id"/);
    expect(isKebabCase('queue-2-workers')).toBe(true);
  });

  it('requires params for quick, default and full', () => {
    const params = { quick: { n: 1 }, default: { n: 2 } } as unknown as Scenario<{ n: number }>['params'];
    expect(() => defineScenario({ ...base, params })).toThrow(/params\.full is missing/);
  });

  it('rejects non-plain param values and unknown modes', () => {
    const params = { ...base.params, quick: { n: Number.NaN } };
    expect(() => defineScenario({ ...base, params })).toThrow(/params\.quick\.n/);
    expect(() => defineScenario({ ...base, modes: ['parallel' as never] })).toThrow(
      /unknown mode "parallel"/,
    );
  });

  it('requires a unit noun and known requirements', () => {
    const noUnit = { ...base, unit: undefined } as unknown as Scenario<{ n: number }>;
    expect(() => defineScenario(noUnit)).toThrow(/scenario "gather-basic": unit must name one unit of work/);
    expect(() => defineScenario({ ...base, unit: { singular: 'request', plural: '' } })).toThrow(/unit must/);
    const requires = ['mysql' as never];
    expect(() => defineScenario({ ...base, requires })).toThrow(
      /unknown requirement "mysql" \(expected one of sqlite, postgres, files, input-events\)/,
    );
  });
});

describe('defineScenario, the short form (user files)', () => {
  const cases = () => [];

  it('takes one set of params for every profile and fills label, description, modes and unit', () => {
    const s = defineScenario({ id: 'tiny', params: { n: 4 }, cases });
    expect(s.params).toEqual({ quick: { n: 4 }, default: { n: 4 }, full: { n: 4 } });
    expect(s).toMatchObject({ label: 'tiny', description: '', modes: [], unit: OPERATION });
    expect(defineScenario({ id: 'none', cases }).params).toEqual({ quick: {}, default: {}, full: {} });
  });

  it('still needs a unit when the scenario has workload modes', () => {
    expect(() => defineScenario({ id: 'w', modes: ['concurrent'], cases })).toThrow(
      'defineScenario: scenario "w": unit must name one unit of work',
    );
  });

  it('checks param rules against the declared values', () => {
    const rules = (paramRules: Record<string, unknown>) => () =>
      defineScenario({ id: 'r', params: { c: 4, s: 'x' }, paramRules, cases } as never);
    expect(rules({ c: { integer: true, min: 1 } })).not.toThrow();
    expect(rules({ c: { min: 8 } })).toThrow('paramRules.c refuses params.quick.c = 4');
    expect(rules({ s: { min: 1 } })).toThrow('paramRules.s: params.quick.s is not a number');
    expect(rules({ c: { max: 'ten' } })).toThrow('paramRules.c.max must be a finite number');
  });
});
