import { compareRuns, regressions } from '@asyncbench/results';
import { realRun, slowedDown } from '@asyncbench/results/testing';
import { describe, expect, it } from 'vitest';
import { formatCompare, formatRegressions, shownRows } from './compare.ts';

const run = realRun();

describe('compare output', () => {
  it('prints each case’s main figure and every conclusive change, with a tally of all figures', () => {
    const comparison = compareRuns(run, slowedDown(run, 1.5));
    const text = formatCompare(comparison, 'a.json', 'b.json');
    expect(text).toContain('a = a.json\nb = b.json');
    const shown = shownRows(comparison.rows);
    expect(shown.filter((r) => r.main)).toHaveLength(run.entries.reduce((n, e) => n + e.cases.length, 0));
    expect(shown.every((r) => r.main || r.verdict === 'slower' || r.verdict === 'faster')).toBe(true);
    expect(text).toMatch(
      /^node\s+timers\s+sleep-blocking\s+Throughput \(timer waits\/s\)\s+\S+\s+\S+\s+0\.67×\s+\S+–\S+×\s+(slower|no significant difference)$/m,
    );
    const slower = comparison.rows.filter((r) => r.verdict === 'slower').length;
    expect(text).toContain(`${comparison.rows.length} figures: 0 faster, ${slower} slower, `);
  });

  it('says when there is nothing to compare, and why', () => {
    expect(formatCompare({ rows: [], notes: ['x: parameters differ'], onlyIn: [] }, 'a.json', 'b.json')).toBe(
      'nothing to compare: no (runtime, scenario, case) with the same parameters is in both a.json and b.json ' +
        '(their parameters differ; --ignore-params compares them by case id anyway)\nx: parameters differ',
    );
  });

  it('names each regression with its ratio, interval and least slowdown', () => {
    const found = regressions(compareRuns(run, slowedDown(run, 1.5)).rows, 0.05);
    const text = formatRegressions(found, 0.05);
    expect(text.split('\n')[0]).toBe(`gate: ${found.length} figures conclusively slower by more than 5%:`);
    expect(text).toMatch(
      /^ {2}\S+ \S+ \S+ throughput: b\/a 0\.67× \(95% CI \S+–\S+×, lower is worse\): 1\.50× slower, at least \S+×$/m,
    );
    expect(formatRegressions([], 0.1)).toBe('gate: no figure is conclusively slower by more than 10%');
  });
});
