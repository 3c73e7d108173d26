import {
  formatRatio,
  isConclusive,
  type RunFile,
  runtimeRatioSentence,
  runtimeRatios,
  runtimeRatioText,
  spreadOf,
} from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import { makeRun } from '../test-support/fixtures.ts';
import { buildHeadline, ratiosSentence, requestRates, scenarioSpeedups } from './headline.ts';
import { buildModel } from './model.ts';

const headline = (runs: RunFile[]) => buildHeadline(runs, buildModel(runs));

describe('scenarioSpeedups', () => {
  it('takes each runtime’s speedup from the results package: best concurrent over best sync at the same d', () => {
    const run = makeRun();
    const [node] = scenarioSpeedups(run, 'timers');
    const entry = run.entries.find((e) => e.runtime === 'node' && e.scenario === 'timers')!;
    const s = node!.speedup;
    expect(['sleep-sequential', 'sleep-blocking']).toContain(s.sync.aggregate.case);
    // The best of the unbounded concurrent cases (gather, createTask, TaskGroup): 200 in flight.
    expect(s.concurrent.aggregate.concurrency).toBe(200);
    for (const c of entry.cases.filter((x) => x.mode === 'concurrent')) {
      expect(c.figures.throughput!.median).toBeLessThanOrEqual(s.concurrent.throughput.median);
    }
    expect(s.ratio).toBeCloseTo(s.concurrent.throughput.median / s.sync.throughput.median, 10);
    expect(s.ratio).toBeGreaterThan(150);
    expect(s.concurrent.aggregate.figures.efficiency!.median).toBeGreaterThan(0.85);
  });

  it('does not pair a no-delay HTTP case with delayed sequential ones', () => {
    expect(scenarioSpeedups(makeRun(), 'http')).toEqual([]);
  });
});

describe('buildHeadline', () => {
  it('reads the concurrency gain per runtime, the HTTP winner and the 2-core caveat', () => {
    const { text, caveats } = headline([makeRun()]);
    expect(text).toMatch(
      /^On node 20\.20\.2, running 200 timer waits concurrently \((gather\(\) of all sleeps|createTask\(\) each sleep, then await each task|TaskGroup with one child per sleep)\) was \d+× faster than running them one at a time \((blocking|sequential)\) \(efficiency \d+% of the physical limit\)\./,
    );
    expect(text).toMatch(
      /The same comparison gave deno 2\.9\.6 \d+×, \d+% of the limit; bun 1\.4\.5 \d+×, \d+% of the limit\./,
    );
    expect(text).toContain('On raw request rate, the highest was bun 1.4.5 at');
    expect(text).toMatch(/no server delay\); deno 2\.9\.6 [\d,]+\/s, node 20\.20\.2 [\d,]+\/s\./);
    expect(text).toContain('requests/s (HttpSession with 50 connections, no server delay)');
    expect(text).toMatch(/Between runtimes \(95% CI\): bun \d\.\d\d× \[\d\.\d\d–\d\.\d\d×\] faster than /);
    expect(caveats).toHaveLength(1);
    expect(caveats[0]).toContain('only 2 CPU cores');
    expect(caveats[0]).toContain('load generator competes with its own server');
  });

  it('does not call a speedup whose interval holds 1 faster', () => {
    const run = makeRun();
    for (const e of run.entries.filter((x) => x.scenario === 'timers')) {
      const sync = e.cases.find((c) => c.mode === 'sequential')!.figures.throughput!;
      for (const c of e.cases.filter((x) => x.mode === 'concurrent'))
        c.figures.throughput = spreadOf(sync.values.map((v, i) => v * [0.9, 1.25, 1.1][i % 3]!));
      for (const c of e.cases.filter((x) => x.mode === 'blocking'))
        c.figures.throughput = spreadOf(sync.values.map((v) => v * 0.5));
    }
    const { text } = headline([run]);
    expect(text).toMatch(
      /^On node 20\.20\.2, running 200 timer waits concurrently \(.*\) was not clearly faster \(1\.\d\d×, 95% CI 0\.\d\d–1\.\d\d×\) than running them one at a time \(sequential\)/,
    );
    expect(text).toMatch(/The same comparison gave deno 2\.9\.6 1\.\d\d× \(not significant\)/);
  });

  it('has no core caveat on a bigger machine', () => {
    expect(headline([makeRun({ cpuCount: 8 })]).caveats).toEqual([]);
  });

  it('has no core caveat when no HTTP scenario produced figures', () => {
    const run = makeRun();
    run.entries = run.entries.filter((e) => e.scenario !== 'http');
    const { text, caveats } = headline([run]);
    expect(caveats).toEqual([]);
    expect(text).not.toContain('HTTP');
  });

  it('says which entries failed or were skipped and leaves failed runtimes out of the HTTP ranking', () => {
    const run = makeRun({ failures: true });
    expect(requestRates(run).rates.map((r) => r.runtime)).toEqual(['deno', 'node']);
    expect(requestRates(run).raw).toBe(true);
    const { text } = headline([run]);
    expect(text).toContain('the highest was deno 2.9.6');
    expect(text).toContain('1 runtime × scenario entry failed and 1 was skipped');
  });

  it('quotes conclusive runtime ratios only, and says so when there are none', () => {
    const run = makeRun();
    const all = runtimeRatios(run);
    const { text } = headline([run]);
    const conclusive = all.filter(isConclusive);
    expect(conclusive.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(conclusive.length);
    for (const r of all) {
      if (isConclusive(r)) continue;
      expect(text).not.toContain(runtimeRatioText(r));
      expect(text).not.toContain(`${r.runtime} ${formatRatio(r.ratio)}`);
    }
    expect(text).toContain(runtimeRatioSentence(conclusive.sort((a, b) => b.ciLow! - a.ciLow!)[0]!));
    expect(ratiosSentence(run)).toMatch(/\(\d+ without a significant difference: see Runtimes compared\)\.$/);

    // One repeat each: no interval anywhere, so nothing is quoted.
    const single = makeRun({ repeats: 1 });
    expect(headline([single]).text).toContain(
      'No difference between runtimes was conclusive at 95% confidence',
    );
    expect(headline([single]).text).not.toContain('Between runtimes (95% CI)');
  });

  it('summarises a two-run comparison', () => {
    const base = makeRun({ startedAt: '2026-11-24T10:00:00.000Z' });
    const cand = makeRun({ startedAt: '2026-11-25T10:00:00.000Z', speed: 1.3, seed: 7 });
    const { text } = headline([base, cand]);
    expect(text).toMatch(
      /^Figures below are from 2 runs; this summary reads the last one \(2026-11-25 10:00 UTC · bench-host\)\./,
    );
    expect(text).toMatch(/Against the first run, \d+ of \d+ headline figures got better, 0 got worse/);
  });

  it('copes with a run that has nothing to compare', () => {
    const run = makeRun();
    run.entries = [];
    expect(headline([run]).text).toBe(
      'No workload scenario produced both sequential and concurrent figures to compare.',
    );
    expect(buildHeadline([], buildModel([])).text).toBe('No results to report.');
  });

  it('falls back to the delayed HTTP cases when no raw case ran, and says so', () => {
    const run = makeRun();
    for (const e of run.entries) e.cases = e.cases.filter((c) => c.case !== 'http-concurrent');
    const { raw, rates } = requestRates(run);
    expect(raw).toBe(false);
    expect(rates).toHaveLength(3);
    expect(headline([run]).text).toContain('On request rate (only cases with a server delay ran), ');
  });

  it('warns about an interrupted run', () => {
    const run = makeRun();
    run.status = 'interrupted';
    expect(headline([run]).caveats.some((c) => c.includes('"interrupted"'))).toBe(true);
  });
});
