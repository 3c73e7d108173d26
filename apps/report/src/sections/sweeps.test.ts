import { realRun, sweepRun } from '@asyncbench/results/testing';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../index.ts';
import { buildModel } from '../model.ts';
import { type Block, type ChartView, chartsIn } from '../view.ts';

describe('the sweep section, on a real sweep (timers, --param concurrency=1..32, node/deno/bun)', () => {
  const run = sweepRun();
  const section = buildModel([run]).top.find((s) => s.id === 'sweeps')!;
  const folds = section.blocks.filter((b): b is Extract<Block, { kind: 'group' }> => b.kind === 'group');

  it('is a fold per case, the values on a numeric log axis, a case bounded by the parameter open', () => {
    expect(section.blocks[1]).toEqual({
      kind: 'heading',
      text: 'Timers: blocking, awaited, concurrent: concurrency swept',
    });
    const open = folds.filter((f) => f.fold!.open);
    expect(open.map((f) => f.fold!.summary)).toEqual(['sleep-semaphore (semaphore)']);
    const [main] = chartsIn(open[0]!.blocks);
    expect(main).toMatchObject({
      kind: 'line',
      xValues: [1, 2, 4, 8, 16, 32],
      xLog: true,
      xTitle: 'concurrency',
    });
    expect(main!.labels).toEqual(['1', '2', '4', '8', '16', '32']);
  });

  it("draws each runtime from the run's medians, the ideal from N / idealMs, and p99", () => {
    const limit = folds.find((f) => f.fold!.summary === 'sleep-limit (limit)')!;
    const [main, tail] = chartsIn(limit.blocks) as [ChartView, ChartView];
    expect(main.datasets.map((d) => d.label)).toEqual([
      ...['node', 'deno', 'bun'].map((r) => `${r} ${run.runtimes.find((x) => x.name === r)!.version}`),
      'ideal (N ÷ ideal wall time)',
    ]);
    expect(main.datasets.at(-1)!.dashed).toBe(true);
    main.xValues!.forEach((c, i) => {
      const agg = run.entries
        .find((e) => e.runtime === 'node' && e.scenario === `timers[concurrency=${c}]`)!
        .cases.find((x) => x.case === 'sleep-limit')!;
      expect(main.datasets[0]!.values[i]).toBe(agg.figures.throughput!.median);
      expect(main.datasets[0]!.low[i]).toBe(agg.figures.throughput!.min);
      expect(tail.datasets[0]!.values[i]).toBe(agg.figures.p99Ms!.median);
      expect(main.datasets.at(-1)!.values[i]).toBeCloseTo((agg.units! / agg.idealMs!) * 1000, 9);
    });
    expect(main.yTitle).toMatch(/^throughput \(timer waits\/s\)/);
    expect(main.table.rows).toHaveLength(3 * 6);
    const readout = limit.blocks.find((b) => b.kind === 'list')!;
    expect(readout.kind === 'list' && readout.items.map((i) => `${i.lead}: ${i.text}`)).toEqual([
      expect.stringMatching(/^node \S+: (90% of its best by|best at) concurrency=\d+/),
      expect.stringMatching(/^deno \S+: /),
      expect.stringMatching(/^bun \S+: /),
    ]);
  });

  it('puts the section after the overview and before the scenarios; nothing without a sweep', () => {
    const html = renderReport([run], { generatedAt: '2026-11-25T14:00:00.000Z' });
    expect(html.indexOf('id="overview"')).toBeLessThan(html.indexOf('id="sweeps"'));
    expect(html.indexOf('id="sweeps"')).toBeLessThan(html.indexOf('class="toc"'));
    expect(buildModel([realRun()]).top.map((s) => s.id)).not.toContain('sweeps');
  });
});
