import { realRun, sweepRun } from '@asyncbench/results/testing';
import { describe, expect, it } from 'vitest';
import { renderReport } from './index.ts';
import { buildSweeps, renderSweeps } from './sweep-chart.ts';

describe('the sweep chart, on a real sweep (timers, --param concurrency=1..32, node/deno/bun)', () => {
  const run = sweepRun();
  const [view] = buildSweeps([run]);

  it('is one view per swept scenario, the values on a numeric axis, a bounded case shown first', () => {
    expect(buildSweeps([run])).toHaveLength(1);
    expect(view).toMatchObject({
      param: 'concurrency',
      xs: [1, 2, 4, 8, 16, 32],
      values: ['1', '2', '4', '8', '16', '32'],
    });
    expect(view!.cases[view!.initial]!.case).toBe('sleep-semaphore');
    expect(view!.title).toMatch(/^Timers: blocking, awaited, concurrent: concurrency swept$/);
  });

  it("draws each runtime from the run's medians, and the ideal from N / idealMs", () => {
    const limit = view!.cases.find((c) => c.case === 'sleep-limit')!;
    expect(limit.lines.map((l) => l.label)).toEqual(
      ['node', 'deno', 'bun'].map((r) => `${r} ${run.runtimes.find((x) => x.name === r)!.version}`),
    );
    const node = limit.lines[0]!;
    view!.xs!.forEach((c, i) => {
      const agg = run.entries
        .find((e) => e.runtime === 'node' && e.scenario === `timers[concurrency=${c}]`)!
        .cases.find((x) => x.case === 'sleep-limit')!;
      expect(node.main[i]).toBe(agg.figures.throughput!.median);
      expect(node.tail[i]).toBe(agg.figures.p99Ms!.median);
      expect(limit.ideal[i]).toBeCloseTo((agg.units! / agg.idealMs!) * 1000, 9);
    });
    expect(limit.mainTitle).toBe('Throughput (timer waits/s)');
    expect(limit.readout).toHaveLength(3);
    for (const line of limit.readout)
      expect(line).toMatch(/^(node|deno|bun) \S+: (90% of its best by|best at) concurrency=\d+/);
  });

  it('puts the section, its data and its script in the report; nothing without a sweep', () => {
    const html = renderReport([run], { generatedAt: '2026-11-25T14:00:00.000Z' });
    expect(html).toContain('<section id="sweeps"');
    expect(html).toContain('id="sweep-data"');
    expect(html.indexOf('id="sweeps"')).toBeLessThan(html.indexOf('class="toc"'));
    expect(renderSweeps([realRun()])).toBe('');
    expect(renderReport([realRun()])).not.toContain('id="sweeps"');
  });
});
