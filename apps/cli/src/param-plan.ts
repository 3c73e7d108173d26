/**
 * `--param` against the scenarios a run covers: each name must be a parameter of at least one of
 * them, each value of that parameter's type and within its rule (the scenario's `--list` line), or
 * the run stops here with one line naming what is valid. A parameter applies to every chosen
 * scenario that has it. A swept parameter (several values) turns each scenario that has it into
 * one point per value, each run as its own set of processes and recorded as its own scenario
 * (`timers[concurrency=8]`, with `sweep` saying which scenario, parameter and value).
 */
import {
  describeParam,
  formatParams,
  type ParamRule,
  type ParamValue,
  parseParamValue,
} from '@asyncbench/harness';
import type { Params, ProfileName, ScenarioInfo } from '@asyncbench/results';
import type { ParamArg } from './args.ts';
import { type ListedScenario, scenarioInfo } from './catalogue.ts';
import { choices, UsageError } from './errors.ts';

/** One scenario as a run executes it: which catalogue scenario, with which parameter values. */
export interface PlannedScenario {
  /** The scenario as listed by the adapter. */
  listed: ListedScenario;
  /** What the results file records: unique id, params as run, overrides and sweep point. */
  info: ScenarioInfo;
  /** Passed to the adapter as `--params`; null when nothing is overridden. */
  overrides: Params | null;
}

/** `timers` + `concurrency=8` -> `timers[concurrency=8]`: a sweep point's id in results. */
export function sweepPointId(scenario: string, param: string, value: ParamValue): string {
  return `${scenario}[${param}=${value}]`;
}

function rulesOf(s: ListedScenario): Record<string, ParamRule> {
  return s.paramRules ?? {};
}

/** Every parameter name of the chosen scenarios, for "valid: ..." lines. */
function validNames(scenarios: readonly ListedScenario[], profile: ProfileName): string {
  const names = [...new Set(scenarios.flatMap((s) => Object.keys(s.params[profile])))].sort();
  return names.length > 0 ? choices(names) : 'none: the chosen scenarios take no parameters';
}

/**
 * Checks `--param` against the chosen scenarios and returns the run's plan: one entry per scenario,
 * or per sweep point of a scenario that has the swept parameter, in the scenarios' order, points in
 * the order the values were given. Throws UsageError (exit 2) on an unknown name or a bad value.
 */
export function planScenarios(
  scenarios: readonly ListedScenario[],
  params: readonly ParamArg[],
  profile: ProfileName,
): PlannedScenario[] {
  // name -> scenario id -> parsed values
  const parsed = new Map<string, Map<string, ParamValue[]>>();
  for (const arg of params) {
    const having = scenarios.filter((s) => Object.hasOwn(s.params[profile], arg.name));
    if (having.length === 0) {
      throw new UsageError(
        `unknown parameter "${arg.name}" for --param (${scenarios.length === 1 ? `${scenarios[0]!.id} takes` : 'valid'}: ${validNames(scenarios, profile)})`,
      );
    }
    const perScenario = new Map<string, ParamValue[]>();
    for (const s of having) {
      const declared = s.params[profile][arg.name]!;
      const rule = rulesOf(s)[arg.name];
      perScenario.set(
        s.id,
        arg.values.map((text) => {
          const r = parseParamValue(text, declared, rule);
          if ('error' in r) {
            throw new UsageError(
              `bad value "${text}" for --param ${arg.name} (in ${s.id} it takes ${describeParam(declared, rule)})`,
            );
          }
          return r.value;
        }),
      );
    }
    parsed.set(arg.name, perScenario);
  }
  const swept = params.find((p) => p.values.length > 1)?.name ?? null;

  const plan: PlannedScenario[] = [];
  for (const s of scenarios) {
    const fixed: Params = {};
    for (const [name, per] of parsed) {
      const values = per.get(s.id);
      if (values && name !== swept) fixed[name] = values[0]!;
    }
    const points = swept === null ? undefined : parsed.get(swept)?.get(s.id);
    if (!points) {
      plan.push(planned(s, profile, fixed, null));
      continue;
    }
    points.forEach((value, index) => {
      plan.push(planned(s, profile, { ...fixed, [swept!]: value }, { param: swept!, value, index }));
    });
  }
  return plan;
}

function planned(
  s: ListedScenario,
  profile: ProfileName,
  overrides: Params,
  point: { param: string; value: ParamValue; index: number } | null,
): PlannedScenario {
  const base = scenarioInfo(s, profile);
  const hasOverrides = Object.keys(overrides).length > 0;
  const info: ScenarioInfo = hasOverrides
    ? { ...base, params: { ...base.params, ...overrides }, overrides }
    : base;
  if (point) {
    info.id = sweepPointId(s.id, point.param, point.value);
    info.label = `${base.label} (${formatParams({ [point.param]: point.value })})`;
    info.sweep = { scenario: s.id, ...point };
  }
  return { listed: s, info, overrides: hasOverrides ? overrides : null };
}
