/**
 * The report is a list of parts. Each part is one module that reads the context (context.ts) and
 * returns view data (view.ts): a section of the page of its own, blocks inside every scenario's
 * fold, marks beside the overview's figures, or several of these. To add to the report, write a
 * part and add it to PARTS where it should appear; nothing else changes (the renderer and the page
 * script draw any Block, and any ChartView of kind bar or line).
 */
import { efficiencyPart } from './charts/efficiency.ts';
import { inputDelayPart } from './charts/input-delay.ts';
import { latencyPart } from './charts/latency.ts';
import { microPart } from './charts/micro.ts';
import { throughputPart } from './charts/throughput.ts';
import type { ReportContext, ScenarioContext } from './context.ts';
import { environmentPart } from './sections/environment.ts';
import { flagsPart } from './sections/flags.ts';
import { historyPart } from './sections/history.ts';
import { overviewPart } from './sections/overview.ts';
import { runComparisonPart } from './sections/run-comparison.ts';
import { runtimeRatiosPart } from './sections/runtime-ratios.ts';
import { speedupsPart } from './sections/speedups.ts';
import { sweepsPart } from './sections/sweeps.ts';
import type { Series } from './series.ts';
import type { Block, SectionView } from './view.ts';

export interface ReportPart {
  /** Stable, [a-z0-9-]: prefixes the element ids the part makes. */
  id: string;
  /**
   * A section of its own. `top` sections follow the headline (the overview comes first), before
   * the scenarios; `bottom` ones follow the scenarios. Null: nothing to show for these runs.
   */
  section?: { at: 'top' | 'bottom'; build(ctx: ReportContext): SectionView | null };
  /** Blocks for a scenario's fold (charts, tables, text); [] where the part has nothing to say. */
  scenario?(ctx: ReportContext, scenario: ScenarioContext): Block[];
  /** Short warnings shown beside a series' figure in the overview, e.g. `! possible dead-code elimination`. */
  overviewMarks?(ctx: ReportContext, scenario: ScenarioContext, series: Series): string[];
}

/** The parts of every report, in page order. */
export const PARTS: readonly ReportPart[] = [
  overviewPart,
  runtimeRatiosPart,
  // After the overview and the runtime ratios, whose figures it qualifies: what looks wrong is read before the charts.
  flagsPart,
  historyPart,
  sweepsPart,
  speedupsPart,
  // Before throughput: for a scenario measured with input events, input delay is the point.
  inputDelayPart,
  throughputPart,
  latencyPart,
  efficiencyPart,
  microPart,
  runComparisonPart,
  environmentPart,
];
