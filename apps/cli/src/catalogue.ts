/**
 * The scenario catalogue as an adapter reports it (`--list`: one JSON line per scenario). The CLI
 * never imports benchmark code; it asks a runtime, so ids and params are exactly what will run.
 */
import type { Mode, Params, ProfileName, ScenarioInfo } from '@asyncbench/harness';
import { CliError, choices, UsageError } from './errors.ts';
import { adapterBundle } from './paths.ts';
import { adapterCommand, type RuntimeKind } from './runtime-kind.ts';
import { runChild } from './spawn.ts';

export interface ListedScenario {
  id: string;
  label: string;
  description: string;
  modes: Mode[];
  /** Per profile when the adapter gives them so; otherwise the same params for every profile. */
  params: Record<ProfileName, Params>;
  hidden: boolean;
}

const PROFILE_KEYS: ProfileName[] = ['quick', 'default', 'full'];

/** Parses `--list` output; throws CliError naming the bad line. */
export function parseListOutput(lines: readonly string[]): ListedScenario[] {
  const out: ListedScenario[] = [];
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    let v: any;
    try {
      v = JSON.parse(raw);
    } catch {
      throw new CliError(`scenario list: not JSON: ${JSON.stringify(raw.slice(0, 80))}`);
    }
    if (!v || typeof v.id !== 'string') {
      throw new CliError(`scenario list: line without an id: ${JSON.stringify(raw.slice(0, 80))}`);
    }
    out.push({
      id: v.id,
      label: typeof v.label === 'string' ? v.label : v.id,
      description: typeof v.description === 'string' ? v.description : '',
      modes: Array.isArray(v.modes) ? v.modes : [],
      params: perProfile(v.params),
      hidden: v.hidden === true,
    });
  }
  if (out.length === 0) throw new CliError('scenario list: the adapter listed no scenarios');
  return out;
}

function perProfile(params: unknown): Record<ProfileName, Params> {
  const p = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  const isPerProfile = PROFILE_KEYS.every((k) => p[k] && typeof p[k] === 'object');
  if (isPerProfile) return p as Record<ProfileName, Params>;
  const flat = p as Params;
  return { quick: flat, default: flat, full: flat };
}

/** Runs `<runtime> <adapter> --list`. */
export async function listScenarios(
  kind: RuntimeKind,
  binary: string,
  root: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<ListedScenario[]> {
  const outcome = await runChild(adapterCommand(kind, binary, adapterBundle(kind), ['--list']), {
    cwd: root,
    env,
    timeoutMs: 60_000,
    ...(signal ? { signal } : {}),
  });
  if (outcome.aborted) throw new CliError('interrupted', 130);
  if (outcome.spawnError || outcome.timedOut || outcome.exitCode !== 0) {
    const why =
      outcome.spawnError ??
      (outcome.timedOut ? 'timed out' : `exit code ${outcome.exitCode ?? outcome.signal}`);
    const last = outcome.stderrTail.split('\n').pop() ?? '';
    throw new CliError(`could not list scenarios with ${kind} (${why})${last ? `: ${last}` : ''}`);
  }
  return parseListOutput(outcome.stdoutLines);
}

/** The scenarios a run covers: the named ones (hidden allowed) or every visible one. */
export function selectScenarios(catalogue: ListedScenario[], requested: string[] | null): ListedScenario[] {
  if (!requested) return catalogue.filter((s) => !s.hidden);
  return requested.map((id) => {
    const found = catalogue.find((s) => s.id === id);
    if (!found) {
      const visible = catalogue.filter((s) => !s.hidden).map((s) => s.id);
      throw new UsageError(`unknown scenario "${id}" (choose ${choices(visible)})`);
    }
    return found;
  });
}

export function scenarioInfo(s: ListedScenario, profile: ProfileName): ScenarioInfo {
  return { id: s.id, label: s.label, description: s.description, modes: s.modes, params: s.params[profile] };
}
