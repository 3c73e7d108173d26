import { aggregateRepeats, type RunFile } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildContext } from '../context.ts';
import { buildModel } from '../model.ts';
import { PARTS } from '../parts.ts';
import { buildOverview } from './overview.ts';

/** The fixture run with bun's gather-10 near the empty loop and node's 2nd timers process on a busy machine. */
function flaggedRun(): RunFile {
  const run = makeRun();
  const bun = run.entries.find((e) => e.runtime === 'bun' && e.scenario === 'gather-micro')!;
  for (const r of bun.repeats)
    for (const res of r.results)
      if (res.kind === 'micro' && res.case === 'gather-10')
        Object.assign(res.micro, { emptyLoopNs: 2, nearEmptyLoop: true });
  bun.cases = aggregateRepeats(bun.repeats);
  const node = run.entries.find((e) => e.runtime === 'node' && e.scenario === 'timers')!;
  node.repeats[1]!.machine = { loadAvg1: [1.8, 2.2], otherCpuShare: 0.4, otherCpuCores: 0.8 };
  node.cases = aggregateRepeats(node.repeats);
  return run;
}

describe('flags part', () => {
  it('adds nothing to a run without flags', () => {
    const model = buildModel([makeRun()]);
    expect(model.top.map((s) => s.id)).not.toContain('flags');
    expect(
      buildOverview(buildContext([makeRun()], PARTS))!.rows.flatMap((r) => r.cells.flatMap((c) => c.marks)),
    ).toEqual([]);
  });

  it('lists the flags after the overview, the busy-machine warning in view and the list folded', () => {
    const model = buildModel([flaggedRun()]);
    const ids = model.top.map((s) => s.id);
    expect(ids[0]).toBe('overview');
    expect(ids.indexOf('flags')).toBeGreaterThan(0);
    const section = model.top.find((s) => s.id === 'flags')!;
    const texts = section.blocks
      .filter((b) => b.kind === 'text')
      .map((b) => (b.kind === 'text' ? b.text : ''));
    expect(texts[1]).toMatch(
      /^Warning: measured on a busy machine: .* during 1 of \d+ processes; worst 0\.800 of a core/,
    );
    const group = section.blocks.find((b) => b.kind === 'group')!;
    expect(group.kind === 'group' && group.fold).toEqual({
      summary: '2 flags: 1 dead-code, 1 busy-machine',
      open: false,
    });
    const list = group.kind === 'group' ? group.blocks[0] : null;
    expect(list?.kind === 'list' && list.items.map((i) => i.lead)).toEqual([
      'busy-machine — node × timers',
      'dead-code — bun × gather-micro / gather-10',
    ]);
  });

  it('marks the overview figure of each flagged runtime x scenario, and no other', () => {
    const o = buildOverview(buildContext([flaggedRun()], PARTS))!;
    const marks = (row: number, col: number) => o.rows[row]!.cells[col]!.marks;
    expect(marks(0, 0)).toEqual(['busy machine']); // timers, node
    expect(marks(2, 2)).toEqual(['possible dead-code elimination (1 of 2 cases)']); // gather-micro, bun
    expect([marks(0, 1), marks(0, 2), marks(2, 0), marks(1, 0)]).toEqual([[], [], [], []]);
  });
});
