/**
 * The scenario catalogue as an adapter reports it (`--list`: one JSON line per scenario). The CLI
 * never imports benchmark code; it asks a runtime, so ids and params are exactly what will run.
 */
import {
  type CatalogueLine,
  type ProfileName,
  parseCatalogueLine,
  type ScenarioInfo,
} from '@asyncbench/results';
import { CliError, choices, UsageError } from './errors.ts';
import { adapterBundle, type Layout } from './paths.ts';
import { adapterCommand, type RuntimeKind } from './runtime-kind.ts';
import { runChild } from './spawn.ts';

/** A scenario as the adapter lists it: the results schema's catalogue line. */
export type ListedScenario = CatalogueLine;

/** Parses `--list` output with the results schema's validator; throws CliError naming the bad line. */
export function parseListOutput(lines: readonly string[]): ListedScenario[] {
  const out: ListedScenario[] = [];
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    try {
      out.push(parseCatalogueLine(raw, 'scenario list'));
    } catch (err) {
      throw new CliError(err instanceof Error ? err.message : String(err));
    }
  }
  if (out.length === 0) throw new CliError('scenario list: the adapter listed no scenarios');
  return out;
}

/**
 * Runs `<runtime> <adapter> [--bundle <url>] --list`: the catalogue's scenarios, or those of a
 * bundle of user files. A bundle whose files cannot be used answers with a `fatal` line (exit 2):
 * that is the user's input, so it is a UsageError naming the files, raised before anything runs.
 */
export async function listScenarios(
  kind: RuntimeKind,
  binary: string,
  layout: Layout,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
  bundleArgs: readonly string[] = [],
): Promise<ListedScenario[]> {
  const command = adapterCommand(kind, binary, adapterBundle(layout, kind), [...bundleArgs, '--list']);
  const outcome = await runChild(command, {
    cwd: process.cwd(),
    env,
    timeoutMs: 60_000,
    ...(signal ? { signal } : {}),
  });
  if (outcome.aborted) throw new CliError('interrupted', 130);
  const fatal = bundleArgs.length > 0 && outcome.exitCode === 2 ? fatalMessage(outcome.stdoutLines) : null;
  if (fatal !== null) throw new UsageError(fatal.split('\n').join('\nasyncbench: '));
  if (outcome.spawnError || outcome.timedOut || outcome.exitCode !== 0) {
    const why =
      outcome.spawnError ??
      (outcome.timedOut ? 'timed out' : `exit code ${outcome.exitCode ?? outcome.signal}`);
    const last = outcome.stderrTail.split('\n').pop() ?? '';
    throw new CliError(`could not list scenarios with ${kind} (${why})${last ? `: ${last}` : ''}`);
  }
  return parseListOutput(outcome.stdoutLines);
}

/** The message of an adapter's `fatal` line, if it printed one. */
function fatalMessage(lines: readonly string[]): string | null {
  for (const raw of lines) {
    try {
      const line = JSON.parse(raw) as { type?: unknown; message?: unknown };
      if (line.type === 'fatal' && typeof line.message === 'string') return line.message;
    } catch {
      // Not JSON: the caller reports the exit code and stderr instead.
    }
  }
  return null;
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
  return {
    id: s.id,
    label: s.label,
    description: s.description,
    modes: s.modes,
    params: s.params[profile],
    unit: s.unit,
    requires: s.requires,
  };
}
