import {
  MODES,
  type Params,
  PROFILES,
  type ProfileName,
  REQUIREMENTS,
  type Scenario,
  type ScenarioInput,
  type UnitNoun,
} from './scenario.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when id is kebab-case: lowercase letters and digits in groups joined by single hyphens. */
export function isKebabCase(id: string): boolean {
  return KEBAB.test(id);
}

/** What one unit is when a micro-only scenario does not say: one call of the measured function. */
export const OPERATION: UnitNoun = { singular: 'operation', plural: 'operations' };

/**
 * Declares a scenario: fills in the optional parts (see ScenarioInput), checks it and returns it. A
 * Scenario given in full comes back unchanged (the same object). Throws an Error naming the
 * scenario and the problem when the id is not kebab-case, a profile's params are missing or hold
 * something other than finite numbers, strings and booleans, a mode is unknown, a scenario with
 * modes names no unit, a requirement is unknown, or a param rule names no numeric parameter or
 * refuses its own listed value. Checking at definition time means a broken catalogue (or user
 * file) fails on import, before any runtime is started.
 */
export function defineScenario<P extends Params>(input: ScenarioInput<P>): Scenario<P> {
  const name = typeof input?.id === 'string' ? `scenario "${input.id}"` : 'scenario';
  const fail = (problem: string): never => {
    throw new Error(`defineScenario: ${name}: ${problem}`);
  };
  if (typeof input !== 'object' || input === null) fail('expects an object ({ id, cases, ... })');
  if (typeof input.id !== 'string' || !isKebabCase(input.id)) {
    fail('id must be kebab-case (e.g. "gather" or "queue-workers")');
  }
  const def = complete(input, fail);
  if (typeof def.label !== 'string' || def.label === '') fail('label must be a non-empty string');
  if (typeof def.description !== 'string') fail('description must be a string');
  if (typeof def.cases !== 'function') fail('cases must be a function');
  if (!Array.isArray(def.modes)) fail('modes must be an array');
  for (const mode of def.modes) {
    if (!MODES.includes(mode)) fail(`unknown mode "${String(mode)}" (expected one of ${MODES.join(', ')})`);
  }
  const unit: unknown = def.unit;
  const isNoun = (v: unknown) => typeof v === 'string' && v !== '';
  if (
    typeof unit !== 'object' ||
    unit === null ||
    !isNoun((unit as UnitNoun).singular) ||
    !isNoun((unit as UnitNoun).plural)
  ) {
    fail('unit must name one unit of work, e.g. { singular: "request", plural: "requests" }');
  }
  for (const r of def.requires ?? []) {
    if (!REQUIREMENTS.includes(r)) {
      fail(`unknown requirement "${String(r)}" (expected one of ${REQUIREMENTS.join(', ')})`);
    }
  }
  if (typeof def.params !== 'object' || def.params === null) fail('params must hold one object per profile');
  for (const profile of PROFILES) {
    const params: unknown = (def.params as Record<string, unknown>)[profile];
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      fail(`params.${profile} is missing (every scenario needs ${PROFILES.join(', ')})`);
    }
    for (const [key, value] of Object.entries(params as object)) {
      const ok =
        typeof value === 'string' ||
        typeof value === 'boolean' ||
        (typeof value === 'number' && Number.isFinite(value));
      if (!ok) fail(`params.${profile}.${key} must be a finite number, a string or a boolean`);
    }
  }
  checkParamRules(def, fail);
  return def;
}

/** A scenario with every optional part filled in; the input itself when nothing was missing. */
function complete<P extends Params>(input: ScenarioInput<P>, fail: (problem: string) => never): Scenario<P> {
  const modes = input.modes ?? [];
  const params = perProfile(input.params ?? ({} as P), fail);
  if (
    input.label !== undefined &&
    input.description !== undefined &&
    input.modes !== undefined &&
    input.unit !== undefined &&
    params === input.params
  ) {
    return input as Scenario<P>;
  }
  if (input.unit === undefined && Array.isArray(modes) && modes.length > 0) {
    fail('unit must name one unit of work, e.g. { singular: "request", plural: "requests" }');
  }
  return {
    ...input,
    label: input.label ?? input.id,
    description: input.description ?? '',
    params,
    modes,
    unit: input.unit ?? OPERATION,
  };
}

/**
 * `{ n: 1 }` (one set for every profile) -> `{ quick: { n: 1 }, default: { n: 1 }, full: { n: 1 } }`.
 * Per-profile params (any value an object) come back as they are, for the profile check to judge.
 */
function perProfile<P extends Params>(
  params: P | Readonly<Record<ProfileName, P>>,
  fail: (problem: string) => never,
): Readonly<Record<ProfileName, P>> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return fail('params must be an object: one set for every profile, or { quick, default, full }');
  }
  const values = Object.values(params);
  if (values.length > 0 && values.every((v) => typeof v === 'object' && v !== null)) {
    return params as Readonly<Record<ProfileName, P>>;
  }
  return { quick: params as P, default: params as P, full: params as P };
}

/** Each rule names a numeric parameter and accepts that parameter's value in every profile. */
function checkParamRules(def: Scenario, fail: (problem: string) => never): void {
  const rules: Record<string, unknown> = def.paramRules ?? {};
  if (typeof rules !== 'object' || rules === null) fail('paramRules must be an object');
  for (const [key, rule] of Object.entries(rules)) {
    if (typeof rule !== 'object' || rule === null) fail(`paramRules.${key} must be an object`);
    const { integer, min, max } = rule as { integer?: unknown; min?: unknown; max?: unknown };
    if (integer !== undefined && typeof integer !== 'boolean')
      fail(`paramRules.${key}.integer must be a boolean`);
    for (const [bound, v] of [
      ['min', min],
      ['max', max],
    ] as const) {
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
        fail(`paramRules.${key}.${bound} must be a finite number`);
      }
    }
    for (const profile of PROFILES) {
      const value = def.params[profile][key];
      if (typeof value !== 'number') fail(`paramRules.${key}: params.${profile}.${key} is not a number`);
      const n = value as number;
      const refused =
        (integer === true && !Number.isInteger(n)) ||
        (typeof min === 'number' && n < min) ||
        (typeof max === 'number' && n > max);
      if (refused) fail(`paramRules.${key} refuses params.${profile}.${key} = ${n}`);
    }
  }
}
