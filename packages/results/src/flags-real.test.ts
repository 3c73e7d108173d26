/**
 * The dead-code flag's work check on real measured micro stats (test-support/runs, written by
 * make-fixtures.mjs from real runs on node, deno and bun): the catalogue's micro cases, whose time
 * grows with their work, are never flagged by it; an op whose cost is paid once per turn is, on
 * every runtime; ops a JIT emptied keep their loop, so their time still grows, and the other
 * dead-code rules (near the empty loop, under 1 ns) are what catch them.
 */
import { describe, expect, it } from 'vitest';
import { microRun, workCheckRun } from '../test-support/index.ts';
import { type CaseRepeat, caseFlags, MIN_WORK_RATIO } from './flags.ts';
import type { Entry, MicroStats, RunFile } from './schema.ts';

const RUNTIMES = ['node', 'deno', 'bun'];
const WORK_REASON = '2× the ops took';

/** Every micro case of a run with its repeats as caseFlags takes them, and each repeat's stats. */
function microCases(run: RunFile) {
  return run.entries.flatMap((e: Entry) =>
    e.cases
      .filter((c) => c.kind === 'micro')
      .map((c) => {
        const repeats: CaseRepeat[] = e.repeats.flatMap((r) =>
          r.status === 'ok'
            ? r.results.filter((x) => x.case === c.case).map((result) => ({ index: r.index, result }))
            : [],
        );
        const stats = repeats.flatMap((r) =>
          r.result.kind === 'micro' ? [r.result.micro as MicroStats] : [],
        );
        return { runtime: e.runtime, id: `${e.scenario}/${c.case}`, repeats, stats };
      }),
  );
}

const deadCodeDetail = (repeats: CaseRepeat[]) =>
  caseFlags(repeats).find((f) => f.kind === 'dead-code')?.detail ?? '';

describe('the work check on real runs', () => {
  const catalogue = microCases(microRun());
  const known = microCases(workCheckRun());

  it('covers the catalogue’s micro cases on node, deno and bun, each repeat with a work ratio', () => {
    for (const runtime of RUNTIMES)
      expect(catalogue.filter((c) => c.runtime === runtime).length).toBeGreaterThanOrEqual(15);
    for (const c of catalogue) {
      expect(c.stats.length, c.id).toBe(2);
      for (const m of c.stats) expect(m.workRatio, `${c.runtime} ${c.id}`).toBeTypeOf('number');
    }
  });

  it('never flags a catalogue case for time that does not grow: twice the ops take about twice as long', () => {
    for (const c of catalogue) {
      for (const m of c.stats) expect(m.workRatio!, `${c.runtime} ${c.id}`).toBeGreaterThan(MIN_WORK_RATIO);
      expect(deadCodeDetail(c.repeats), `${c.runtime} ${c.id}`).not.toContain(WORK_REASON);
    }
    const ratios = catalogue.flatMap((c) => c.stats.map((m) => m.workRatio!)).sort((x, y) => x - y);
    const median = ratios[ratios.length >> 1]!;
    expect(median).toBeGreaterThan(1.9);
    expect(median).toBeLessThan(2.1);
  });

  it('flags the op whose cost is paid once per turn on every runtime, naming the ratio', () => {
    for (const runtime of RUNTIMES) {
      const c = known.find((x) => x.runtime === runtime && x.id.endsWith('/store-set-render-once-per-turn'))!;
      for (const m of c.stats) expect(m.workRatio!, runtime).toBeLessThan(MIN_WORK_RATIO - 0.15);
      expect(deadCodeDetail(c.repeats), runtime).toMatch(
        /2× the ops took [\d.]+× the time, in repeat #1, #2/,
      );
    }
  });

  it('ops whose work a JIT deleted keep their loop: the time grows, the empty-loop rules catch them', () => {
    for (const runtime of RUNTIMES) {
      for (const name of ['empty-body', 'unused-math-sqrt', 'unused-object']) {
        const c = known.find((x) => x.runtime === runtime && x.id.endsWith(`/${name}`))!;
        for (const m of c.stats) expect(m.workRatio!, `${runtime} ${name}`).toBeGreaterThan(MIN_WORK_RATIO);
        const detail = deadCodeDetail(c.repeats);
        expect(detail, `${runtime} ${name}`).toMatch(/within 1\.42× of the empty loop|under 1 ns/);
        expect(detail).not.toContain(WORK_REASON);
      }
      for (const name of ['kept-arithmetic', 'kept-array-map']) {
        const c = known.find((x) => x.runtime === runtime && x.id.endsWith(`/${name}`))!;
        expect(deadCodeDetail(c.repeats), `${runtime} ${name}`).toBe('');
      }
    }
  });
});
