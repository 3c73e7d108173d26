import { describe, expect, it } from 'vitest';
import { microResult, workloadResult } from '../test-support/builders.ts';
import { realRun } from '../test-support/index.ts';
import { aggregateRepeats } from './aggregate.ts';
import { toMarkdown } from './exports/markdown.ts';
import {
  casePrecision,
  formatHalfWidth,
  markPrecision,
  precisionNote,
  relativeHalfWidth,
} from './precision.ts';
import type { RepeatRecord } from './schema.ts';
import { microCell, summarizeRun } from './summary.ts';

const repeat = (index: number, throughput: number, ops = 1e6): RepeatRecord => ({
  index,
  status: 'ok',
  durationMs: 10,
  results: [workloadResult({ throughput }), microResult(ops)],
});

describe('relativeHalfWidth', () => {
  it('is exp(t * s / sqrt(n)) - 1 on logs', () => {
    // logs 0, 0.1, 0.2: s = 0.1, n = 3, t(0.975, 2) = 4.303.
    const hw = relativeHalfWidth([1, Math.exp(0.1), Math.exp(0.2)]);
    expect(hw).toBeCloseTo(Math.expm1((4.303 * 0.1) / Math.sqrt(3)), 10);
  });
  it('is 0 for equal values and null where no interval exists', () => {
    expect(relativeHalfWidth([5, 5, 5])).toBe(0);
    expect(relativeHalfWidth([5])).toBeNull();
    expect(relativeHalfWidth([5, 0])).toBeNull();
    expect(relativeHalfWidth([5, Number.NaN])).toBeNull();
  });
  it('narrows as repeats of the same spread are added', () => {
    const few = relativeHalfWidth([90, 110, 100])!;
    const many = relativeHalfWidth([90, 110, 100, 90, 110, 100, 90, 110, 100])!;
    expect(many).toBeLessThan(few / 2);
  });
});

describe('casePrecision', () => {
  it('judges the main figure of each kind against the horizon', () => {
    const [w, m] = aggregateRepeats([repeat(0, 100, 1e6), repeat(1, 104, 2e6), repeat(2, 98, 1.5e6)]);
    const pw = casePrecision(w!, 0.1);
    expect(pw).toMatchObject({ figure: 'throughput', horizon: 0.1, repeats: 3, conclusive: true });
    expect(pw.halfWidth).toBeCloseTo(relativeHalfWidth([100, 104, 98])!, 12);
    const pm = casePrecision(m!, 0.1);
    expect(pm.figure).toBe('opsPerSec');
    expect(pm.conclusive).toBe(false);
    expect(pm.halfWidth!).toBeGreaterThan(0.1);
  });
  it('calls one repeat inconclusive, with no half-width', () => {
    const [w] = aggregateRepeats([repeat(0, 100)]);
    expect(casePrecision(w!, 0.5)).toMatchObject({ halfWidth: null, repeats: 1, conclusive: false });
  });
});

describe('formatHalfWidth', () => {
  it('prints a fraction as ± percent', () => {
    expect(formatHalfWidth(0.07)).toBe('±7%');
    expect(formatHalfWidth(0.125)).toBe('±13%');
    expect(formatHalfWidth(0.025)).toBe('±2.5%');
  });
});

describe('inconclusive figures in the summary and the Markdown export', () => {
  it('are marked ? with one line saying how many and why, never silently', () => {
    const run = realRun();
    markPrecision(run, 1e-9);
    const cases = run.entries.flatMap((e) => e.cases);
    const wide = cases.filter((c) => !c.precision!.conclusive).length;
    expect(wide).toBeGreaterThan(0);
    run.sampling = {
      horizon: 1e-9,
      maxTimeMs: 0,
      minRepeats: 3,
      rounds: 0,
      stoppedBy: 'max-time',
      inconclusive: wide,
    };
    const note = precisionNote(run)!;
    const noInterval = cases.filter((c) => c.precision!.halfWidth === null).length;
    const all =
      wide === cases.length ? `all ${wide - noInterval}` : `${wide - noInterval} of ${cases.length}`;
    expect(note).toBe(
      `? ${all} main figures stayed wider than ±0% (95% CI over repeats)` +
        `${noInterval > 0 ? `, ${noInterval} more have no interval (one repeat or no usable value)` : ''}; ` +
        '--max-time 0: minimum repeats only (3 per figure); to narrow them give sampling time (--max-time 2m) or more --repeats',
    );
    const md = toMarkdown(run);
    expect(md).toContain(note);
    const micro = summarizeRun(run).micro.rows[0]!;
    expect(micro.inconclusive.length).toBeGreaterThan(0);
    expect(microCell(micro, micro.inconclusive[0]!, () => '1,000')).toBe('1,000 ?');
    expect(md).toMatch(/ \? \(/); // a best case in the workload table: `7,167 ? (gather)`
  });
  it('leave a run within the horizon, or from before sampling, unmarked', () => {
    const run = realRun();
    expect(precisionNote(run)).toBeNull();
    markPrecision(run, 1e9);
    run.sampling = {
      horizon: 1e9,
      maxTimeMs: 1,
      minRepeats: 3,
      rounds: 0,
      stoppedBy: 'horizon',
      inconclusive: 0,
    };
    expect(precisionNote(run)).toBeNull();
    expect(toMarkdown(run)).not.toContain(' ?');
  });
  it('say why sampling left them wide and what would narrow them', () => {
    const run = realRun();
    markPrecision(run, 1e-9);
    const n = run.entries.flatMap((e) => e.cases).length;
    const sampling = { horizon: 1e-9, maxTimeMs: 450_000, minRepeats: 3, rounds: 4, inconclusive: n };
    run.sampling = { ...sampling, stoppedBy: 'max-time' };
    expect(precisionNote(run)).toBe(
      `? all ${n} main figures stayed wider than ±0% (95% CI over repeats); ` +
        'sampling ran out of --max-time (7m30s); to narrow them a longer --max-time or more --repeats',
    );
    run.sampling = { ...sampling, stoppedBy: 'failures' };
    expect(precisionNote(run)).toMatch(
      /; their scenarios had a failed process, which sampling does not repeat;/,
    );
    // One case left wide of many: counted against the whole, not "all".
    for (const c of run.entries.flatMap((e) => e.cases).slice(1)) c.precision!.conclusive = true;
    expect(precisionNote(run)).toMatch(new RegExp(`^\\? 1 of ${n} main figures stayed wider than`));
  });
});
