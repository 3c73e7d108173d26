import type { CaseResult, DriverInfo } from '@asyncbench/results/schema';
import { measureMicro } from './micro.ts';
import type { Platform } from './platform.ts';
import { MICRO_BUDGETS, type MicroBudget, WORKLOAD_BUDGETS, type WorkloadBudget } from './profiles.ts';
import type { Case, Params, ProfileName, Scenario } from './scenario.ts';
import { runWorkload } from './workload.ts';

/** Options for runScenario. */
export interface RunOptions {
  profile: ProfileName;
  /** Seeds each workload case's PRNG. */
  seed: number;
  /** Called as each case finishes, before the next starts (to stream results). */
  onResult?(result: CaseResult): void;
  /** Overrides the profile's micro budget (tests use tiny budgets). */
  microBudget?: Partial<MicroBudget>;
  /**
   * Parameter values that replace the profile's (`--param`), already checked with
   * checkOverrides. Results record the parameters as run.
   */
  params?: Params;
  /** Overrides the profile's workload budget (tests use tiny budgets). */
  workloadBudget?: Partial<WorkloadBudget>;
  /** Only the cases with these ids run (in the scenario's order); an id it lacks is an error. */
  cases?: readonly string[];
  /**
   * Each micro case in a process of its own: a micro case runs only when no case was measured
   * before it in this call; the others are skipped and named through onDeferred, for the caller to
   * run each alone (`cases: [id]`) in a fresh process. Why: a micro op's cost depends on the type
   * feedback and compiled code that earlier cases left in shared code (support helpers, core, the
   * runtime's builtins); measured after its scenario's earlier cases, Node's promise-all-10 read
   * 1.2x what it reads alone, and a hand-timed loop shifts the same way (scripts/crosscheck).
   */
  microAlone?: boolean;
  /** With microAlone: the ids of the micro cases not run, in the scenario's order (called once). */
  onDeferred?(caseIds: string[]): void;
}

function checkCaseIds(scenario: Scenario, cases: readonly Case[]): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (typeof c.id !== 'string' || c.id === '') {
      throw new Error(`scenario "${scenario.id}": a case has no id`);
    }
    if (seen.has(c.id)) throw new Error(`scenario "${scenario.id}": duplicate case id "${c.id}"`);
    seen.add(c.id);
  }
}

/**
 * Runs every case of a scenario once, in order, with the profile's parameters, and resolves to
 * one CaseResult per case. Micro cases go through tinybench (measureMicro); workload cases
 * through runWorkload (warm-up rounds, then timed rounds for the profile's WORKLOAD_BUDGETS).
 * platform.gc() (when present) runs before each case so one case's garbage
 * is not collected on the next one's clock. options.cases and options.microAlone narrow what runs.
 * The first failing case rejects the whole run with its error: a partly measured scenario is not
 * a result.
 */
export async function runScenario(
  scenario: Scenario,
  platform: Platform,
  options: RunOptions,
): Promise<CaseResult[]> {
  const profileParams = scenario.params[options.profile];
  if (!profileParams)
    throw new Error(`scenario "${scenario.id}" has no params for profile "${options.profile}"`);
  const params = options.params ? { ...profileParams, ...options.params } : profileParams;
  const budget: MicroBudget = { ...MICRO_BUDGETS[options.profile], ...options.microBudget };
  const workloadBudget: WorkloadBudget = { ...WORKLOAD_BUDGETS[options.profile], ...options.workloadBudget };
  const all = await scenario.cases(params, platform);
  checkCaseIds(scenario, all);
  const cases = options.cases ? selectCases(scenario, all, options.cases) : all;

  const driver = scenario.requires?.includes('sqlite') ? sqliteDriverOf(platform) : undefined;
  const results: CaseResult[] = [];
  const deferred: string[] = [];
  for (const c of cases) {
    if (options.microAlone && c.kind === 'micro' && results.length > 0) {
      deferred.push(c.id);
      continue;
    }
    platform.gc?.();
    const base = { scenario: scenario.id, case: c.id, label: c.label, variant: c.variant, params };
    let result: CaseResult;
    if (c.kind === 'micro') {
      const micro = await measureMicro(c.fn, budget);
      result = { ...base, kind: 'micro', mode: null, micro };
    } else {
      const workload = await runWorkload(c, platform, options.seed, workloadBudget);
      result = { ...base, kind: 'workload', mode: c.mode, workload };
    }
    if (driver) result.driver = driver;
    results.push(result);
    options.onResult?.(result);
  }
  if (options.microAlone) options.onDeferred?.(deferred);
  return results;
}

/** The cases named by ids, in the scenario's order; throws naming an id the scenario lacks. */
function selectCases(scenario: Scenario, cases: readonly Case[], ids: readonly string[]): Case[] {
  const missing = ids.filter((id) => !cases.some((c) => c.id === id));
  if (missing.length > 0) {
    throw new Error(
      `scenario "${scenario.id}" has no case ${missing.join(', ')} (valid: ${cases.map((c) => c.id).join(', ')})`,
    );
  }
  return cases.filter((c) => ids.includes(c.id));
}

/**
 * The SQLite driver to record, or undefined: with no driver the cases fail in their own setup,
 * with the adapter's reason, so that is where the error is reported.
 */
function sqliteDriverOf(platform: Platform): DriverInfo | undefined {
  try {
    return platform.sqliteDriver?.();
  } catch {
    return undefined;
  }
}
