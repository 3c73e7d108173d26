import { mean, meanInterval95, type RunFile, summarizeRun } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildModel } from '../model.ts';
import { type ChartView, chartsIn } from '../view.ts';

const day = (d: number, options: Parameters<typeof makeRun>[0] = {}): RunFile => {
  const run = makeRun({ startedAt: `2026-11-2${d}T10:00:00.000Z`, seed: d, speed: 1 + d / 10, ...options });
  run.tool.commit = `c0ffee${d}${'0'.repeat(33)}`;
  return run;
};

const historyCharts = (runs: RunFile[]): ChartView[] => {
  const section = buildModel(runs).top.find((s) => s.id === 'history');
  return section ? chartsIn(section.blocks) : [];
};

describe('history', () => {
  // Given out of order: the trend sorts by date.
  const runs = [day(3), day(1), day(4), day(2)];
  const charts = historyCharts(runs);

  it('draws one trend per scenario for a machine with three runs or more', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'history-bench-host-timers',
      'history-bench-host-http',
      'history-bench-host-gather-micro',
    ]);
    expect(charts.every((c) => c.kind === 'line' && c.interval === '95% CI')).toBe(true);
  });

  it('labels runs by commit when the commits differ, oldest first', () => {
    const c = charts[0]!;
    expect(c.xTitle).toBe('commit (runs oldest first, evenly spaced)');
    expect(c.labels).toEqual([1, 2, 3, 4].map((d) => [`c0ffee${d}`, `2026-11-2${d} 10:00`]));
    const same = [day(1), day(2), day(3)];
    for (const r of same) r.tool.commit = 'abc1234';
    const byDate = historyCharts(same)[0]!;
    expect(byDate.xTitle).toBe('run date, UTC (runs oldest first, evenly spaced)');
    expect(byDate.labels[0]).toEqual(['2026-11-21', '10:00']);
    // Runs started within one minute are told apart by the second.
    const quick = [day(1), day(2), day(3)];
    quick.forEach((r, i) => {
      r.startedAt = `2026-11-29T19:43:0${i}.000Z`;
      r.tool.commit = 'abc1234';
    });
    expect(historyCharts(quick)[0]!.labels).toEqual([0, 1, 2].map((i) => ['2026-11-29', `19:43:0${i}`]));
  });

  it('plots each runtime’s main figure as the mean of its repeats with a 95% CI', () => {
    const c = charts[0]!;
    expect(c.datasets.map((d) => d.label)).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    // The case is the one the newest run picks for node, followed back through older runs.
    const newest = runs[2]!;
    const best = summarizeRun(newest).workload.find((r) => r.scenario === 'timers' && r.runtime === 'node')!;
    const caseId = best.concurrent!.aggregate.case;
    const oldest = runs[1]!.entries.find((e) => e.runtime === 'node' && e.scenario === 'timers')!;
    const values = oldest.cases.find((x) => x.case === caseId)!.figures.throughput!.values;
    expect(c.datasets[0]!.values[0]).toBeCloseTo(mean(values), 9);
    expect(c.datasets[0]!.low[0]).toBeCloseTo(meanInterval95(values)!.low, 9);
    expect(c.datasets[0]!.high[0]).toBeCloseTo(meanInterval95(values)!.high, 9);
    // Faster runs day by day: the trend rises.
    const node = c.datasets[0]!.values as number[];
    expect(node[3]).toBeGreaterThan(node[0]!);
    expect(c.table.rows).toHaveLength(12);
    expect(c.table.columns).toEqual([
      'Version',
      'Case',
      'Mean (timer waits/s)',
      '95% CI',
      'Repeats',
      'Status',
    ]);
    expect(c.table.rows[0]!.cells[1]!.text).toBe(best.concurrent!.aggregate.variant);
  });

  it('leaves out a run whose scenario parameters differ, and says why', () => {
    const odd = [day(1), day(2), day(3)];
    odd[0]!.scenarios[0]!.params = { units: 40, unitMs: 5 };
    const c = historyCharts(odd)[0]!;
    expect(c.datasets[0]!.values[0]).toBeNull();
    expect(c.datasets[0]!.missing[0]).toBe('other parameters');
    expect(c.table.rows[0]!.cells.at(-1)).toMatchObject({ text: 'other parameters', tone: 'missing' });
  });

  it('never mixes machines: one trend each, even under one host name, and none for single runs', () => {
    const a = [day(1), day(2), day(3)];
    const b = [day(1, { cpuCount: 8 }), day(2, { cpuCount: 8 }), day(3, { cpuCount: 8 })];
    const model = buildModel([...a, ...b]);
    const history = model.top.find((s) => s.id === 'history')!;
    const timers = chartsIn(history.blocks).filter((c) => c.id.endsWith('-timers'));
    expect(timers.map((c) => c.id)).toEqual(['history-bench-host-timers', 'history-bench-host-2-timers']);
    expect(timers[1]!.title).toBe(
      'Timers: blocking, awaited, concurrent: timer waits/s across runs on bench-host (Intel(R) Xeon(R) CPU @ 2.20GHz, 8 cores)',
    );
    expect(history.blocks).toContainEqual(
      expect.objectContaining({
        kind: 'text',
        text: expect.stringContaining('Runs named bench-host came from 2 machines'),
      }),
    );
    const spread = [day(1, { hostname: 'a' }), day(2, { hostname: 'b' }), day(3, { hostname: 'c' })];
    expect(historyCharts(spread)).toEqual([]);
    expect(historyCharts([day(1), day(2)])).toEqual([]);
  });

  it('follows a micro scenario as the geometric mean of its cases, per repeat', () => {
    const c = charts[2]!;
    expect(c.yTitle).toBe('ops/s, higher is better');
    const node = runs[1]!.entries.find((e) => e.runtime === 'node' && e.scenario === 'gather-micro')!;
    const [a, b] = node.cases.map((x) => x.figures.opsPerSec!.values) as [number[], number[]];
    const perRepeat = a.map((v, i) => Math.sqrt(v * b[i]!));
    expect(c.datasets[0]!.values[0]).toBeCloseTo(mean(perRepeat), 6);
  });
});
