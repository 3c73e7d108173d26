/**
 * What concurrency bought, per runtime, in words: the speedup lines of results' summarizeRun (the
 * terminal summary's reading of the same run), for each machine's newest run.
 */
import {
  bestCaseName,
  formatNumber,
  formatRatio,
  formatRatioInterval,
  type RunFile,
  type RunSummary,
  summarizeRun,
} from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import type { ReportPart } from '../parts.ts';
import type { Block } from '../view.ts';

const summaries = new WeakMap<RunFile, RunSummary>();

/** summarizeRun, once per run object. */
export function summaryOf(run: RunFile): RunSummary {
  let summary = summaries.get(run);
  if (!summary) {
    summary = summarizeRun(run);
    summaries.set(run, summary);
  }
  return summary;
}

/** `35.4× (95% CI 33.0–37.9×): 6,960 timer waits/s (gather) against 196 timer waits/s (blocking), d = 5 ms`. */
export function speedupLines(
  ctx: ReportContext,
  scenario: ScenarioContext,
): { lead: string; text: string }[] {
  const lines: { lead: string; text: string }[] = [];
  for (const s of scenario.series) {
    if (!ctx.newest.includes(s.runIndex)) continue;
    const row = summaryOf(ctx.runs[s.runIndex]!).workload.find(
      (r) => r.scenario === scenario.id && r.runtime === s.runtime,
    );
    const sp = row?.speedup;
    if (!row || !sp) continue;
    const ci = sp.ciLow !== null ? ` (95% CI ${formatRatioInterval(sp.ciLow, sp.ciHigh)})` : '';
    const rate = (v: number) => `${formatNumber(v)} ${row.unit.plural}/s`;
    lines.push({
      lead: s.label,
      text:
        `${formatRatio(sp.ratio)}${ci}: ${rate(sp.concurrent.throughput.median)} (${bestCaseName(sp.concurrent)}) ` +
        `against ${rate(sp.sync.throughput.median)} (${bestCaseName(sp.sync)})` +
        (sp.unitMs !== null ? `, d = ${formatNumber(sp.unitMs)} ms` : ''),
    });
  }
  return lines;
}

export const speedupsPart: ReportPart = {
  id: 'speedups',
  scenario(ctx, scenario) {
    const items = speedupLines(ctx, scenario);
    if (items.length === 0) return [];
    const blocks: Block[] = [
      {
        kind: 'text',
        text: 'What concurrency bought: best concurrent ÷ best blocking-or-sequential throughput at the same unit duration d (medians over repeats).',
      },
      { kind: 'list', items },
    ];
    return blocks;
  },
};
