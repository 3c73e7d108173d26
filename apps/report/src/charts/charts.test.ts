import { caseLabel, formatNumber, isInconclusive } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildModel } from '../model.ts';
import { type ChartView, chartsIn } from '../view.ts';

const chartsOfScenario = (model: ReturnType<typeof buildModel>, id: string): ChartView[] =>
  chartsIn(model.scenarios.find((s) => s.id === id)!.blocks);

const chart = (charts: ChartView[], suffix: string): ChartView => {
  const found = charts.find((c) => c.id.endsWith(suffix));
  if (!found) throw new Error(`no chart ending ${suffix} in ${charts.map((c) => c.id).join(', ')}`);
  return found;
};

describe('workload charts', () => {
  const model = buildModel([makeRun()]);
  const timers = chartsOfScenario(model, 'timers');

  it('draws one throughput chart of every mode, one of tail latency and one of efficiency', () => {
    expect(timers.map((c) => c.id)).toEqual([
      's0-timers-throughput',
      's0-timers-latency',
      's0-timers-efficiency',
    ]);
  });

  it('puts every case on one log axis, blocking -> sequential -> concurrent, one dataset per runtime', () => {
    const c = chart(timers, 'throughput');
    expect(c).toMatchObject({ kind: 'bar', logScale: true, refLine: null, interval: 'min–max over repeats' });
    expect(c.title).toBe('Timers: blocking, awaited, concurrent: throughput');
    expect(c.yTitle).toBe('timer waits/s (log scale), higher is better');
    expect(c.labels.map((l) => (Array.isArray(l) ? l[0] : l))).toEqual([
      'blocking:',
      'sequential:',
      ...Array.from({ length: 6 }, () => 'concurrent:'),
    ]);
    expect(c.labels[0]).toEqual(['blocking:', 'blocking sleep in a loop', '(time.sleep)']);
    expect(c.datasets.map((d) => [d.label, d.colour])).toEqual([
      ['node 20.20.2', 2],
      ['deno 2.9.6', 1],
      ['bun 1.4.5', 0],
    ]);
    // Medians with min/max whiskers, straight from the aggregates over repeats.
    const agg = makeRun().entries.find((e) => e.runtime === 'deno' && e.scenario === 'timers')!.cases[2]!;
    expect(agg.mode).toBe('concurrent');
    expect(c.datasets[1]!.values[2]).toBe(agg.figures.throughput!.median);
    expect(c.datasets[1]!.low[2]).toBe(agg.figures.throughput!.min);
    expect(c.datasets[1]!.high[2]).toBe(agg.figures.throughput!.max);
    // Blocking at about 100 units/s, gather at about 18,000: orders of magnitude apart.
    expect(c.datasets[0]!.values[2]! / c.datasets[0]!.values[0]!).toBeGreaterThan(100);
    // 24 bars: sideways, tall enough for every case.
    expect(c.horizontal).toBe(true);
    expect(c.height).toBeGreaterThan(8 * 45 + 150);
  });

  it('tabulates the exact figures beneath, one row per case and runtime', () => {
    const t = chart(timers, 'throughput').table;
    expect(t.columns[0]).toBe('Throughput median (timer waits/s)');
    expect(t.rowHeading).toBe('Mode: case · runtime');
    expect(t.rows).toHaveLength(24);
    expect(t.rows[0]!.header).toBe('blocking: blocking sleep in a loop (time.sleep) · node 20.20.2');
    expect(t.rows[6]!.header).toBe('concurrent: gather() of all sleeps · node 20.20.2');
    expect(t.rows[6]!.cells[0]!.value).toBe(chart(timers, 'throughput').datasets[0]!.values[2]);
    expect(t.rows[0]!.cells.at(-1)!.text).toBe('ok, 3 repeats');
  });

  it('orders cases by mode even when the run lists them otherwise', () => {
    const run = makeRun();
    for (const e of run.entries) e.cases.reverse();
    const c = chart(chartsOfScenario(buildModel([run]), 'timers'), 'throughput');
    expect(c.table.rows.map((r) => r.header.split(':')[0])).toEqual([
      ...Array.from({ length: 3 }, () => 'blocking'),
      ...Array.from({ length: 3 }, () => 'sequential'),
      ...Array.from({ length: 18 }, () => 'concurrent'),
    ]);
  });

  it('keeps a linear axis and plain case labels where a scenario has one mode', () => {
    const run = makeRun();
    for (const e of run.entries)
      if (e.scenario === 'timers') e.cases = e.cases.filter((c) => c.mode === 'concurrent');
    const c = chart(chartsOfScenario(buildModel([run]), 'timers'), 'throughput');
    expect(c.logScale).toBe(false);
    expect(c.xTitle).toBe('case (concurrent)');
    expect(c.labels[0]).toEqual(['gather() of all sleeps']);
  });

  it('keeps a few bars upright and lets the stylesheet size them', () => {
    const http = chart(chartsOfScenario(model, 'http'), 'throughput');
    // 3 cases x 3 runtimes = 9 bars.
    expect(http).toMatchObject({ horizontal: false, height: null, logScale: true });
  });

  it('charts p99 per unit for every case, with p50, p90 and max in the table', () => {
    const c = chart(timers, 'latency');
    expect(c.datasets.map((d) => d.label)).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    expect(c.labels).toHaveLength(8);
    expect(c.yTitle).toBe('p99 ms per unit, lower is better');
    expect(c.table.columns).toEqual(['p50 (ms)', 'p90 (ms)', 'p99 (ms)', 'max (ms)', 'Status']);
    const [p50, p90, p99] = c.table.rows[0]!.cells.map((x) => x.value!);
    expect(p50).toBeLessThan(p90!);
    expect(p90).toBeLessThan(p99!);
    expect(c.datasets[0]!.values[0]).toBe(p99);
  });

  it('shows efficiency in percent against a 100% line, across every mode with a known ideal', () => {
    const c = chart(timers, 'efficiency');
    expect(c.refLine).toEqual({ value: 100, label: 'physical limit (ideal)' });
    expect(c.labels).toHaveLength(8);
    for (const v of c.datasets.flatMap((d) => d.values)) {
      expect(v).toBeGreaterThan(80);
      expect(v).toBeLessThanOrEqual(100);
    }
    // HTTP's no-delay case has no ideal: left out.
    expect(chart(chartsOfScenario(model, 'http'), 'efficiency').labels).toHaveLength(2);
  });
});

describe('micro charts', () => {
  const micro = chartsOfScenario(buildModel([makeRun()]), 'gather-micro');

  it('draws ops/s on a log axis when cases differ by orders of magnitude', () => {
    expect(micro.map((c) => c.id)).toEqual(['s2-gather-micro-micro']);
    expect(micro[0]!.logScale).toBe(true);
    expect(micro[0]!.yTitle).toContain('log scale');
  });

  it('marks the fastest runtime per case and gives the others as a ratio to it', () => {
    const t = micro[0]!.table;
    expect(t.columns).toEqual(['ops/s', 'Mean (ns)', 'p99 (ns)', 'RME', 'Versus fastest', 'Status']);
    const rows = t.rows.filter((r) => r.header.startsWith('gather() of 10 resolved'));
    expect(rows.map((r) => r.cells[4]!.text)).toEqual([
      expect.stringMatching(/^1\.\d\d× slower$/),
      expect.stringMatching(/^1\.\d\d× slower$/),
      'fastest',
    ]);
    expect(rows[2]!.cells[0]!.tone).toBe('best');
    expect(rows[0]!.cells[3]!.text).toMatch(/^±1\.\d+%$/);
  });
});

describe('failed and skipped entries in charts', () => {
  const model = buildModel([makeRun({ failures: true })]);

  it('never turns a failed entry into zeros: null values with the word to draw instead', () => {
    const c = chart(chartsOfScenario(model, 'http'), 'throughput');
    const bun = c.datasets.find((d) => d.label.startsWith('bun'))!;
    expect(bun.values).toEqual([null, null, null]);
    expect(bun.low).toEqual([null, null, null]);
    expect(bun.missing).toEqual(['failed', 'failed', 'failed']);
    const rows = c.table.rows.filter((r) => r.header.endsWith('bun 1.4.5'));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.cells.slice(0, -1).every((cell) => cell.value === null && cell.text === '—')).toBe(true);
      expect(row.cells.at(-1)).toEqual({
        text: 'failed: every repeat failed: timed out after 60000 ms',
        value: null,
        tone: 'missing',
      });
    }
  });

  it('marks a skipped runtime on the micro chart', () => {
    expect(chartsOfScenario(model, 'gather-micro')[0]!.datasets[1]!.missing).toEqual(['skipped', 'skipped']);
  });

  it('shows figures from the repeats that succeeded when only some failed, and says so', () => {
    const run = makeRun();
    const entry = run.entries.find((e) => e.runtime === 'node' && e.scenario === 'timers')!;
    entry.status = 'failed';
    entry.repeats[2] = {
      index: 2,
      status: 'failed',
      durationMs: 5,
      reason: 'crashed (exit code 134)',
      results: [],
    };
    const row = chart(chartsOfScenario(buildModel([run]), 'timers'), 'throughput').table.rows[0]!;
    expect(row.cells[0]!.value).not.toBeNull();
    expect(row.cells.at(-1)!.text).toBe('partial: 2 of 3 repeats ok (crashed (exit code 134))');
  });

  it('gives no bar slot to a runtime without an entry for the scenario', () => {
    const run = makeRun({ runtimes: ['node', 'deno'], missingRuntimes: ['bun'] });
    expect(chart(chartsOfScenario(buildModel([run]), 'timers'), 'throughput').datasets).toHaveLength(2);
  });
});

describe('cases sampled unevenly (auto-sampling repeats only the cases still wide)', () => {
  // 1 minimum repeat, then 4 rounds that repeated only the first 2 timer cases: 5 and 1 repeats.
  const run = makeRun({ repeats: 1, sampling: { rounds: 4, cases: 2, horizon: 0.07 } });
  const model = buildModel([run]);
  const node = (scenario: string) =>
    run.entries.find((e) => e.runtime === 'node' && e.scenario === scenario)!;
  const row = (c: ChartView, label: string) =>
    c.table.rows.find((r) => r.header.endsWith(`${label} · node 20.20.2`))!;

  it("says each case's own number of repeats, not the entry's", () => {
    const table = chart(chartsOfScenario(model, 'timers'), 'throughput');
    const counts = node('timers').cases.map((c) => [
      row(table, caseLabel(c)).cells.at(-1)!.text,
      c.figures.throughput!.values.length,
    ]);
    expect(counts.slice(0, 2)).toEqual([
      ['ok, 5 repeats', 5],
      ['ok, 5 repeats', 5],
    ]);
    expect(counts.slice(2).every(([text, n]) => text === 'ok, 1 repeat' && n === 1)).toBe(true);
  });

  it('marks every inconclusive main figure with ?, as the terminal does, and nothing else', () => {
    const table = chart(chartsOfScenario(model, 'timers'), 'throughput');
    const marks = node('timers').cases.map((c) => {
      const cells = row(table, caseLabel(c)).cells;
      // The min and max columns are not the main figure: never marked.
      expect(cells[1]!.text.endsWith('?') || cells[2]!.text.endsWith('?')).toBe(false);
      expect(cells[0]!.value).toBe(c.figures.throughput!.median);
      return [cells[0]!.text.endsWith(' ?'), isInconclusive(c)];
    });
    for (const [marked, inconclusive] of marks) expect(marked).toBe(inconclusive);
    // One repeat has no interval (inconclusive); five within ±7% are conclusive: both kinds occur.
    expect(new Set(marks.map(([m]) => m))).toEqual(new Set([true, false]));
    const micro = chart(chartsOfScenario(model, 'gather-micro'), 'micro');
    for (const c of node('gather-micro').cases) {
      expect(isInconclusive(c)).toBe(true);
      expect(row(micro, caseLabel(c)).cells[0]!.text).toBe(`${formatNumber(c.figures.opsPerSec!.median)} ?`);
    }
  });

  it('leaves runs without a precision (written before --horizon) unmarked', () => {
    const table = chart(chartsOfScenario(buildModel([makeRun({ repeats: 1 })]), 'timers'), 'throughput');
    expect(table.table.rows.some((r) => r.cells[0]!.text.includes('?'))).toBe(false);
  });
});
