import { realResponsivenessRun } from '@asyncbench/results/testing';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildModel } from '../model.ts';
import { type Block, chartsIn } from '../view.ts';

/** A real quick responsiveness run on node, deno, bun and chromium (input delay figures). */
const run = realResponsivenessRun();
const [scenario] = buildModel([run]).scenarios;
const blocks = (all: readonly Block[]): Block[] =>
  all.flatMap((b) => (b.kind === 'group' ? blocks(b.blocks) : [b]));

describe('input delay (a real responsiveness run)', () => {
  it('comes first among the scenario’s charts: input delay p99 of every case on a log axis', () => {
    const charts = chartsIn(scenario!.blocks);
    expect(charts.map((c) => c.id)).toEqual([
      's0-responsiveness-input-delay',
      's0-responsiveness-throughput',
      's0-responsiveness-latency',
      's0-responsiveness-efficiency',
    ]);
    const chart = charts[0]!;
    expect(chart).toMatchObject({ kind: 'bar', logScale: true });
    expect(chart.datasets.map((d) => d.label.split(' ')[0])).toEqual(['node', 'deno', 'bun', 'chromium']);
    // Medians straight from the aggregates.
    const at = chart.labels.findIndex((l) => (l as string[]).join(' ') === 'blocking: CPU job in one block');
    const nodeCase = run.entries
      .find((e) => e.runtime === 'node')!
      .cases.find((c) => c.case === 'cpu-blocking')!;
    expect(chart.datasets[0]!.values[at]).toBe(nodeCase.figures.inputP99Ms!.median);
    expect(chart.datasets[0]!.high[at]).toBe(nodeCase.figures.inputP99Ms!.max);
  });

  it('shows a yielder a runtime lacks as no result, never a zero', () => {
    const chart = chartsIn(scenario!.blocks)[0]!;
    const at = chart.labels.findIndex((l) => (l as string[]).join(' ').includes('scheduler.yield()'));
    const byRuntime = Object.fromEntries(chart.datasets.map((d) => [d.label.split(' ')[0], d]));
    expect(byRuntime.chromium!.values[at]).toBeGreaterThan(0);
    expect(byRuntime.node!.values[at]).toBeNull();
    expect(byRuntime.node!.missing[at]).toBe('no result');
  });

  it('tabulates the percentiles, the share handled during the work and the work’s throughput', () => {
    const table = chartsIn(scenario!.blocks)[0]!.table;
    expect(table.columns).toEqual([
      'p50 (ms)',
      'p90 (ms)',
      'p99 (ms)',
      'max (ms)',
      'Handled during the work',
      'Throughput (work units/s)',
      'Status',
    ]);
    const blocked = table.rows.find((r) => r.header.startsWith('blocking: CPU job in one block · node'))!;
    expect(blocked.cells[4]!.text).toBe('0%');
    expect(blocked.cells[5]!.value).toBeGreaterThan(0);
    const awaited = table.rows.find((r) =>
      r.header.startsWith('sequential: await sleep() in a loop · node'),
    )!;
    expect(awaited.cells[4]!.value).toBeGreaterThan(90);
  });

  it('explains how to read input delay, and gives each runtime its worst blocking p99 against its best', () => {
    const all = blocks(scenario!.blocks);
    expect(all).toContainEqual({
      kind: 'heading',
      text: 'Input delay: how long input waited for the thread',
    });
    const texts = all.filter((b) => b.kind === 'text').map((b) => (b as { text: string }).text);
    expect(texts.join(' ')).toMatch(/Input delay is how long an input event waited for the thread/);
    const list = all.find(
      (b): b is Extract<Block, { kind: 'list' }> =>
        b.kind === 'list' && b.items.some((i) => i.text.startsWith('input delay')),
    )!;
    expect(list.items.map((i) => i.lead.split(' ')[0])).toEqual(['node', 'deno', 'bun', 'chromium']);
    for (const item of list.items) {
      expect(item.text).toMatch(
        /^input delay p99 \S+ ms \(.+\) blocking, against \S+ ms \(.+\): \S+× longer$/,
      );
    }
  });

  it('says nothing for scenarios without input events', () => {
    for (const s of buildModel([makeRun()]).scenarios) {
      const all = blocks(s.blocks);
      expect(all.some((b) => b.kind === 'heading' && b.text.startsWith('Input delay'))).toBe(false);
      expect(chartsIn(s.blocks).some((c) => c.id.endsWith('input-delay'))).toBe(false);
    }
  });
});
