/**
 * Parameter overrides (`asyncbench run --param name=value`): which names a scenario has, what type
 * and range each value must be, and the parameters a run uses once overrides are applied. The CLI
 * checks `--param` against a scenario's `--list` line with these same functions before anything
 * runs; the adapter checks again (a request it cannot honour is a `fatal` line, exit 2).
 */
import type { ParamRule, Params, ParamValue } from '@asyncbench/results/schema';

export type { ParamRule, ParamValue };

/** `number`, `string` or `boolean`: a parameter's type is that of its value in the listing. */
export type ParamType = 'number' | 'string' | 'boolean';

export function paramType(value: ParamValue): ParamType {
  return typeof value as ParamType;
}

/** `a whole number from 1`, `a number from 0 to 1000`, `true or false`: what a parameter accepts. */
export function describeParam(value: ParamValue, rule: ParamRule | undefined): string {
  const type = paramType(value);
  if (type === 'boolean') return 'true or false';
  if (type === 'string') return 'a string';
  const what = rule?.integer ? 'a whole number' : 'a number';
  if (rule?.min !== undefined && rule.max !== undefined) return `${what} from ${rule.min} to ${rule.max}`;
  if (rule?.min !== undefined) return `${what} from ${rule.min}`;
  if (rule?.max !== undefined) return `${what} up to ${rule.max}`;
  return what;
}

/**
 * Reads one `--param` value as the type of the parameter's listed value (`declared`), within its
 * rule. Returns the value, or a message saying what the parameter accepts.
 */
export function parseParamValue(
  text: string,
  declared: ParamValue,
  rule: ParamRule | undefined,
): { value: ParamValue } | { error: string } {
  switch (paramType(declared)) {
    case 'string':
      return { value: text };
    case 'boolean':
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return { error: 'true or false' };
    case 'number': {
      const n = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim()) ? Number(text) : Number.NaN;
      const error = checkNumber(n, rule);
      return error === null ? { value: n } : { error: describeParam(declared, rule) };
    }
  }
}

function checkNumber(n: number, rule: ParamRule | undefined): string | null {
  if (!Number.isFinite(n)) return 'not a finite number';
  if (rule?.integer && !Number.isInteger(n)) return 'not a whole number';
  if (rule?.min !== undefined && n < rule.min) return `below ${rule.min}`;
  if (rule?.max !== undefined && n > rule.max) return `above ${rule.max}`;
  return null;
}

/**
 * Checks overrides already typed (the adapter's `--params` JSON) against a scenario's parameters:
 * null when every name exists with a value of the same type within its rule, else one line naming
 * the problem and the valid names.
 */
export function checkOverrides(
  scenario: string,
  params: Params,
  rules: Readonly<Record<string, ParamRule>> | undefined,
  overrides: Params,
): string | null {
  const names = Object.keys(params);
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(params, name)) {
      return `scenario "${scenario}" has no parameter "${name}" (${names.length > 0 ? `valid: ${names.join(', ')}` : 'it has none'})`;
    }
    const declared = params[name]!;
    const rule = rules?.[name];
    const bad =
      paramType(value) !== paramType(declared) ||
      (typeof value === 'number' && checkNumber(value, rule) !== null);
    if (bad) {
      return `scenario "${scenario}": parameter ${name} takes ${describeParam(declared, rule)}, got ${JSON.stringify(value)}`;
    }
  }
  return null;
}

/** `{ concurrency: 8, unitMs: 11.5 }` -> `concurrency=8 unitMs=11.5`. */
export function formatParams(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
