import { describe, expect, it } from 'vitest';
import { checkOverrides, describeParam, formatParams, parseParamValue } from './params.ts';

describe('parseParamValue', () => {
  it('reads a value as the type of the listed value', () => {
    expect(parseParamValue('11.5', 10, undefined)).toEqual({ value: 11.5 });
    expect(parseParamValue('-2', 10, undefined)).toEqual({ value: -2 });
    expect(parseParamValue('1e3', 10, undefined)).toEqual({ value: 1000 });
    expect(parseParamValue('true', false, undefined)).toEqual({ value: true });
    expect(parseParamValue('8', 'text', undefined)).toEqual({ value: '8' });
  });

  it('refuses what the type or the rule does not allow, saying what is allowed', () => {
    const count = { integer: true, min: 1 };
    expect(parseParamValue('0', 4, count)).toEqual({ error: 'a whole number from 1' });
    expect(parseParamValue('2.5', 4, count)).toEqual({ error: 'a whole number from 1' });
    expect(parseParamValue('abc', 4, undefined)).toEqual({ error: 'a number' });
    expect(parseParamValue('Infinity', 4, undefined)).toEqual({ error: 'a number' });
    expect(parseParamValue('', 4, undefined)).toEqual({ error: 'a number' });
    expect(parseParamValue('yes', true, undefined)).toEqual({ error: 'true or false' });
    expect(parseParamValue('101', 4, { max: 100 })).toEqual({ error: 'a number up to 100' });
    expect(describeParam(4, { min: 0, max: 1 })).toBe('a number from 0 to 1');
  });
});

describe('checkOverrides', () => {
  const params = { units: 40, unitMs: 5, label: 'x' };
  const rules = { units: { integer: true, min: 1 } };

  it('accepts known names with values of their type within their rule', () => {
    expect(checkOverrides('timers', params, rules, { units: 8, unitMs: 5.75, label: 'y' })).toBeNull();
  });

  it('names the unknown parameter and the valid ones, or the type expected', () => {
    expect(checkOverrides('timers', params, rules, { n: 1 })).toBe(
      'scenario "timers" has no parameter "n" (valid: units, unitMs, label)',
    );
    expect(checkOverrides('timers', params, rules, { units: 0.5 })).toBe(
      'scenario "timers": parameter units takes a whole number from 1, got 0.5',
    );
    expect(checkOverrides('timers', params, rules, { label: 3 })).toBe(
      'scenario "timers": parameter label takes a string, got 3',
    );
    expect(checkOverrides('empty', {}, undefined, { n: 1 })).toBe(
      'scenario "empty" has no parameter "n" (it has none)',
    );
  });

  it('formats params as name=value pairs', () => {
    expect(formatParams({ concurrency: 8, unitMs: 11.5 })).toBe('concurrency=8 unitMs=11.5');
  });
});
