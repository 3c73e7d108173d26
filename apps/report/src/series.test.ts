import { describe, expect, it } from 'vitest';
import { makeRun } from '../test-support/fixtures.ts';
import { buildContext } from './context.ts';
import { groupByMachine, shownRunIndexes } from './machines.ts';

const context = (runs: Parameters<typeof buildContext>[0]) => buildContext(runs, []);

describe('machines', () => {
  it('groups runs by host and hardware, oldest first, and keeps the order hosts first appear in', () => {
    const runs = [
      makeRun({ hostname: 'ci', startedAt: '2026-11-25T09:00:00.000Z' }),
      makeRun({ hostname: 'laptop', startedAt: '2026-11-24T09:00:00.000Z' }),
      makeRun({ hostname: 'ci', startedAt: '2026-11-23T09:00:00.000Z' }),
    ];
    const machines = groupByMachine(runs);
    expect(machines.map((m) => [m.label, m.runIndexes])).toEqual([
      ['ci', [2, 0]],
      ['laptop', [1]],
    ]);
    // Two runs of one machine are both shown (and compared); one run is simply shown.
    expect(shownRunIndexes(machines)).toEqual([2, 0, 1]);
  });

  it('never mixes two machines that share a host name: the CPU tells them apart', () => {
    const a = makeRun({ hostname: 'ubuntu-latest' });
    const b = makeRun({ hostname: 'ubuntu-latest', cpuCount: 4 });
    const machines = groupByMachine([a, b]);
    expect(machines).toHaveLength(2);
    expect(machines.map((m) => m.label)).toEqual([
      'ubuntu-latest (Intel(R) Xeon(R) CPU @ 2.20GHz, 2 cores)',
      'ubuntu-latest (Intel(R) Xeon(R) CPU @ 2.20GHz, 4 cores)',
    ]);
    expect(machines.map((m) => m.slug)).toEqual(['ubuntu-latest', 'ubuntu-latest-2']);
  });

  it('shows only the newest of three runs or more; the history shows the rest', () => {
    const runs = ['2026-11-20', '2026-11-22', '2026-11-21'].map((d) =>
      makeRun({ startedAt: `${d}T10:00:00.000Z` }),
    );
    expect(shownRunIndexes(groupByMachine(runs))).toEqual([1]);
  });
});

describe('series', () => {
  it('gives one series per runtime, node/deno/bun order, fixed colours, labels with the exact version', () => {
    const ctx = context([makeRun({ runtimes: ['bun', 'node', 'deno'] })]);
    expect(ctx.series.map((s) => s.label)).toEqual(['node 20.20.2', 'deno 2.9.6', 'bun 1.4.5']);
    expect(ctx.series.map((s) => s.colour)).toEqual([2, 1, 0]);
    expect(ctx.series.map((s) => s.shade)).toEqual([1, 1, 1]);
  });

  it('pairs two runs of one machine per runtime, older paler, labelled by run', () => {
    const a = makeRun({ hostname: 'laptop', startedAt: '2026-11-24T10:00:00.000Z' });
    const b = makeRun({ hostname: 'laptop', startedAt: '2026-11-25T09:30:00.000Z' });
    const ctx = context([a, b]);
    expect(ctx.series.map((s) => `${s.runtime}#${s.runIndex}`)).toEqual([
      'node#0',
      'node#1',
      'deno#0',
      'deno#1',
      'bun#0',
      'bun#1',
    ]);
    expect(ctx.series[0]!.label).toBe('node 20.20.2 · 2026-11-24 10:00 UTC · laptop');
    expect(ctx.series[5]!.label).toBe('bun 1.4.5 · 2026-11-25 09:30 UTC · laptop');
    expect(ctx.series.map((s) => s.colour)).toEqual([2, 2, 1, 1, 0, 0]);
    expect(ctx.series.map((s) => s.shade)).toEqual([0.35, 1, 0.35, 1, 0.35, 1]);
  });

  it('makes a series per host × runtime when runs come from several hosts', () => {
    const ctx = context([makeRun({ hostname: 'ubuntu-latest' }), makeRun({ hostname: 'macos-latest' })]);
    expect(ctx.series.map((s) => s.label)).toEqual([
      'node 20.20.2 · ubuntu-latest',
      'node 20.20.2 · macos-latest',
      'deno 2.9.6 · ubuntu-latest',
      'deno 2.9.6 · macos-latest',
      'bun 1.4.5 · ubuntu-latest',
      'bun 1.4.5 · macos-latest',
    ]);
    expect(ctx.series.map((s) => s.colour)).toEqual([2, 2, 1, 1, 0, 0]);
  });

  it('gives runtimes other than node, deno and bun the free palette slots', () => {
    const ctx = context([makeRun({ runtimes: ['node', 'deno-canary', 'bun'] })]);
    expect(ctx.series.map((s) => [s.runtime, s.colour, s.shade])).toEqual([
      ['node', 2, 1],
      ['bun', 0, 1],
      ['deno-canary', 3, 1],
    ]);
  });

  it('makes identical run labels unique', () => {
    expect(context([makeRun(), makeRun()]).runLabels).toEqual([
      '2026-11-25 13:40 UTC · bench-host',
      '2026-11-25 13:40 UTC · bench-host #2',
    ]);
  });
});
