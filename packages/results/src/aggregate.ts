/** Repeats -> aggregates: every figure of a case as a Spread over the successful repeats. */
import { figureOf, figuresOf } from './figures.ts';
import { type CaseRepeat, caseFlags } from './flags.ts';
import type { CaseAggregate, CaseResult, FigureName, RepeatRecord, Spread } from './schema.ts';
import { median } from './stats.ts';

/** The Spread of values given in repeat order. Throws a RangeError when values is empty. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new RangeError('spread of no values');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values: [...values] };
}

/**
 * Aggregates the results of process repeats of one scenario on one runtime: groups results by
 * case id across the successful (`ok`) repeats, in order of first appearance, and gives each
 * applicable figure a Spread with one value per repeat in repeat order (efficiency only from
 * repeats where it is known). Failed repeats are left out, so a partial run cannot skew the
 * spread. Descriptive fields (label, params, d, units...) come from the first occurrence. Each
 * case carries its flags (flags.ts: what looks wrong), [] when nothing does.
 */
export function aggregateRepeats(repeats: readonly RepeatRecord[]): CaseAggregate[] {
  const groups = new Map<string, CaseResult[]>();
  const flagInput = new Map<string, CaseRepeat[]>();
  const ordered = [...repeats].filter((r) => r.status === 'ok').sort((a, b) => a.index - b.index);
  for (const repeat of ordered) {
    for (const result of repeat.results) {
      const group = groups.get(result.case);
      if (group) group.push(result);
      else groups.set(result.case, [result]);
      const input = { index: repeat.index, result, machine: repeat.machine };
      const inputs = flagInput.get(result.case);
      if (inputs) inputs.push(input);
      else flagInput.set(result.case, [input]);
    }
  }
  const out: CaseAggregate[] = [];
  for (const [id, results] of groups) {
    const first = results[0]!;
    const names = figuresOf(first.kind);
    const figures: Partial<Record<FigureName, Spread>> = {};
    for (const name of names) {
      const values = results.map((r) => figureOf(r, name)).filter((v): v is number => v !== null);
      if (values.length > 0) figures[name] = spreadOf(values);
    }
    const w = first.kind === 'workload' ? first.workload : null;
    out.push({
      case: id,
      label: first.label,
      kind: first.kind,
      mode: first.mode,
      variant: first.variant,
      params: first.params,
      unitMs: w ? w.unitMs : null,
      idealMs: w ? w.idealMs : null,
      units: w ? w.units : null,
      concurrency: w ? w.concurrency : null,
      figures,
      flags: caseFlags(flagInput.get(id) ?? []),
    });
  }
  return out;
}
