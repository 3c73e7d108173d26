import { SCHEMA_VERSION } from '@asyncbench/results/constants';
import type { AdapterLine, CatalogueLine } from '@asyncbench/results/schema';
import { parseAdapterArgs, UsageError } from './args.ts';
import { checkOverrides, type ParamRule } from './params.ts';
import type { Platform } from './platform.ts';
import { runScenario } from './runner.ts';
import type { Scenario } from './scenario.ts';

/** The `--list` line for one scenario (a CatalogueLine of the results schema). */
export function catalogueLine(s: Scenario): CatalogueLine {
  return {
    id: s.id,
    label: s.label,
    description: s.description,
    modes: [...s.modes],
    params: { quick: s.params.quick, default: s.params.default, full: s.params.full },
    unit: { singular: s.unit.singular, plural: s.unit.plural },
    requires: [...(s.requires ?? [])],
    hidden: s.hidden === true,
    ...(s.paramRules ? { paramRules: { ...s.paramRules } as Record<string, ParamRule> } : {}),
  };
}

/** Why `platform` cannot run `scenario` (the first requirement it lacks, with why), or null. */
export function unmetRequirement(scenario: Scenario, platform: Platform): string | null {
  for (const need of scenario.requires ?? []) {
    const why = platform.lacks?.[need];
    if (why !== undefined) return `needs ${need}: ${why}`;
  }
  return null;
}

function errorParts(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) {
    return error.stack ? { message: error.message, stack: error.stack } : { message: error.message };
  }
  return { message: String(error) };
}

/**
 * The entrypoint every adapter's main.ts calls. Speaks the adapter protocol on `write`, one
 * JSON object per line:
 * - `--list`: one CatalogueLine per scenario (hidden ones too, flagged), exit 0.
 * - otherwise a `hello` line, then per scenario its `result` lines as cases finish and a `done`
 *   line (with `--micro-alone`, naming in `deferred` the micro cases left for processes of their
 *   own; `--cases` runs only the cases named), or a `scenario-error` line when it throws (the remaining scenarios still run), or one
 *   `skipped` line when it requires what the platform lacks (Platform.lacks; nothing of it runs).
 * Resolves to the exit code: 0 all ran, 1 some scenario failed, 2 bad request (unknown flag,
 * scenario id, or a `--params` value a chosen scenario does not take) reported in a single `fatal`
 * line after `hello`. Without --scenarios every
 * non-hidden scenario runs; hidden ones run only when named.
 */
export async function runMain(
  platform: Platform,
  catalogue: readonly Scenario[],
  argv: string[],
  write: (line: string) => void,
): Promise<number> {
  const emit = (line: AdapterLine) => write(JSON.stringify(line));
  let request: ReturnType<typeof parseAdapterArgs>;
  try {
    request = parseAdapterArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    emit({
      type: 'hello',
      schemaVersion: SCHEMA_VERSION,
      runtime: platform.runtime,
      version: platform.version,
    });
    emit({ type: 'fatal', message: error.message });
    return 2;
  }
  if (request.kind === 'list') {
    for (const s of catalogue) write(JSON.stringify(catalogueLine(s)));
    return 0;
  }

  emit({
    type: 'hello',
    schemaVersion: SCHEMA_VERSION,
    runtime: platform.runtime,
    version: platform.version,
  });
  const byId = new Map(catalogue.map((s) => [s.id, s]));
  const unknown = (request.scenarios ?? []).filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    const valid = catalogue.map((s) => s.id).join(', ');
    emit({
      type: 'fatal',
      message: `unknown scenario${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (valid: ${valid})`,
    });
    return 2;
  }
  const chosen = request.scenarios
    ? request.scenarios.map((id) => byId.get(id)!)
    : catalogue.filter((s) => s.hidden !== true);
  const overrides = request.params;
  if (overrides) {
    for (const scenario of chosen) {
      const problem = checkOverrides(
        scenario.id,
        scenario.params[request.profile],
        scenario.paramRules as Record<string, ParamRule> | undefined,
        overrides,
      );
      if (problem !== null) {
        emit({ type: 'fatal', message: problem });
        return 2;
      }
    }
  }

  let code = 0;
  for (const scenario of chosen) {
    const unmet = unmetRequirement(scenario, platform);
    if (unmet !== null) {
      emit({ type: 'skipped', scenario: scenario.id, reason: unmet });
      continue;
    }
    const t0 = performance.now();
    let deferred: string[] = [];
    try {
      await runScenario(scenario, platform, {
        profile: request.profile,
        seed: request.seed,
        ...(overrides ? { params: overrides } : {}),
        ...(request.cases ? { cases: request.cases } : {}),
        microAlone: request.microAlone,
        onResult: (result) => emit({ type: 'result', result }),
        onDeferred: (ids) => {
          deferred = ids;
        },
      });
      emit({
        type: 'done',
        scenario: scenario.id,
        elapsedMs: performance.now() - t0,
        ...(deferred.length > 0 ? { deferred } : {}),
      });
    } catch (error) {
      emit({ type: 'scenario-error', scenario: scenario.id, ...errorParts(error) });
      code = 1;
    }
  }
  return code;
}
