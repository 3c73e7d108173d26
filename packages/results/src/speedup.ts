/**
 * What concurrency bought, defined once. The speedup of a runtime x scenario is
 *
 *   throughput of the best concurrent case / throughput of the best blocking-or-sequential case,
 *   both at the same d (unit duration, ms; "unknown" counts as one value of d),
 *
 * "best" meaning the highest median throughput over repeats. Like-for-like d keeps a 10 ms server
 * delay from being compared with none. Where several values of d have both kinds of case, the d
 * with the largest speedup is reported (and named). The ratio is of medians; its 95% CI is
 * compareSpreads' (Welch on log throughputs), so it needs two repeats or more.
 */
import { type Comparison, compareSpreads } from './compare.ts';
import type { CaseAggregate, Entry, Spread } from './schema.ts';

/** A case with its throughput spread, as chosen for a speedup or shown as "best". */
export interface BestCase {
  aggregate: CaseAggregate;
  throughput: Spread;
}

/** Concurrency's gain in one runtime x scenario. */
export interface Speedup extends Comparison {
  /** concurrent / sync median throughput (never null here: sync throughput is above zero). */
  ratio: number;
  /** d shared by both cases, ms; null when not known (file reads, raw requests). */
  unitMs: number | null;
  /** Best concurrent case at that d. */
  concurrent: BestCase;
  /** Best blocking-or-sequential case at that d. */
  sync: BestCase;
}

const SYNC_MODES = new Set(['blocking', 'sequential']);

/** The case with the highest median throughput, or null. */
export function bestByThroughput(cases: readonly CaseAggregate[]): BestCase | null {
  let best: BestCase | null = null;
  for (const aggregate of cases) {
    const throughput = aggregate.figures.throughput;
    if (throughput && (best === null || throughput.median > best.throughput.median)) {
      best = { aggregate, throughput };
    }
  }
  return best;
}

/** Workload cases grouped by d, in first-seen order. */
function byUnitMs(cases: readonly CaseAggregate[]): CaseAggregate[][] {
  const groups = new Map<number | null, CaseAggregate[]>();
  for (const c of cases) {
    if (c.kind !== 'workload') continue;
    const group = groups.get(c.unitMs);
    if (group) group.push(c);
    else groups.set(c.unitMs, [c]);
  }
  return [...groups.values()];
}

/** The speedup of one entry (see the module comment), or null when no d has both kinds of case. */
export function speedupOf(entry: Pick<Entry, 'cases'>): Speedup | null {
  let best: Speedup | null = null;
  for (const group of byUnitMs(entry.cases)) {
    const concurrent = bestByThroughput(group.filter((c) => c.mode === 'concurrent'));
    const sync = bestByThroughput(group.filter((c) => c.mode !== null && SYNC_MODES.has(c.mode)));
    if (!concurrent || !sync || !(sync.throughput.median > 0)) continue;
    const comparison = compareSpreads(sync.throughput, concurrent.throughput, true);
    const ratio = concurrent.throughput.median / sync.throughput.median;
    if (best && best.ratio >= ratio) continue;
    best = { ...comparison, ratio, unitMs: concurrent.aggregate.unitMs, concurrent, sync };
  }
  return best;
}
