import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { buildHeadline } from '../headline.ts';
import { buildModel } from '../model.ts';
import type { Block, TableView } from '../view.ts';

const tables = (blocks: readonly Block[]): TableView[] =>
  blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'group' ? tables(b.blocks) : []));

describe('two runs of one machine', () => {
  const base = makeRun({ startedAt: '2026-11-24T10:00:00.000Z' });
  const cand = makeRun({ startedAt: '2026-11-25T10:00:00.000Z', speed: 1.3, seed: 7 });
  const model = buildModel([base, cand]);

  it('compares every figure, second / first, with a CI and a verdict; the main one first', () => {
    const [primary, rest] = tables(
      model.scenarios[0]!.blocks.filter((b) => b.kind === 'table' || b.kind === 'group'),
    );
    expect(primary!.columns).toEqual([
      'Figure',
      'First (median)',
      'Second (median)',
      'Ratio second / first',
      '95% CI',
      'Verdict',
    ]);
    // 8 timer cases x 3 runtimes, throughput as the headline figure.
    expect(primary!.rows).toHaveLength(24);
    const row = primary!.rows[0]!;
    expect(row.header).toBe('blocking sleep in a loop (time.sleep) · node');
    expect(row.cells[0]!.text).toBe('Throughput (timer waits/s), higher is better');
    expect(row.cells[3]!.value).toBeCloseTo(row.cells[2]!.value! / row.cells[1]!.value!, 10);
    expect(row.cells[4]!.text).toMatch(/^\d\.\d\d–\d\.\d\d×$/);
    expect(row.cells[5]).toMatchObject({ text: 'faster', tone: 'better' });
    // Wall time and the latencies, efficiency: the rest, folded away.
    expect(rest!.rows.length).toBe(24 * 6);
    const wall = rest!.rows.find((r) => r.cells[0]!.text.startsWith('Wall time'))!;
    expect(wall.cells[0]!.text).toBe('Wall time (ms), lower is better');
    expect(wall.cells[5]!.text).toBe('faster');
    // The headline counts are the verdicts of every scenario's headline rows.
    const headlineRows = model.scenarios.flatMap((s) =>
      tables(s.blocks).filter((t) => t.caption.startsWith('Headline')),
    );
    const verdicts = headlineRows.flatMap((t) => t.rows.map((r) => r.cells[5]!.text));
    expect(model.comparisonCounts).toEqual({
      better: verdicts.filter((v) => v === 'faster').length,
      worse: 0,
      same: verdicts.filter((v) => v !== 'faster').length,
      insufficient: 0,
      onlyIn: [],
    });
    expect(model.comparisonCounts!.better).toBeGreaterThanOrEqual(24);
  });

  it('has no comparison with one run, nor between runs of different hosts', () => {
    const noHeading = (m: ReturnType<typeof buildModel>) =>
      m.scenarios.every((s) => !s.blocks.some((b) => b.kind === 'heading'));
    expect(noHeading(buildModel([base]))).toBe(true);
    const other = makeRun({ hostname: 'other', startedAt: '2026-11-25T10:00:00.000Z' });
    const sideBySide = buildModel([base, other]);
    expect(noHeading(sideBySide)).toBe(true);
    expect(sideBySide.comparisonCounts).toBeNull();
  });
});

describe('two runs, one of them with a single repeat', () => {
  const tablesOf = (m: ReturnType<typeof buildModel>) => m.scenarios.flatMap((s) => tables(s.blocks));
  const base = makeRun({ startedAt: '2026-11-24T10:00:00.000Z', repeats: 1 });
  const cand = makeRun({ startedAt: '2026-11-25T10:00:00.000Z', runtimes: ['node', 'deno'] });
  const model = buildModel([base, cand]);

  it('counts "insufficient data" apart, not as "no clear change"', () => {
    const verdicts = tablesOf(model)
      .filter((t) => t.caption.startsWith('Headline'))
      .flatMap((t) => t.rows.map((r) => r.cells[5]!.text));
    // 8 timer, 3 HTTP and 2 micro cases, node and deno (bun ran only in the first run); no intervals.
    expect(verdicts).toHaveLength(26);
    expect(new Set(verdicts)).toEqual(new Set(['insufficient data']));
    expect(model.comparisonCounts).toMatchObject({ better: 0, worse: 0, same: 0, insufficient: 26 });
    const headline = buildHeadline([base, cand], model).text;
    expect(headline).toContain(
      'Against the first run, 0 of 26 headline figures got better, 0 got worse, 0 showed no clear change (95% confidence), and 26 could not be judged: too few repeats.',
    );
    const texts = model.scenarios.flatMap((s) =>
      s.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : [])),
    );
    expect(texts.find((t) => t.includes('Headline figures:'))).toMatch(
      /Headline figures: 0 better, 0 worse, 0 without a clear change, \d+ could not be judged: too few repeats\.$/,
    );
  });

  it('says which runtime × scenario ran in only one of the two runs', () => {
    const first = `the first run (${model.runLabels[0]})`;
    expect(model.comparisonCounts!.onlyIn).toEqual([
      `bun timers: only in ${first}`,
      `bun http: only in ${first}`,
      `bun gather-micro: only in ${first}`,
    ]);
    expect(buildHeadline([base, cand], model).text).toContain(
      `Not compared: bun timers: only in ${first}; bun http: only in ${first}; bun gather-micro: only in ${first}.`,
    );
    const timers = model.scenarios.find((s) => s.id === 'timers')!;
    const texts = timers.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts).toContain(`Not compared: bun timers: only in ${first}.`);
    // Where both runs have everything, nothing is said.
    const full = buildModel([makeRun({ startedAt: '2026-11-24T10:00:00.000Z' }), makeRun()]);
    expect(full.comparisonCounts!.onlyIn).toEqual([]);
    expect(buildHeadline([], full).text).not.toContain('Not compared');
  });
});

describe('environment', () => {
  it('shows one column per run shown: per run for a pair, per host for merged hosts', () => {
    const pair = buildModel([makeRun({ startedAt: '2026-11-24T10:00:00.000Z' }), makeRun()]);
    const env = (m: ReturnType<typeof buildModel>) =>
      tables(m.bottom.find((s) => s.id === 'environment')!.blocks)[0]!;
    expect(env(pair).columns).toEqual(pair.runLabels);
    const hosts = buildModel([
      makeRun({ hostname: 'ubuntu-latest' }),
      makeRun({ hostname: 'macos-latest', cpuCount: 3 }),
    ]);
    const table = env(hosts);
    expect(table.caption).toBe('Where and how each run was measured: one column per host (2 hosts)');
    expect(table.columns).toEqual([
      '2026-11-25 13:40 UTC · ubuntu-latest',
      '2026-11-25 13:40 UTC · macos-latest',
    ]);
    expect(table.rows.find((r) => r.header === 'CPU')!.cells.map((c) => c.text)).toEqual([
      'Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores',
      'Intel(R) Xeon(R) CPU @ 2.20GHz, 3 cores',
    ]);
    expect(table.rows.find((r) => r.header === 'Host')!.cells.map((c) => c.text)).toEqual([
      'ubuntu-latest',
      'macos-latest',
    ]);
  });

  it('says how far auto-sampling went beyond the minimum repeats', () => {
    const repeatsRow = (run: ReturnType<typeof makeRun>) =>
      tables(buildModel([run]).bottom.find((s) => s.id === 'environment')!.blocks)[0]!.rows.find(
        (r) => r.header === 'Repeats',
      )!.cells[0]!.text;
    expect(repeatsRow(makeRun({ repeats: 3 }))).toBe('3');
    // 1 minimum + 5 rounds that repeated only the first 2 timer cases: those have 6, the rest 1.
    const sampled = makeRun({ repeats: 1, sampling: { rounds: 5, cases: 2, horizon: 0.07 } });
    expect(repeatsRow(sampled)).toBe('1 minimum, up to 6 per case (5 rounds added)');
  });

  it('says when a runtime was missing', () => {
    const run = makeRun({ runtimes: ['node', 'deno'], missingRuntimes: ['bun'] });
    const env = tables(buildModel([run]).bottom[0]!.blocks)[0]!;
    expect(env.rows.find((r) => r.header === 'bun')!.cells[0]!.text).toBe('missing (not on PATH)');
  });
});
