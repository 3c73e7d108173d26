/**
 * Failed, skipped and not-run entries of a scenario, with their reasons and stderr tails: shown
 * above the scenario's fold, so a reader never misses that a figure is absent.
 */
import type { ReportContext, ScenarioContext } from '../context.ts';
import { entryReason, findEntry, repeatSummary } from '../lookup.ts';
import type { StatusNote } from '../view.ts';

export function statusNotes(ctx: ReportContext, scenario: ScenarioContext): StatusNote[] {
  const notes: StatusNote[] = [];
  for (const s of ctx.series) {
    const run = ctx.runs[s.runIndex]!;
    const entry = findEntry(run, s.runtime, scenario.id);
    if (!entry) {
      // A runtime that ran nothing in this run says so once in the environment table, not per scenario.
      if (run.entries.some((e) => e.runtime === s.runtime)) {
        notes.push({
          series: s.label,
          status: 'not run',
          reason: 'no entry in this run',
          detail: null,
          stderrTail: null,
        });
      }
      continue;
    }
    if (entry.status === 'ok') continue;
    const { ok, total } = repeatSummary(entry);
    const tails = entry.repeats
      .filter((r) => r.status === 'failed' && r.stderrTail)
      .map((r) => `repeat ${r.index}:\n${r.stderrTail}`);
    notes.push({
      series: s.label,
      status: entry.status,
      reason: entry.status === 'skipped' ? (entry.reason ?? 'no reason recorded') : entryReason(entry),
      detail: entry.status === 'failed' && total > 0 ? `${ok} of ${total} repeats succeeded` : null,
      stderrTail: tails.length > 0 ? tails.join('\n\n') : null,
    });
  }
  return notes;
}
