import type { CaseResult, FigureName } from './schema.ts';

/** How to show a figure and which direction is good. */
export interface FigureMeta {
  label: string;
  unit: string;
  higherIsBetter: boolean;
}

/** Labels, units and direction for every aggregated figure (CLI tables and the HTML report). */
export const FIGURE_META: Readonly<Record<FigureName, FigureMeta>> = {
  throughput: { label: 'Throughput', unit: 'units/s', higherIsBetter: true },
  wallMs: { label: 'Wall time', unit: 'ms', higherIsBetter: false },
  p50Ms: { label: 'Latency p50', unit: 'ms', higherIsBetter: false },
  p90Ms: { label: 'Latency p90', unit: 'ms', higherIsBetter: false },
  p99Ms: { label: 'Latency p99', unit: 'ms', higherIsBetter: false },
  maxMs: { label: 'Latency max', unit: 'ms', higherIsBetter: false },
  efficiency: { label: 'Efficiency (ideal / wall)', unit: 'x', higherIsBetter: true },
  opsPerSec: { label: 'Operations per second', unit: 'ops/s', higherIsBetter: true },
  meanNs: { label: 'Mean time per op', unit: 'ns', higherIsBetter: false },
  p50Ns: { label: 'p50 time per op', unit: 'ns', higherIsBetter: false },
  p99Ns: { label: 'p99 time per op', unit: 'ns', higherIsBetter: false },
  rme: { label: 'Relative margin of error', unit: '%', higherIsBetter: false },
};

/** Figures of workload cases, in display order. */
export const WORKLOAD_FIGURES: readonly FigureName[] = [
  'throughput',
  'wallMs',
  'p50Ms',
  'p90Ms',
  'p99Ms',
  'maxMs',
  'efficiency',
];

/** Figures of micro cases, in display order. */
export const MICRO_FIGURES: readonly FigureName[] = ['opsPerSec', 'meanNs', 'p50Ns', 'p99Ns', 'rme'];

/** One figure of one case result; null where it does not apply (e.g. efficiency with unknown d). */
export function figureOf(result: CaseResult, name: FigureName): number | null {
  const w = result.workload;
  const m = result.micro;
  switch (name) {
    case 'throughput':
      return w ? w.throughput : null;
    case 'wallMs':
      return w ? w.wallMs : null;
    case 'p50Ms':
      return w ? w.latencyMs.p50 : null;
    case 'p90Ms':
      return w ? w.latencyMs.p90 : null;
    case 'p99Ms':
      return w ? w.latencyMs.p99 : null;
    case 'maxMs':
      return w ? w.latencyMs.max : null;
    case 'efficiency':
      return w ? w.efficiency : null;
    case 'opsPerSec':
      return m ? m.opsPerSec : null;
    case 'meanNs':
      return m ? m.meanNs : null;
    case 'p50Ns':
      return m ? m.p50Ns : null;
    case 'p99Ns':
      return m ? m.p99Ns : null;
    case 'rme':
      return m ? m.rme : null;
  }
}
