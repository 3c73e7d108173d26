import { describe, expect, it } from 'vitest';
import { microResult, runFile, workloadResult } from '../test-support/builders.ts';
import { aggregateRepeats } from './aggregate.ts';
import {
  busyMachineLine,
  busyThroughout,
  figureFlags,
  flagMark,
  flagRows,
  shortFlagLines,
  truncateLine,
} from './flag-rows.ts';
import { bimodalSplit, type CaseRepeat, caseFlags, modifiedZScores, repeatList } from './flags.ts';
import type { CaseResult, MachineLoad, MicroStats, RepeatRecord, WorkloadStats } from './schema.ts';

function micro(overrides: Partial<MicroStats> = {}): CaseResult {
  const r = microResult(1e6);
  if (r.kind === 'micro') r.micro = { ...r.micro, ...overrides };
  return r;
}
const work = (overrides: Partial<WorkloadStats> = {}) => workloadResult(overrides);
const reps = (results: CaseResult[], machine?: (i: number) => MachineLoad | undefined): CaseRepeat[] =>
  results.map((result, index) => ({ index, result, machine: machine?.(index) }));
const kinds = (repeats: CaseRepeat[]) => caseFlags(repeats).map((f) => f.kind);
const repeat = (index: number, results: CaseResult[], machine?: MachineLoad): RepeatRecord => ({
  index,
  status: 'ok',
  durationMs: 100,
  results,
  ...(machine ? { machine } : {}),
});
const quiet: MachineLoad = { loadAvg1: [0.4, 0.5], otherCpuShare: 0.02, otherCpuCores: 0.04 };

describe('caseFlags', () => {
  it('says nothing about steady, consistent repeats on a quiet machine', () => {
    expect(
      caseFlags(reps([work(), work({ throughput: 1700 }), work({ throughput: 1650 })], () => quiet)),
    ).toEqual([]);
    expect(caseFlags(reps([micro(), micro({ opsPerSec: 1.02e6 }), micro({ opsPerSec: 0.99e6 })]))).toEqual(
      [],
    );
    expect(caseFlags([])).toEqual([]);
  });

  it('dead-code: a micro op near the empty loop in any repeat, naming the repeat', () => {
    const flags = caseFlags(
      reps([
        micro({ emptyLoopNs: 1, nearEmptyLoop: false }),
        micro({ meanNs: 1.3, emptyLoopNs: 1, nearEmptyLoop: true }),
      ]),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'dead-code', figure: 'opsPerSec', repeats: [1] });
    expect(flags[0]!.detail).toContain('repeat #2');
    expect(kinds(reps([micro({ emptyLoopNs: 1, nearEmptyLoop: false })]))).toEqual([]);
  });

  it('dead-code: without nearEmptyLoop, compares meanNs with 1.42 x emptyLoopNs itself', () => {
    expect(kinds(reps([micro({ meanNs: 1.4, emptyLoopNs: 1 })]))).toEqual(['dead-code']);
    expect(kinds(reps([micro({ meanNs: 1.5, emptyLoopNs: 1 })]))).toEqual([]);
  });

  it('dead-code: an op under 1 ns even when the empty loop compiled to nothing (bun: 0.06 ns)', () => {
    const flags = caseFlags(reps([micro({ meanNs: 0.83, emptyLoopNs: 0.06, nearEmptyLoop: false })]));
    expect(flags.map((f) => f.kind)).toEqual(['dead-code']);
    expect(flags[0]!.detail).toContain('0.830 ns per op, under 1 ns');
    expect(kinds(reps([micro({ meanNs: 1.1, emptyLoopNs: 0.06, nearEmptyLoop: false })]))).toEqual([]);
  });

  it('dead-code: twice the ops in under 1.3x the time (workRatio), saying so', () => {
    const flags = caseFlags(
      reps([micro({ workRatio: 1.98 }), micro({ workRatio: 1.05 }), micro({ workRatio: 1.02 })]),
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'dead-code', figure: 'opsPerSec', repeats: [1, 2] });
    expect(flags[0]!.detail).toContain('2× the ops took 1.05× the time, in repeat #2');
    expect(kinds(reps([micro({ workRatio: 1.31 }), micro({ workRatio: 2.4 })]))).toEqual([]);
    // One low repeat among high ones is a preempted batch on a busy machine, not constant time:
    // the median decides (bun's 172 ns await-async-call read 1.27 in two of nine, at load 9-11).
    expect(
      kinds(reps([micro({ workRatio: 1.98 }), micro({ workRatio: 1.27 }), micro({ workRatio: 2.01 })])),
    ).toEqual([]);
    // Files written before the check have no workRatio: nothing to say.
    expect(kinds(reps([micro({ workRatio: undefined })]))).toEqual([]);
  });

  it('dead-code: every reason a repeat gives, in one detail', () => {
    const [flag] = caseFlags(
      reps([micro({ meanNs: 0.5, emptyLoopNs: 0.4, nearEmptyLoop: true, workRatio: 1.02 })]),
    );
    expect(flag!.detail).toBe(
      '0.500 ns per op, within 1.42× of the empty loop (0.400 ns); under 1 ns, a few CPU cycles; ' +
        '2× the ops took 1.02× the time, in repeat #1: likely optimised away (dead-code elimination), ' +
        'or a cost paid once per batch, not per op',
    );
  });

  it('dead-code: a workload faster than its physical limit (efficiency > 1.05)', () => {
    expect(caseFlags(reps([work({ efficiency: 1.2 }), work()]))[0]).toMatchObject({
      kind: 'dead-code',
      figure: 'efficiency',
      repeats: [0],
    });
    expect(kinds(reps([work({ efficiency: 1.04 }), work({ efficiency: null })]))).toEqual([]);
  });

  it('outlier: |modified z| > 3.5 over the repeats, as Iglewicz and Hoaglin', () => {
    const flags = caseFlags(reps([1000, 1010, 990, 1005, 400].map((throughput) => work({ throughput }))));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'outlier', figure: 'throughput', repeats: [4] });
    expect(flags[0]!.detail).toBe(
      'repeat #5 at 400 (-60%) against a median of 1,000 (5 repeats of throughput; |modified z| > 3.5, more than 10% off)',
    );
    // Spread out but no single repeat far from the rest: no outlier.
    expect(kinds(reps([1000, 900, 1100, 950, 1050].map((throughput) => work({ throughput }))))).toEqual([]);
    // A tiny MAD makes a repeat 1% off score far above 3.5; under 10% off it is not an outlier.
    expect(modifiedZScores([6688, 6622, 6620])[0]).toBeGreaterThan(20);
    expect(kinds(reps([6688, 6622, 6620].map((throughput) => work({ throughput }))))).toEqual([]);
    // Two repeats cannot say which one is off.
    expect(kinds(reps([1000, 400].map((throughput) => work({ throughput }))))).toEqual([]);
  });

  it('modifiedZScores: 0.6745 (x - median) / MAD; MAD 0 makes any other value infinite', () => {
    const z = modifiedZScores([1, 2, 3, 4, 100]);
    expect(z[2]).toBe(0);
    expect(z[4]).toBeCloseTo((0.6745 * 97) / 1, 6);
    expect(modifiedZScores([10, 10, 10, 12])).toEqual([0, 0, 0, Infinity]);
  });

  it('high-rme: the median rme over repeats above 5%', () => {
    expect(caseFlags(reps([micro({ rme: 9 }), micro({ rme: 7 }), micro({ rme: 1 })]))[0]).toMatchObject({
      kind: 'high-rme',
      figure: 'rme',
    });
    // One noisy repeat of three does not make the case imprecise.
    expect(kinds(reps([micro({ rme: 30 }), micro({ rme: 2 }), micro({ rme: 3 })]))).toEqual([]);
  });

  it('bimodal: two tight clusters with a wide gap, at least two on each side', () => {
    const values = [1000, 1010, 1500, 1490, 1005, 1495];
    const flags = caseFlags(reps(values.map((throughput) => work({ throughput }))));
    expect(flags.map((f) => f.kind)).toEqual(['bimodal']);
    expect(flags[0]!.detail).toContain('3 around 1,005 and 3 around 1,495');
    expect(bimodalSplit([1000, 1010, 1500, 1490])).toEqual({ low: [1000, 1010], high: [1490, 1500] });
    // Evenly spread: no gap stands out.
    expect(bimodalSplit([1000, 1100, 1200, 1300, 1400, 1500])).toBeNull();
    // Three repeats can never show two clusters of two.
    expect(bimodalSplit([1000, 1010, 1500])).toBeNull();
    // Two clusters of identical values a hair apart: the gap is under 10% of the median.
    expect(bimodalSplit([1000, 1000, 1001, 1001])).toBeNull();
  });

  it('not-steady: a workload repeat whose warm-up hit the cap', () => {
    expect(caseFlags(reps([work({ warmupSteady: true }), work({ warmupSteady: false })]))[0]).toMatchObject({
      kind: 'not-steady',
      repeats: [1],
    });
    expect(kinds(reps([work({ warmupSteady: true }), work()]))).toEqual([]);
  });

  it('busy-machine: other processes above a quarter of a core in a repeat', () => {
    const busy: MachineLoad = { loadAvg1: [1.2, 1.9], otherCpuShare: 0.45, otherCpuCores: 0.9 };
    const flags = caseFlags(reps([work(), work()], (i) => (i === 1 ? busy : quiet)));
    expect(flags.map((f) => f.kind)).toEqual(['busy-machine']);
    expect(flags[0]!.detail).toContain('0.900 of a core (45% of the machine), load 1.20 → 1.90 in repeat #2');
    expect(kinds(reps([work()], () => ({ loadAvg1: [3, 3] })))).toEqual([]); // not measured: no claim
  });
});

describe('flags through aggregation and the run', () => {
  it('aggregateRepeats stores each case its flags, [] when none', () => {
    const [w, m] = aggregateRepeats([
      repeat(0, [work(), micro({ meanNs: 1, emptyLoopNs: 1, nearEmptyLoop: true })]),
      repeat(1, [work(), micro({ meanNs: 1, emptyLoopNs: 1, nearEmptyLoop: true })]),
    ]);
    expect(w!.flags).toEqual([]);
    expect(m!.flags?.map((f) => f.kind)).toEqual(['dead-code']);
    expect(flagMark(m)).toBe(' !');
    expect(flagMark(w)).toBe('');
  });

  it('lists case flags per case and busy-machine once per entry, with the run-wide line', () => {
    const run = runFile();
    const busy: MachineLoad = { loadAvg1: [1.5, 2], otherCpuShare: 0.5, otherCpuCores: 1 };
    const entry = run.entries[0]!;
    entry.repeats = [
      repeat(0, [work({ efficiency: 1.3 }), micro()], busy),
      repeat(1, [work({ efficiency: 0.9 }), micro()], quiet),
    ];
    entry.cases = aggregateRepeats(entry.repeats);
    const rows = flagRows(run);
    expect(rows.map((r) => [r.kind, r.case])).toEqual([
      ['dead-code', 'sleep-gather'],
      ['busy-machine', null],
    ]);
    expect(rows[1]!.detail).toBe(
      'other processes used up to 1.00 of a core (50% of the machine) in repeat #1',
    );
    expect(busyMachineLine(run)).toBe(
      'measured on a partly busy machine: other processes used more than 0.25 of a core during 1 of 2 processes ' +
        '(1.00 of a core, 50% of the machine, load average 1.50–2.00); the figures measured then are marked busy-machine',
    );
    // Busy only then: the figures measured then carry the mark.
    expect(flagMark(entry.cases[1], busyThroughout(run))).toBe(' !');
    // A failed repeat gave no figures: how busy the machine was then is not listed.
    entry.repeats.push({ index: 2, status: 'failed', durationMs: 5, results: [], machine: busy });
    entry.repeats[0]!.machine = quiet;
    expect(busyMachineLine(run)).toBeNull();
    expect(flagRows(run).map((r) => r.kind)).not.toContain('busy-machine');
  });

  it('says a machine busy during every process once, and marks no figure for it', () => {
    const run = runFile();
    const load = (cores: number, avg: number): MachineLoad => ({
      loadAvg1: [avg, avg + 0.5],
      otherCpuShare: cores / 2,
      otherCpuCores: cores,
    });
    const entry = run.entries[0]!;
    entry.repeats = [
      repeat(0, [work(), micro()], load(0.4, 1.6)),
      repeat(1, [work(), micro()], load(1.3, 2.7)),
    ];
    entry.cases = aggregateRepeats(entry.repeats);
    expect(entry.cases.every((c) => c.flags?.some((f) => f.kind === 'busy-machine'))).toBe(true);
    expect(busyThroughout(run)).toBe(true);
    expect(busyMachineLine(run)).toBe(
      'measured on a busy machine: other processes used 0.400–1.30 cores (20–65% of the machine) during all 2 ' +
        'processes, load average 1.60–3.20; said here once, no figure is marked for it',
    );
    expect(flagRows(run)).toEqual([]);
    expect(entry.cases.map((c) => flagMark(c, true))).toEqual(['', '']);
    expect(figureFlags(entry.cases[0]!.flags, false).map((f) => f.kind)).toEqual(['busy-machine']);
  });

  it('says a machine busy during most of the run once too, with how many processes', () => {
    const run = runFile();
    const busy: MachineLoad = { loadAvg1: [2, 2], otherCpuShare: 0.5, otherCpuCores: 1 };
    const entry = run.entries[0]!;
    entry.repeats = [0, 1, 2].map((i) => repeat(i, [work(), micro()], busy));
    entry.repeats.push(repeat(3, [work(), micro()], quiet));
    entry.cases = aggregateRepeats(entry.repeats);
    expect(busyThroughout(run)).toBe(true);
    expect(busyMachineLine(run)).toBe(
      'measured on a busy machine: other processes used 1.00 of a core (50% of the machine) during 3 of 4 ' +
        'processes, load average 2.00; said here once, no figure is marked for it',
    );
    expect(entry.cases.map((c) => flagMark(c, busyThroughout(run)))).toEqual(['', '']);
    // Half or fewer: the figures measured then keep their mark.
    entry.repeats[2]!.machine = quiet;
    expect(busyThroughout(run)).toBe(false);
  });
});

describe('the flag list in short', () => {
  it('numbers repeats as the progress lines do, runs of three or more as a range', () => {
    expect(repeatList([0, 2])).toBe('#1, #3');
    expect(repeatList([0, 1, 2, 3, 4, 5, 7, 8, 9])).toBe('#1–#6, #8–#10');
    expect(repeatList([4, 0, 1])).toBe('#1, #2, #5');
  });

  it('cuts a line at a clause boundary, else a space, marking the cut', () => {
    const text =
      'repeat #5 at 1,968,354 (-35%) against a median of 3,032,542 (throughput; |modified z| > 3.5, more than 10% off)';
    expect(truncateLine(text, 200)).toBe(text);
    expect(truncateLine(text, 90)).toBe('repeat #5 at 1,968,354 (-35%) against a median of 3,032,542…');
    expect(truncateLine('a b c d e f g h', 10)).toBe('a b c d…');
    expect(truncateLine('abcdefghijklmnop', 10)).toBe('abcdefghi…');
  });

  it('prints dead-code first, one line each within the width, then how many more', () => {
    const run = runFile();
    const entry = run.entries[0]!;
    const outlier = (i: number) =>
      work({ throughput: i === 4 ? 900 : 1600 + i, ...(i === 0 ? { warmupSteady: false } : {}) });
    entry.repeats = [0, 1, 2, 3, 4].map((i) =>
      repeat(i, [outlier(i), micro({ meanNs: 0.5, emptyLoopNs: 0.4, nearEmptyLoop: true })]),
    );
    entry.cases = aggregateRepeats(entry.repeats);
    expect(flagRows(run).map((r) => r.kind)).toEqual(['dead-code', 'outlier', 'not-steady']);
    const all = shortFlagLines(run, { lines: 3, width: 80 });
    expect(all).toHaveLength(3);
    expect(all[0]).toMatch(/^dead-code {4}node × sleep \/ \S+: 0\.500 ns per op/);
    expect(all[0]).toMatch(/…$/);
    for (const line of all) expect(line.length).toBeLessThanOrEqual(80);
    expect(shortFlagLines(run, { lines: 2, width: 80 })).toEqual([all[0], '… and 2 more, see the report']);
  });
});
