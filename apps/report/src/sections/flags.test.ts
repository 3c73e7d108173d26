import { aggregateRepeats, type RunFile } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildContext } from '../context.ts';
import { renderReport } from '../index.ts';
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
      /^Warning: measured on a partly busy machine: .* during 1 of 1 measured processes \(0\.800 of a core, 40% of the machine, load average 1\.80–2\.20\)/,
    );
    const group = section.blocks.find((b) => b.kind === 'group')!;
    expect(group.kind === 'group' && group.fold).toEqual({
      summary: '2 flags: 1 dead-code, 1 busy-machine',
      open: false,
    });
    const list = group.kind === 'group' ? group.blocks[0] : null;
    // The most telling kind first.
    expect(list?.kind === 'list' && list.items.map((i) => i.lead)).toEqual([
      'dead-code — bun × gather-micro / gather-10',
      'busy-machine — node × timers',
    ]);
  });

  it('marks the overview figure of each flagged runtime x scenario, and no other', () => {
    const o = buildOverview(buildContext([flaggedRun()], PARTS))!;
    const marks = (row: number, col: number) => o.rows[row]!.cells[col]!.marks;
    expect(marks(0, 0)).toEqual(['! busy machine']); // timers, node
    expect(marks(2, 2)).toEqual(['! possible dead-code elimination (1 of 2 cases)']); // gather-micro, bun
    expect([marks(0, 1), marks(0, 2), marks(2, 0), marks(1, 0)]).toEqual([[], [], [], []]);
    // The terminal's mark, not a badge of the report's own.
    const html = renderReport([flaggedRun()], { generatedAt: '2026-11-29T00:00:00.000Z' });
    expect(html).toContain('<span class="mark">! busy machine</span>');
    expect(html).not.toContain('⚠');
  });

  it('says a machine busy throughout once, as a warning, and marks no figure for it', () => {
    const run = makeRun();
    for (const e of run.entries) {
      for (const r of e.repeats) r.machine = { loadAvg1: [1.5, 2.5], otherCpuShare: 0.3, otherCpuCores: 0.6 };
      e.cases = aggregateRepeats(e.repeats);
    }
    const section = buildModel([run]).top.find((s) => s.id === 'flags')!;
    expect(
      section.blocks.filter((b) => b.kind === 'text').map((b) => (b.kind === 'text' ? b.text : ''))[1],
    ).toMatch(
      /^Warning: measured on a busy machine: other processes used 0\.600 of a core \(30% of the machine\) during all \d+ processes, load average 1\.50–2\.50/,
    );
    expect(section.blocks.some((b) => b.kind === 'group')).toBe(false);
    const o = buildOverview(buildContext([run], PARTS))!;
    expect(o.rows.flatMap((r) => r.cells.flatMap((c) => c.marks))).toEqual([]);
  });
});
