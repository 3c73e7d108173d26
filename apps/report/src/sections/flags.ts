/**
 * Flags: what looks wrong in the figures (@asyncbench/results flags.ts, stored in the results), as
 * mitata marks a result likely optimised out and hyperfine warns about outliers and a busy system.
 * A section after the overview: the busy-machine warning in view, the list of flags folded (it can
 * be long); and in the overview, `! what` under each flagged runtime x scenario figure: the
 * terminal's mark (results' FLAG_MARK). Busy-machine marks no figure when the machine was busy
 * throughout the run (results' figureFlags): the warning says it once.
 * Reads the runs the overview reads (each machine's newest). Nothing when no run has a flag.
 */
import {
  busyMachineLine,
  busyThroughout,
  FLAG_KINDS,
  FLAG_MARK,
  type Flag,
  type FlagRow,
  figureFlags,
  flagRows,
  flagRowWhere,
} from '@asyncbench/results';
import type { ReportContext } from '../context.ts';
import { findEntry } from '../lookup.ts';
import type { ReportPart } from '../parts.ts';
import type { Block, SectionView } from '../view.ts';

/** A flag kind in a few words, as the overview shows it beside a figure. */
export const FLAG_WORDS: Readonly<Record<Flag['kind'], string>> = {
  'dead-code': 'possible dead-code elimination',
  outlier: 'outlier repeat',
  'high-rme': 'high margin of error',
  bimodal: 'two clusters of repeats',
  'not-steady': 'not in steady state',
  'busy-machine': 'busy machine',
};

function countsText(rows: readonly FlagRow[]): string {
  return FLAG_KINDS.map((kind) => [kind, rows.filter((r) => r.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

export function flagsSection(ctx: ReportContext): SectionView | null {
  const blocks: Block[] = [];
  for (const i of ctx.newest) {
    const run = ctx.runs[i]!;
    const rows = flagRows(run);
    const busy = busyMachineLine(run);
    if (rows.length === 0 && !busy) continue;
    if (ctx.newest.length > 1) blocks.push({ kind: 'heading', text: ctx.runLabels[i]! });
    if (busy) blocks.push({ kind: 'text', text: `Warning: ${busy}.` });
    if (rows.length === 0) continue;
    blocks.push({
      kind: 'group',
      fold: {
        summary: `${rows.length} flag${rows.length === 1 ? '' : 's'}: ${countsText(rows)}`,
        open: false,
      },
      blocks: [
        {
          kind: 'list',
          items: rows.map((r) => ({ lead: `${r.kind} — ${flagRowWhere(r)}`, text: r.detail })),
        },
      ],
    });
  }
  if (blocks.length === 0) return null;
  return {
    id: 'flags',
    title: 'Flags',
    blocks: [
      {
        kind: 'text',
        muted: true,
        text:
          'What looks wrong in these figures, decided from the repeats when they were aggregated: an op about ' +
          'as cheap as an empty loop, or whose time does not grow when given twice the work, or a workload ' +
          'beyond its physical limit (possible dead-code elimination), ' +
          'a repeat far from the others (modified z-score), a wide margin of error, repeats in two clusters, ' +
          'a warm-up that never settled, other processes using the CPU meanwhile.',
      },
      ...blocks,
    ],
  };
}

export const flagsPart: ReportPart = {
  id: 'flags',
  section: { at: 'top', build: flagsSection },
  // One mark per kind found in any case of this runtime x scenario, with how many cases.
  overviewMarks(ctx, scenario, series) {
    if (!ctx.newest.includes(series.runIndex)) return [];
    const run = ctx.runs[series.runIndex]!;
    const entry = findEntry(run, series.runtime, scenario.id);
    if (!entry) return [];
    const busy = busyThroughout(run);
    const cases = new Map<Flag['kind'], number>();
    for (const c of entry.cases)
      for (const kind of new Set(figureFlags(c.flags, busy).map((f) => f.kind)))
        cases.set(kind, (cases.get(kind) ?? 0) + 1);
    return [...cases].map(
      ([kind, n]) =>
        `${FLAG_MARK} ${
          kind === 'busy-machine' || entry.cases.length === 1
            ? FLAG_WORDS[kind]
            : `${FLAG_WORDS[kind]} (${n} of ${entry.cases.length} cases)`
        }`,
    );
  },
};
