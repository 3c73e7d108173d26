import { describe, expect, it } from 'vitest';
import { makeRun } from '../test-support/fixtures.ts';
import { buildModel, buildSeries, type ChartView, slug, wrapLabel } from './model.ts';

const chart = (charts: ChartView[], suffix: string): ChartView => {
  const found = charts.find((c) => c.id.endsWith(suffix));
  if (!found) throw new Error(`no chart ending ${suffix} in ${charts.map((c) => c.id).join(', ')}`);
  return found;
};

describe('buildSeries', () => {
  it('gives one series per runtime, node/deno/bun order, fixed colours, labels with the exact version', () => {
    const series = buildSeries([makeRun({ runtimes: ['bun', 'node', 'deno'] })]);
    expect(series.map((s) => s.label)).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    expect(series.map((s) => s.colour)).toEqual([2, 1, 0]);
  });

  it('labels series by run date and host when several runs are shown, pairing each runtime old -> new', () => {
    const a = makeRun({ hostname: 'laptop', startedAt: '2026-11-24T10:00:00.000Z' });
    const b = makeRun({ hostname: 'ci', startedAt: '2026-11-25T09:30:00.000Z' });
    const series = buildSeries([a, b]);
    expect(series.map((s) => `${s.runtime}#${s.runIndex}`)).toEqual([
      'node#0',
      'node#1',
      'deno#0',
      'deno#1',
      'bun#0',
      'bun#1',
    ]);
    expect(series[0]!.label).toBe('node 20.20.2 · 2026-11-24 10:00 UTC · laptop');
    expect(series[5]!.label).toBe('bun 1.4.5 · 2026-11-25 09:30 UTC · ci');
    // Same hue per runtime, the older run paler: every series still looks different.
    expect(series.map((s) => s.colour)).toEqual([2, 2, 1, 1, 0, 0]);
    expect(series.map((s) => s.shade)).toEqual([0.35, 1, 0.35, 1, 0.35, 1]);
  });

  it('gives runtimes other than node, deno and bun the free palette slots', () => {
    const run = makeRun({ runtimes: ['node', 'deno-canary', 'bun'] });
    expect(buildSeries([run]).map((s) => [s.runtime, s.colour, s.shade])).toEqual([
      ['node', 2, 1],
      ['bun', 0, 1],
      ['deno-canary', 3, 1],
    ]);
  });

  it('makes identical run labels unique', () => {
    const model = buildModel([makeRun(), makeRun()]);
    expect(model.runLabels).toEqual([
      '2026-11-25 13:40 UTC · bench-host',
      '2026-11-25 13:40 UTC · bench-host #2',
    ]);
  });
});

describe('buildModel: workload scenarios', () => {
  const model = buildModel([makeRun()]);
  const timers = model.scenarios.find((s) => s.id === 'timers')!;

  it('keeps the run’s scenario order, labels and anchors safe for ids', () => {
    expect(model.scenarios.map((s) => s.id)).toEqual(['timers', 'http', 'gather-micro']);
    expect(timers.label).toBe('Timers: blocking, awaited, concurrent');
    expect(timers.anchor).toBe('s0-timers');
    expect(timers.params).toBe('units=200, unitMs=10');
  });

  it('draws throughput of every mode first, then throughput per mode, latency per mode and efficiency', () => {
    expect(timers.charts.map((c) => c.id)).toEqual([
      's0-timers-throughput-every-mode',
      's0-timers-throughput-blocking',
      's0-timers-throughput-sequential',
      's0-timers-throughput-concurrent',
      's0-timers-latency-blocking',
      's0-timers-latency-sequential',
      's0-timers-latency-concurrent',
      's0-timers-efficiency',
    ]);
  });

  it('puts cases on the x axis and one dataset per runtime, medians with min/max from the repeats', () => {
    const c = chart(timers.charts, 'throughput-concurrent');
    expect(c.labels).toHaveLength(6);
    expect(c.labels[0]).toEqual(['gather() of all sleeps']);
    expect(c.labels[3]).toEqual(['all sleeps started, a', 'Semaphore(20) lets 20 wait', 'at once']);
    expect(c.datasets.map((d) => d.label)).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    const run = makeRun();
    const agg = run.entries.find((e) => e.runtime === 'deno' && e.scenario === 'timers')!.cases[2]!;
    expect(c.datasets[1]!.values[0]).toBe(agg.figures.throughput!.median);
    expect(c.datasets[1]!.low[0]).toBe(agg.figures.throughput!.min);
    expect(c.datasets[1]!.high[0]).toBe(agg.figures.throughput!.max);
    expect(c.datasets[1]!.missing).toEqual([null, null, null, null, null, null]);
    for (const d of c.datasets)
      for (let i = 0; i < 6; i++) expect(d.low[i]!).toBeLessThanOrEqual(d.values[i]!);
    expect(c.yTitle).toContain('timer waits/s');
  });

  it('tabulates the exact figures beneath each chart, one row per case and runtime', () => {
    const t = chart(timers.charts, 'throughput-concurrent').table;
    expect(t.columns[0]).toBe('Throughput median (timer waits/s)');
    expect(t.rows).toHaveLength(18);
    expect(t.rows[0]!.header).toBe('gather() of all sleeps · node 20.20.2');
    expect(t.rows[0]!.cells[0]!.value).toBe(
      chart(timers.charts, 'throughput-concurrent').datasets[0]!.values[0],
    );
    expect(t.rows[0]!.cells.at(-1)!.text).toBe('ok, 3 repeats');
  });

  it('groups latency by case and runtime with p50/p90/p99 datasets', () => {
    const c = chart(timers.charts, 'latency-blocking');
    expect(c.datasets.map((d) => d.label)).toEqual(['p50', 'p90', 'p99']);
    expect(c.labels).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    const [p50, p90, p99] = c.datasets.map((d) => d.values[0]!);
    expect(p50).toBeLessThan(p90!);
    expect(p90).toBeLessThan(p99!);
  });

  it('shows efficiency in percent against a 100% line, across every mode with a known ideal', () => {
    const c = chart(timers.charts, 'efficiency');
    expect(c.refLine).toEqual({ value: 100, label: 'physical limit (ideal)' });
    expect(c.labels).toHaveLength(8);
    expect(c.labels[0]).toEqual(['blocking:', 'blocking sleep in a loop', '(time.sleep)']);
    for (const v of c.datasets.flatMap((d) => d.values)) {
      expect(v).toBeGreaterThan(80);
      expect(v).toBeLessThanOrEqual(100);
    }
  });

  it('opens with every case of every mode on one log axis, blocking -> sequential -> concurrent', () => {
    const c = timers.charts[0]!;
    expect(c.title).toBe('Timers: blocking, awaited, concurrent: throughput, every mode');
    expect(c.titleLines).toEqual(['Timers: blocking, awaited, concurrent', 'throughput, every mode']);
    expect(c.logScale).toBe(true);
    expect(c.yTitle).toBe('timer waits/s (log scale), higher is better');
    expect(c.refLine).toBeNull();
    expect(c.labels.map((l) => (Array.isArray(l) ? l[0] : l))).toEqual([
      'blocking:',
      'sequential:',
      ...Array.from({ length: 6 }, () => 'concurrent:'),
    ]);
    expect(c.labels[0]).toEqual(['blocking:', 'blocking sleep in a loop', '(time.sleep)']);
    expect(c.labels[2]).toEqual(['concurrent:', 'gather() of all sleeps']);
    // One dataset per runtime, in the runtimes' usual colours.
    expect(c.datasets.map((d) => [d.label, d.colour])).toEqual([
      ['node 20.20.2', 2],
      ['deno 2.9.6', 1],
      ['bun 1.4.5', 0],
    ]);
    // The same bars, whiskers and table rows as the per-mode charts, only side by side.
    const blocking = chart(timers.charts, 'throughput-blocking');
    const concurrent = chart(timers.charts, 'throughput-concurrent');
    for (const [i, d] of c.datasets.entries()) {
      const perMode = [blocking, chart(timers.charts, 'throughput-sequential'), concurrent];
      expect(d.values).toEqual(perMode.flatMap((m) => m.datasets[i]!.values));
      expect(d.low).toEqual(perMode.flatMap((m) => m.datasets[i]!.low));
      expect(d.high).toEqual(perMode.flatMap((m) => m.datasets[i]!.high));
    }
    // Blocking at about 100 units/s, gather at about 18,000: orders of magnitude apart.
    expect(c.datasets[0]!.values[2]! / c.datasets[0]!.values[0]!).toBeGreaterThan(100);
    expect(c.table.columns).toEqual(blocking.table.columns);
    expect(c.table.rowHeading).toBe('Mode: case · runtime');
    expect(c.table.rows).toHaveLength(24);
    expect(c.table.rows[0]!.header).toBe('blocking: blocking sleep in a loop (time.sleep) · node 20.20.2');
    expect(c.table.rows[6]!.header).toBe('concurrent: gather() of all sleeps · node 20.20.2');
    expect(c.table.rows.slice(6)).toEqual(
      concurrent.table.rows.map((r) => ({ ...r, header: `concurrent: ${r.header}` })),
    );
    // 24 bars: sideways, like every chart with more than 12.
    expect(c.horizontal).toBe(true);
  });

  it('orders the overview by mode even when the run lists the cases otherwise', () => {
    const run = makeRun();
    for (const e of run.entries) e.cases.reverse();
    const c = buildModel([run]).scenarios[0]!.charts[0]!;
    expect(c.id).toBe('s0-timers-throughput-every-mode');
    expect(c.table.rows.map((r) => r.header.split(':')[0])).toEqual([
      ...Array.from({ length: 3 }, () => 'blocking'),
      ...Array.from({ length: 3 }, () => 'sequential'),
      ...Array.from({ length: 18 }, () => 'concurrent'),
    ]);
  });

  it('has no overview where a scenario has one mode only, nor for micro scenarios', () => {
    const run = makeRun();
    for (const e of run.entries) {
      if (e.scenario === 'timers') e.cases = e.cases.filter((c) => c.mode === 'concurrent');
    }
    const ids = buildModel([run]).scenarios[0]!.charts.map((c) => c.id);
    expect(ids.filter((id) => id.includes('every-mode'))).toEqual([]);
    expect(ids[0]).toBe('s0-timers-throughput-concurrent');
    const micro = model.scenarios.find((s) => s.id === 'gather-micro')!;
    expect(micro.charts.map((c) => c.id)).toEqual(['s2-gather-micro-micro']);
  });

  it('keeps a few bars of the overview upright', () => {
    const http = model.scenarios.find((s) => s.id === 'http')!;
    const c = chart(http.charts, 'every-mode');
    expect(http.charts[0]).toBe(c);
    // 3 cases x 3 runtimes = 9 bars.
    expect(c).toMatchObject({ horizontal: false, height: null, logScale: true });
    expect(c.labels).toEqual([
      ['blocking:', 'blocking GET in a loop,', 'server delay 2 ms'],
      ['sequential:', 'await fetch() in a loop,', 'server delay 2 ms'],
      ['concurrent:', 'HttpSession with 50', 'connections, no server', 'delay (semaphore)'],
    ]);
  });

  it('leaves HTTP cases without a known unit duration out of the efficiency chart', () => {
    const http = model.scenarios.find((s) => s.id === 'http')!;
    expect(chart(http.charts, 'efficiency').labels).toHaveLength(2);
  });
});

describe('buildModel: micro scenarios', () => {
  const model = buildModel([makeRun()]);
  const micro = model.scenarios.find((s) => s.id === 'gather-micro')!;

  it('draws ops/s on a log axis when cases differ by orders of magnitude', () => {
    expect(micro.charts.map((c) => c.id)).toEqual(['s2-gather-micro-micro']);
    const c = micro.charts[0]!;
    expect(c.logScale).toBe(true);
    expect(c.yTitle).toContain('log scale');
  });

  it('marks the fastest runtime per case and gives the others as a ratio to it', () => {
    const t = micro.charts[0]!.table;
    expect(t.columns).toEqual(['ops/s', 'Mean (ns)', 'p99 (ns)', 'RME', 'Versus fastest', 'Status']);
    const rows = t.rows.filter((r) => r.header.startsWith('gather() of 10 resolved'));
    expect(rows.map((r) => r.cells[4]!.text)).toEqual([
      expect.stringMatching(/^1\.\d\d× slower$/),
      expect.stringMatching(/^1\.\d\d× slower$/),
      'fastest',
    ]);
    expect(rows[2]!.cells[0]!.tone).toBe('best');
    expect(rows[2]!.cells[4]!.tone).toBe('best');
    expect(rows[0]!.cells[3]!.text).toMatch(/^±1\.\d+%$/);
  });
});

describe('buildModel: failed and skipped entries', () => {
  const model = buildModel([makeRun({ failures: true })]);
  const http = model.scenarios.find((s) => s.id === 'http')!;
  const micro = model.scenarios.find((s) => s.id === 'gather-micro')!;

  it('never turns a failed entry into zeros: null values with the word to draw instead', () => {
    const c = chart(http.charts, 'throughput-blocking');
    const bun = c.datasets.find((d) => d.label.startsWith('bun'))!;
    expect(bun.values).toEqual([null]);
    expect(bun.low).toEqual([null]);
    expect(bun.missing).toEqual(['failed']);
    const row = c.table.rows.find((r) => r.header.endsWith('bun 1.4.5'))!;
    expect(row.cells.slice(0, -1).every((cell) => cell.value === null && cell.text === '—')).toBe(true);
    expect(row.cells.at(-1)).toEqual({
      text: 'failed: every repeat failed: timed out after 60000 ms',
      value: null,
      tone: 'missing',
    });
  });

  it('shows a failed entry in the overview as failed, case by case, with its status in the table', () => {
    const c = chart(http.charts, 'every-mode');
    const bun = c.datasets.find((d) => d.label.startsWith('bun'))!;
    expect(bun.values).toEqual([null, null, null]);
    expect(bun.missing).toEqual(['failed', 'failed', 'failed']);
    const rows = c.table.rows.filter((r) => r.header.endsWith('bun 1.4.5'));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.cells.at(-1)).toMatchObject({ text: expect.stringMatching(/^failed: /), tone: 'missing' });
    }
  });

  it('lists failed and skipped entries with their reasons and stderr tails', () => {
    expect(http.notes).toEqual([
      {
        series: 'bun 1.4.5',
        status: 'failed',
        reason: 'every repeat failed: timed out after 60000 ms',
        detail: '0 of 3 repeats succeeded',
        stderrTail: expect.stringContaining('server worker stopped answering'),
      },
    ]);
    expect(micro.notes).toEqual([
      {
        series: 'deno 2.9.6',
        status: 'skipped',
        reason: 'scenario not supported on this runtime',
        detail: null,
        stderrTail: null,
      },
    ]);
    expect(micro.charts[0]!.datasets[1]!.missing).toEqual(['skipped', 'skipped']);
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
    const timers = buildModel([run]).scenarios[0]!;
    const row = chart(timers.charts, 'throughput-blocking').table.rows[0]!;
    expect(row.cells[0]!.value).not.toBeNull();
    expect(row.cells.at(-1)!.text).toBe('partial: 2 of 3 repeats ok (crashed (exit code 134))');
    expect(timers.notes[0]).toMatchObject({ status: 'failed', detail: '2 of 3 repeats succeeded' });
  });

  it('marks a runtime that was missing from the run as not run', () => {
    const run = makeRun({ runtimes: ['node', 'deno'] });
    run.runtimes.push({
      name: 'bun',
      status: 'missing',
      version: null,
      path: null,
      source: null,
      note: 'not on PATH',
    });
    const model2 = buildModel([run]);
    expect(model2.series.map((s) => s.label)).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun']);
    // No bar slot for a runtime that has no entry for the scenario.
    expect(model2.scenarios[0]!.charts[0]!.datasets).toHaveLength(2);
    const env = model2.environment.rows.find((r) => r.header === 'bun')!;
    expect(env.cells[0]!.text).toBe('missing (not on PATH)');
  });
});

describe('buildModel: two runs', () => {
  const base = makeRun({ startedAt: '2026-11-24T10:00:00.000Z' });
  const cand = makeRun({ startedAt: '2026-11-25T10:00:00.000Z', speed: 1.3, seed: 7 });
  const model = buildModel([base, cand]);

  it('compares every figure, second / first, with a CI and a verdict', () => {
    const cmp = model.scenarios[0]!.comparison!;
    expect(cmp.primary.columns).toEqual([
      'Figure',
      'First (median)',
      'Second (median)',
      'Ratio second / first',
      '95% CI',
      'Verdict',
    ]);
    // 8 timer cases x 3 runtimes, throughput as the headline figure.
    expect(cmp.primary.rows).toHaveLength(24);
    const row = cmp.primary.rows[0]!;
    expect(row.header).toBe('blocking sleep in a loop (time.sleep) · node');
    expect(row.cells[0]!.text).toBe('Throughput (timer waits/s), higher is better');
    expect(row.cells[3]!.value).toBeCloseTo(row.cells[2]!.value! / row.cells[1]!.value!, 10);
    expect(row.cells[4]!.text).toMatch(/^\d\.\d\d–\d\.\d\d×$/);
    expect(row.cells[5]).toMatchObject({ text: 'faster', tone: 'better' });
    expect(cmp.counts).toEqual({ better: 24, worse: 0, same: 0 });
    // Wall time and the latencies, efficiency: the rest.
    expect(cmp.rest.rows.length).toBe(24 * 6);
    const wall = cmp.rest.rows.find((r) => r.cells[0]!.text.startsWith('Wall time'))!;
    expect(wall.cells[0]!.text).toBe('Wall time (ms), lower is better');
    expect(wall.cells[5]!.text).toBe('faster');
  });

  it('has no comparison with one run or three', () => {
    expect(buildModel([base]).scenarios[0]!.comparison).toBeNull();
    expect(buildModel([base, cand, base]).scenarios[0]!.comparison).toBeNull();
  });

  it('shows one environment column per run', () => {
    expect(model.environment.columns).toEqual(model.runLabels);
    const cpu = model.environment.rows.find((r) => r.header === 'CPU')!;
    expect(cpu.cells.map((c) => c.text)).toEqual([
      'Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores',
      'Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores',
    ]);
  });
});

describe('layout', () => {
  const timers = buildModel([makeRun()]).scenarios[0]!;

  it('keeps a few bars upright and lets the stylesheet size them', () => {
    const c = chart(timers.charts, 'throughput-blocking');
    expect(c).toMatchObject({ horizontal: false, height: null });
  });

  it('turns many bars sideways, tall enough for every category', () => {
    const c = chart(timers.charts, 'throughput-concurrent');
    expect(c.horizontal).toBe(true);
    // 6 cases x (3 bars or 3 label lines) plus title, legend and axis.
    expect(c.height).toBeGreaterThan(6 * 45 + 150);
    const latency = chart(timers.charts, 'latency-concurrent');
    expect(latency.horizontal).toBe(true);
    expect(latency.height!).toBeGreaterThan(c.height!);
  });
});

describe('helpers', () => {
  it('slug keeps ids to [a-z0-9-]', () => {
    expect(slug('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slug('!!!')).toBe('x');
  });
  it('wrapLabel splits at spaces near the width', () => {
    expect(wrapLabel('await sleep() in a loop')).toEqual(['await sleep() in a loop']);
    expect(wrapLabel('one two three four five six seven', 10)).toEqual([
      'one two',
      'three four',
      'five six',
      'seven',
    ]);
  });
});
