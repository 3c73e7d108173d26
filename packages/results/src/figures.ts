/**
 * The one list of figures: their names in display order (from constants.ts), and per figure its
 * label, unit, good direction and whether comparisons judge it. The CLI's tables, `compare`, the
 * exports, the CI gate and the report all read this table, so a figure reads and ranks the same
 * everywhere.
 */
import { MICRO_FIGURES, WORKLOAD_FIGURES } from './constants.ts';
import type { CaseKind, CaseResult, FigureName, UnitNoun } from './schema.ts';

export { MICRO_FIGURES, WORKLOAD_FIGURES };

/** How to show a figure and which direction is good. */
export interface FigureMeta {
  label: string;
  /** Unit as printed; `units` in `units/s` is replaced by the scenario's noun (figureUnit). */
  unit: string;
  higherIsBetter: boolean;
  /**
   * Whether run-vs-run comparisons and the CI gate judge this figure. Every speed figure is; the
   * relative margin of error is a precision, not a speed, so "slower" would not mean anything.
   */
  compared: boolean;
}

/** Labels, units and direction for every aggregated figure. */
export const FIGURE_META: Readonly<Record<FigureName, FigureMeta>> = {
  throughput: { label: 'Throughput', unit: 'units/s', higherIsBetter: true, compared: true },
  wallMs: { label: 'Wall time', unit: 'ms', higherIsBetter: false, compared: true },
  p50Ms: { label: 'Latency p50', unit: 'ms', higherIsBetter: false, compared: true },
  p90Ms: { label: 'Latency p90', unit: 'ms', higherIsBetter: false, compared: true },
  p99Ms: { label: 'Latency p99', unit: 'ms', higherIsBetter: false, compared: true },
  maxMs: { label: 'Latency max', unit: 'ms', higherIsBetter: false, compared: true },
  efficiency: { label: 'Efficiency (ideal / wall)', unit: '×', higherIsBetter: true, compared: true },
  inputP50Ms: { label: 'Input delay p50', unit: 'ms', higherIsBetter: false, compared: true },
  inputP90Ms: { label: 'Input delay p90', unit: 'ms', higherIsBetter: false, compared: true },
  inputP99Ms: { label: 'Input delay p99', unit: 'ms', higherIsBetter: false, compared: true },
  inputMaxMs: { label: 'Input delay max', unit: 'ms', higherIsBetter: false, compared: true },
  inputHandledPct: {
    label: 'Input handled during the work',
    unit: '%',
    higherIsBetter: true,
    compared: true,
  },
  opsPerSec: { label: 'Operations per second', unit: 'ops/s', higherIsBetter: true, compared: true },
  meanNs: { label: 'Mean time per op', unit: 'ns', higherIsBetter: false, compared: true },
  p50Ns: { label: 'p50 time per op', unit: 'ns', higherIsBetter: false, compared: true },
  p99Ns: { label: 'p99 time per op', unit: 'ns', higherIsBetter: false, compared: true },
  rme: { label: 'Relative margin of error', unit: '%', higherIsBetter: false, compared: false },
};

/** The figures of a case kind, in display order. */
export function figuresOf(kind: CaseKind): readonly FigureName[] {
  return kind === 'micro' ? MICRO_FIGURES : WORKLOAD_FIGURES;
}

/** The figure a reader decides on first: throughput for workloads, ops/s for micro cases. */
export function mainFigure(kind: CaseKind): FigureName {
  return figuresOf(kind)[0]!;
}

/** A figure's unit, with the scenario's noun for rates: `requests/s` rather than `units/s`. */
export function figureUnit(name: FigureName, noun?: UnitNoun | null): string {
  const unit = FIGURE_META[name].unit;
  return noun && unit === 'units/s' ? `${noun.plural}/s` : unit;
}

/** One figure of one case result; null where it does not apply (e.g. efficiency with unknown d). */
export function figureOf(result: CaseResult, name: FigureName): number | null {
  if (result.kind === 'micro') {
    const m = result.micro;
    switch (name) {
      case 'opsPerSec':
        return m.opsPerSec;
      case 'meanNs':
        return m.meanNs;
      case 'p50Ns':
        return m.p50Ns;
      case 'p99Ns':
        return m.p99Ns;
      case 'rme':
        return m.rme;
      default:
        return null;
    }
  }
  const w = result.workload;
  switch (name) {
    case 'throughput':
      return w.throughput;
    case 'wallMs':
      return w.wallMs;
    case 'p50Ms':
      return w.latencyMs.p50;
    case 'p90Ms':
      return w.latencyMs.p90;
    case 'p99Ms':
      return w.latencyMs.p99;
    case 'maxMs':
      return w.latencyMs.max;
    case 'efficiency':
      return w.efficiency;
    case 'inputP50Ms':
      return w.input ? w.input.delayMs.p50 : null;
    case 'inputP90Ms':
      return w.input ? w.input.delayMs.p90 : null;
    case 'inputP99Ms':
      return w.input ? w.input.delayMs.p99 : null;
    case 'inputMaxMs':
      return w.input ? w.input.delayMs.max : null;
    case 'inputHandledPct':
      return w.input ? (100 * w.input.handled) / w.input.expected : null;
    default:
      return null;
  }
}
