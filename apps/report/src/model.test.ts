import { describe, expect, it } from 'vitest';
import { makeRun } from '../test-support/fixtures.ts';
import { buildModel } from './model.ts';
import { PARTS, type ReportPart } from './parts.ts';
import { chartsOf } from './view.ts';

describe('buildModel', () => {
  const model = buildModel([makeRun()]);

  it('keeps the run’s scenario order, labels and anchors safe for ids', () => {
    expect(model.scenarios.map((s) => s.id)).toEqual(['timers', 'http', 'gather-micro']);
    const timers = model.scenarios[0]!;
    expect(timers.label).toBe('Timers: blocking, awaited, concurrent');
    expect(timers.anchor).toBe('s0-timers');
    expect(timers.params).toBe('units=200, unitMs=10');
  });

  it('opens with the overview and ends with the environment; one run has no history', () => {
    expect(model.top.map((s) => s.id)).toEqual(['overview', 'runtime-ratios']);
    expect(model.bottom.map((s) => s.id)).toEqual(['environment']);
  });

  it('folds speedups, then each chart kind, into every scenario, in part order', () => {
    const kinds = model.scenarios[0]!.blocks.map((b) => (b.kind === 'chart' ? b.chart.id : b.kind));
    expect(kinds).toEqual([
      'text',
      'list',
      's0-timers-throughput',
      's0-timers-latency',
      's0-timers-efficiency',
    ]);
    expect(model.scenarios[2]!.blocks.map((b) => (b.kind === 'chart' ? b.chart.id : b.kind))).toEqual([
      's2-gather-micro-micro',
    ]);
    const ids = chartsOf(model).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists failed and skipped entries with their reasons and stderr tails, outside the fold', () => {
    const failing = buildModel([makeRun({ failures: true })]);
    expect(failing.scenarios[1]!.notes).toEqual([
      {
        series: 'bun 1.4.5',
        status: 'failed',
        reason: 'every repeat failed: timed out after 60000 ms',
        detail: '0 of 3 repeats succeeded',
        stderrTail: expect.stringContaining('server worker stopped answering'),
      },
    ]);
    expect(failing.scenarios[2]!.notes).toEqual([
      {
        series: 'deno 2.9.6',
        status: 'skipped',
        reason: 'scenario not supported on this runtime',
        detail: null,
        stderrTail: null,
      },
    ]);
  });

  it('takes a new part with a section, scenario blocks and nothing else changed', () => {
    const extra: ReportPart = {
      id: 'extra',
      section: {
        at: 'top',
        build: (ctx) => ({
          id: 'extra',
          title: 'Extra',
          blocks: [{ kind: 'text', text: `${ctx.runs.length} run` }],
        }),
      },
      scenario: (_ctx, scenario) =>
        scenario.micro.length > 0 ? [{ kind: 'heading', text: 'Micro extra' }] : [],
    };
    const withExtra = buildModel([makeRun()], { parts: [...PARTS, extra] });
    expect(withExtra.top.map((s) => s.id)).toEqual(['overview', 'runtime-ratios', 'extra']);
    expect(withExtra.top[2]!.blocks).toEqual([{ kind: 'text', text: '1 run' }]);
    expect(withExtra.scenarios[2]!.blocks.at(-1)).toEqual({ kind: 'heading', text: 'Micro extra' });
    expect(withExtra.scenarios[0]!.blocks).toEqual(model.scenarios[0]!.blocks);
  });
});
