/**
 * Parameter sweeps (`asyncbench run --param concurrency=1,2,4,8`) read back as curves. Each point of
 * a sweep is its own scenario in the run (ScenarioInfo.sweep says which scenario, parameter and
 * value); here they are gathered again: per swept scenario and case, per runtime, the main figure
 * (throughput, ops/s) and the tail (p99) at each value, with the ideal throughput N / idealMs where
 * the ideal is known. Where measured throughput leaves the ideal line and flattens is where more
 * of the swept parameter stops paying.
 */
import { byRuntimeOrder, caseLabel } from './labels.ts';
import type { CaseKind, FigureName, ParamValue, RunFile, Spread, UnitNoun } from './schema.ts';

/** One value of the swept parameter, for one runtime and case. */
export interface SweepPointFigures {
  value: ParamValue;
  /** Throughput (workload, units/s) or ops/s (micro), over repeats; null where it failed or is absent. */
  main: Spread | null;
  /** p99 latency: ms per unit (workload) or ns per op (micro). */
  tail: Spread | null;
  /** N / idealMs in units/s: what the case would do at the physical limit; null where d is unknown. */
  ideal: number | null;
}

/** One case of a swept scenario on one runtime, point by point in sweep order. */
export interface SweepSeries {
  runtime: string;
  points: SweepPointFigures[];
}

export interface SweepCase {
  case: string;
  /** The case's label; its id and variant where the label differs between points. */
  label: string;
  kind: CaseKind;
  /** The figure names of `main` and `tail`: throughput and p99Ms, or opsPerSec and p99Ns. */
  mainFigure: FigureName;
  tailFigure: FigureName;
  /** True when the ideal changes along the sweep: the case responds to the parameter by design. */
  idealVaries: boolean;
  series: SweepSeries[];
}

/** A scenario swept over one parameter. */
export interface Sweep {
  /** The catalogue id (`timers`), not a point's id. */
  scenario: string;
  /** The scenario's label without the point's value. */
  label: string;
  param: string;
  /** The values in the order run. */
  values: ParamValue[];
  unit: UnitNoun;
  cases: SweepCase[];
}

/**
 * Every sweep in a run, in the order of the run's scenarios. Cases appear in the order of the first
 * point that has them; a runtime's series has a point per value (null figures where that point has
 * no result). Empty when the run swept nothing.
 */
export function sweepsOf(run: RunFile): Sweep[] {
  const sweeps: Sweep[] = [];
  for (const info of run.scenarios) {
    const point = info.sweep;
    if (!point) continue;
    let sweep = sweeps.find((s) => s.scenario === point.scenario && s.param === point.param);
    if (!sweep) {
      sweep = {
        scenario: point.scenario,
        label: info.label.replace(/ \([^()]*\)$/, ''),
        param: point.param,
        values: [],
        unit: info.unit,
        cases: [],
      };
      sweeps.push(sweep);
    }
    sweep.values[point.index] = point.value;
  }
  const runtimes = [...new Set(run.entries.map((e) => e.runtime))];
  for (const sweep of sweeps) {
    sweep.values = sweep.values.filter((v) => v !== undefined);
    const labels = new Map<string, Set<string>>();
    const pointIds = run.scenarios
      .filter((s) => s.sweep?.scenario === sweep.scenario && s.sweep.param === sweep.param)
      .sort((a, b) => a.sweep!.index - b.sweep!.index)
      .map((s) => s.id);
    for (const id of pointIds) {
      for (const e of run.entries.filter((x) => x.scenario === id)) {
        for (const c of e.cases) {
          labels.set(c.case, (labels.get(c.case) ?? new Set()).add(caseLabel(c)));
          if (sweep.cases.some((x) => x.case === c.case)) continue;
          const micro = c.kind === 'micro';
          sweep.cases.push({
            case: c.case,
            label: caseLabel(c),
            kind: c.kind,
            mainFigure: micro ? 'opsPerSec' : 'throughput',
            tailFigure: micro ? 'p99Ns' : 'p99Ms',
            idealVaries: false,
            series: [],
          });
        }
      }
    }
    for (const sc of sweep.cases) {
      // A label that names the swept value ("Semaphore(8)") differs per point: then the case's id
      // names the line, with its variant, rather than one point's words.
      const variant = run.entries.flatMap((e) => e.cases).find((c) => c.case === sc.case)?.variant;
      if ((labels.get(sc.case)?.size ?? 0) > 1) sc.label = variant ? `${sc.case} (${variant})` : sc.case;
      for (const runtime of [...runtimes].sort(byRuntimeOrder)) {
        const points = pointIds.map((id, i): SweepPointFigures => {
          const c = run.entries
            .find((e) => e.scenario === id && e.runtime === runtime)
            ?.cases.find((x) => x.case === sc.case);
          const ideal =
            c && c.idealMs !== null && c.idealMs > 0 && c.units !== null
              ? (c.units / c.idealMs) * 1000
              : null;
          return {
            value: sweep.values[i]!,
            main: c?.figures[sc.mainFigure] ?? null,
            tail: c?.figures[sc.tailFigure] ?? null,
            ideal,
          };
        });
        if (points.some((p) => p.main !== null)) sc.series.push({ runtime, points });
      }
      const ideals = new Set(
        sc.series.flatMap((s) => s.points.map((p) => p.ideal)).filter((v) => v !== null),
      );
      sc.idealVaries = ideals.size > 1;
    }
  }
  return sweeps;
}
