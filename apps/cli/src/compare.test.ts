import { describe, expect, it } from 'vitest';
import { compareRuns, formatCompare } from './compare.ts';
import { entry, microResult, runFile, workloadResult } from './test-fixtures.ts';

const repeatsOf = (values: number[], p99s: number[]) =>
  values.map((t, i) => [
    workloadResult('timers', 'sleep-gather', 'concurrent', 'gather', t, p99s[i]),
    microResult('timers', 'gather-10', t * 100),
  ]);

describe('compare', () => {
  const a = runFile(
    [entry('node', 'timers', repeatsOf([100, 102, 98], [10, 10.2, 9.9]))],
    [{ id: 'timers', modes: ['concurrent'] }],
  );
  const b = runFile(
    [
      entry('node', 'timers', repeatsOf([150, 152, 149], [10.1, 9.9, 10])),
      entry('bun', 'timers', repeatsOf([1, 2, 3], [1, 2, 3])),
    ],
    [{ id: 'timers', modes: ['concurrent'] }],
  );

  it('compares the main figures of cases present in both runs', () => {
    const rows = compareRuns(a, b);
    expect(rows.map((r) => `${r.runtime}/${r.case}/${r.figure}`)).toEqual([
      'node/sleep-gather/throughput',
      'node/sleep-gather/p99Ms',
      'node/gather-10/opsPerSec',
    ]);
    const t = rows[0]!;
    expect(t.ratio).toBeCloseTo(1.5);
    expect(t.verdict).toBe('faster');
    expect(t.ciLow!).toBeGreaterThan(1);
    expect(rows[1]!.verdict).toBe('no significant difference');
  });

  it('says insufficient data with a single repeat', () => {
    const one = runFile([entry('node', 'timers', repeatsOf([100], [10]))], [{ id: 'timers', modes: [] }]);
    expect(compareRuns(one, b).every((r) => r.verdict === 'insufficient data')).toBe(true);
  });

  it('prints a table with a tally', () => {
    const text = formatCompare(compareRuns(a, b), 'a.json', 'b.json');
    expect(text).toContain('a = a.json');
    expect(text).toMatch(
      /node\s+timers\s+sleep-gather\s+throughput \(units\/s\)\s+100\s+150\s+1\.500\s+\S+–\S+\s+faster/,
    );
    expect(text).toContain('2 faster, 0 slower, 1 no significant difference, 0 insufficient data');
    expect(formatCompare([], 'a.json', 'b.json')).toMatch(/^nothing to compare/);
  });
});
