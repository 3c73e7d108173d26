/**
 * RunFile[] -> the report's view model (view.ts): the context is built once (context.ts), then
 * every part (parts.ts) adds its sections and its blocks to each scenario. Pure (no I/O, no DOM), so
 * what the report says can be unit-tested without a browser.
 */
import type { RunFile } from '@asyncbench/results';
import { buildContext, type ReportContext } from './context.ts';
import { PARTS, type ReportPart } from './parts.ts';
import { comparisonCounts } from './sections/run-comparison.ts';
import { statusNotes } from './sections/status.ts';
import type { ReportModel, ScenarioView, SectionView } from './view.ts';

export interface ModelOptions {
  /** The parts to build the page from, in page order; default PARTS. */
  parts?: readonly ReportPart[];
}

function sections(ctx: ReportContext, at: 'top' | 'bottom'): SectionView[] {
  return ctx.parts
    .filter((p) => p.section?.at === at)
    .map((p) => p.section!.build(ctx))
    .filter((s): s is SectionView => s !== null);
}

/** The whole report as data. Scenario order: as the first run lists them, then any new ones. */
export function buildModel(runs: readonly RunFile[], options: ModelOptions = {}): ReportModel {
  const ctx = buildContext(runs, options.parts ?? PARTS);
  const scenarios: ScenarioView[] = ctx.scenarios.map((scenario) => ({
    id: scenario.id,
    anchor: scenario.anchor,
    label: scenario.label,
    description: scenario.description,
    params: scenario.params,
    modes: scenario.modes,
    unit: scenario.unit,
    notes: statusNotes(ctx, scenario),
    blocks: ctx.parts.flatMap((p) => p.scenario?.(ctx, scenario) ?? []),
  }));
  return {
    runLabels: ctx.runLabels,
    top: sections(ctx, 'top'),
    scenarios,
    bottom: sections(ctx, 'bottom'),
    comparisonCounts: comparisonCounts(ctx),
  };
}
