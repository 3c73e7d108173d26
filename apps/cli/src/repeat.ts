/**
 * Judges one finished child process: validates every stdout line with the harness's
 * parseAdapterLine (@asyncbench/results) and turns the outcome into a RepeatRecord. A crash, a hang, garbage output or
 * a scenario-error fails this repeat only; the reason says which, and the stderr tail says why.
 */
import { type AdapterLine, type CaseResult, parseAdapterLine, type RepeatRecord } from '@asyncbench/results';
import type { ChildOutcome } from './spawn.ts';

export interface JudgeContext {
  scenario: string;
  index: number;
  timeoutMs: number;
  /** Removes secrets (the PostgreSQL password) from text that is stored or printed. */
  redact: (text: string) => string;
}

/**
 * A judged repeat; `skipped` when the adapter declined the scenario (its platform lacks a
 * requirement); `deferred` the micro cases its `done` line left for processes of their own.
 */
export type JudgedRepeat = RepeatRecord & { skipped?: string; deferred?: string[] };

export function judgeChild(outcome: ChildOutcome, ctx: JudgeContext): JudgedRepeat {
  const results: CaseResult[] = [];
  let garbage: string | null = null;
  let scenarioError: string | null = null;
  let skipped: string | null = null;
  let sawDone = false;
  let deferred: string[] = [];
  for (const raw of outcome.stdoutLines) {
    if (raw.trim() === '') continue;
    let line: AdapterLine | null | undefined;
    try {
      line = parseAdapterLine(raw);
    } catch (err) {
      line = null;
      // The validator's message already quotes the start of the line and names the bad field.
      garbage ??= `garbage output: ${err instanceof Error ? err.message : snippet(raw)}`;
    }
    if (!line) {
      garbage ??= `garbage output: ${snippet(raw)}`;
      continue;
    }
    if (line.type === 'result') {
      if (line.result.scenario === ctx.scenario) results.push(line.result);
      else garbage ??= `result for scenario "${line.result.scenario}", expected "${ctx.scenario}"`;
    } else if (line.type === 'scenario-error') {
      scenarioError ??= `scenario error: ${line.message}`;
    } else if (line.type === 'fatal') {
      scenarioError ??= `adapter refused the request: ${line.message}`;
    } else if (line.type === 'done') {
      sawDone = true;
      deferred = line.deferred ?? [];
    } else if (line.type === 'skipped') {
      // Nothing ran, by design: as complete an answer as a done line.
      skipped ??= line.reason;
      sawDone = true;
    }
  }

  let reason: string | null = null;
  if (outcome.spawnError) reason = `could not start: ${outcome.spawnError}`;
  else if (outcome.timedOut) reason = `timeout: still running after ${ctx.timeoutMs} ms, killed`;
  else if (scenarioError) reason = scenarioError;
  else if (outcome.signal) reason = `crashed: killed by ${outcome.signal}`;
  else if (outcome.exitCode !== 0) reason = `crashed: exit code ${outcome.exitCode}`;
  else if (garbage) reason = garbage;
  else if (!sawDone) reason = 'incomplete output: no "done" line';

  const record: JudgedRepeat = {
    index: ctx.index,
    status: reason ? 'failed' : 'ok',
    durationMs: Math.round(outcome.durationMs),
    results,
  };
  if (skipped !== null && !reason) record.skipped = ctx.redact(skipped);
  if (deferred.length > 0 && !reason) record.deferred = deferred;
  if (reason) {
    record.reason = ctx.redact(reason);
    if (outcome.stderrTail !== '') record.stderrTail = ctx.redact(outcome.stderrTail);
  }
  return record;
}

function snippet(line: string): string {
  const s = line.length > 80 ? `${line.slice(0, 80)}…` : line;
  return JSON.stringify(s);
}

/**
 * One repeat out of the processes it took: the first (workload cases, or the first micro case)
 * and one per micro case it deferred, each asked for `--cases <id>`. Results in that order,
 * durationMs summed; failed with the first failing part's reason and stderr, or when a part did
 * not return the case it was asked for (the rest of the repeat is then not worth running: the
 * caller stops at the first failed part).
 */
export function mergeParts(
  first: JudgedRepeat,
  parts: readonly { caseId: string; repeat: JudgedRepeat }[],
): JudgedRepeat {
  const merged: JudgedRepeat = { ...first, results: [...first.results] };
  delete merged.deferred;
  for (const { caseId, repeat } of parts) {
    merged.durationMs += repeat.durationMs;
    merged.results.push(...repeat.results);
    if (merged.status === 'failed') continue;
    const reason =
      repeat.status === 'failed'
        ? `case ${caseId} (in a process of its own): ${repeat.reason}`
        : !repeat.results.some((r) => r.case === caseId)
          ? `case ${caseId} (in a process of its own): no result for it`
          : null;
    if (reason !== null) {
      merged.status = 'failed';
      merged.reason = reason;
      if (repeat.stderrTail !== undefined) merged.stderrTail = repeat.stderrTail;
    }
  }
  return merged;
}
