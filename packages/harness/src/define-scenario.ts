import { MODES, type Params, PROFILES, REQUIREMENTS, type Scenario, type UnitNoun } from './scenario.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True when id is kebab-case: lowercase letters and digits in groups joined by single hyphens. */
export function isKebabCase(id: string): boolean {
  return KEBAB.test(id);
}

/**
 * Declares a scenario: checks it and returns it unchanged. Throws an Error naming the scenario
 * and the problem when the id is not kebab-case, a profile's params are missing or hold
 * something other than finite numbers, strings and booleans, a mode is unknown, the unit noun is
 * missing or a requirement is unknown. Checking at
 * definition time means a broken catalogue fails on import, before any runtime is started.
 */
export function defineScenario<P extends Params>(def: Scenario<P>): Scenario<P> {
  const name = typeof def?.id === 'string' ? `scenario "${def.id}"` : 'scenario';
  const fail = (problem: string): never => {
    throw new Error(`defineScenario: ${name}: ${problem}`);
  };
  if (typeof def?.id !== 'string' || !isKebabCase(def.id)) {
    fail('id must be kebab-case (e.g. "gather" or "queue-workers")');
  }
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
    const params: unknown = def.params[profile];
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
  return def;
}
