import { describe, expect, it } from 'vitest';
import { realRun, sweepRun } from '../test-support/index.ts';
import { sweepsOf } from './sweeps.ts';

describe('sweepsOf, on a real sweep (timers, --param concurrency=1,2,4,8,16,32, node/deno/bun)', () => {
  const run = sweepRun();
  const [sweep] = sweepsOf(run);

  it('gathers the points of one scenario back into one sweep, values in the order run', () => {
    expect(sweepsOf(run)).toHaveLength(1);
    expect(sweep).toMatchObject({ scenario: 'timers', param: 'concurrency', values: [1, 2, 4, 8, 16, 32] });
    expect(sweep!.label).toBe(
      run.scenarios.find((s) => s.id === 'timers')?.label ?? 'Timers: blocking, awaited, concurrent',
    );
    expect(sweep!.unit).toEqual({ singular: 'timer wait', plural: 'timer waits' });
  });

  it('has one series per runtime per case, a point per value, figures taken from that point', () => {
    const limit = sweep!.cases.find((c) => c.case === 'sleep-limit')!;
    expect(limit.series.map((s) => s.runtime)).toEqual(['node', 'deno', 'bun']);
    for (const series of limit.series) {
      expect(series.points.map((p) => p.value)).toEqual(sweep!.values);
      series.points.forEach((p, i) => {
        const id = `timers[concurrency=${sweep!.values[i]}]`;
        const c = run.entries
          .find((e) => e.scenario === id && e.runtime === series.runtime)!
          .cases.find((x) => x.case === 'sleep-limit')!;
        expect(p.main).toEqual(c.figures.throughput);
        expect(p.tail).toEqual(c.figures.p99Ms);
        expect(p.ideal).toBeCloseTo((c.units! / c.idealMs!) * 1000, 9);
      });
    }
  });

  it('names a case by its label, or by id and variant where the label names the swept value', () => {
    const label = (id: string) => sweep!.cases.find((c) => c.case === id)!.label;
    expect(label('sleep-gather')).toBe('gather() of all sleeps');
    expect(label('sleep-semaphore')).toBe('sleep-semaphore (semaphore)');
  });

  it('tells the cases bounded by the parameter (ideal varies) from the unbounded ones', () => {
    const varies = sweep!.cases.filter((c) => c.idealVaries).map((c) => c.case);
    expect(varies).toEqual(['sleep-semaphore', 'sleep-limit', 'sleep-queue-workers']);
    // d*ceil(N/c): the ideal throughput grows with c until c reaches N.
    const ideal = sweep!.cases.find((c) => c.case === 'sleep-limit')!.series[0]!.points.map((p) => p.ideal!);
    for (let i = 1; i < ideal.length; i++) expect(ideal[i]!).toBeGreaterThanOrEqual(ideal[i - 1]!);
  });

  it('finds no sweep in a run without one', () => {
    expect(sweepsOf(realRun())).toEqual([]);
  });
});
