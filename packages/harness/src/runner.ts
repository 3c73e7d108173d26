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
 * is not collected on the next one's clock. The first failing case rejects the whole run with
 * its error: a partly measured scenario is not a result.
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
  const cases = await scenario.cases(params, platform);
  checkCaseIds(scenario, cases);

  const driver = scenario.requires?.includes('sqlite') ? sqliteDriverOf(platform) : undefined;
  const results: CaseResult[] = [];
  for (const c of cases) {
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
  return results;
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
