import { type CaseAggregate, type Entry, type RunFile, spreadOf } from '@asyncbench/results';
import { describe, expect, it } from 'vitest';
import {
  nextStep,
  parseDuration,
  parseHorizon,
  type ScenarioState,
  samplingLine,
  scenarioStates,
} from './sampling.ts';

const workloadCase = (id: string, throughput: number[]): CaseAggregate => ({
  case: id,
  label: id,
  kind: 'workload',
  mode: 'concurrent',
  variant: '',
  params: {},
  unitMs: 5,
  idealMs: 50,
  units: 10,
  concurrency: 10,
  figures: { throughput: spreadOf(throughput) },
});

const entry = (
  runtime: string,
  scenario: string,
  cases: CaseAggregate[],
  durations: number[],
  status: Entry['status'] = 'ok',
): Entry => ({
  runtime,
  scenario,
  status,
  repeats: durations.map((durationMs, index) => ({ index, status: 'ok', durationMs, results: [] })),
  cases,
});

const runWith = (entries: Entry[]) => ({ entries }) as unknown as RunFile;

describe('scenarioStates', () => {
  it('counts main figures wider than the horizon, the widest, the round time and rounds', () => {
    const run = runWith([
      // ±~2%: inside ±10%.
      entry('node', 'timers', [workloadCase('a', [100, 101, 99])], [1000, 1200, 1100]),
      // Wide on deno; one repeat only on bun (no interval: Infinity).
      entry('deno', 'timers', [workloadCase('a', [100, 150, 70])], [2000, 2000, 2000]),
      entry('bun', 'timers', [workloadCase('a', [100])], [500]),
      entry('node', 'files', [workloadCase('b', [100, 100])], [300, 300]),
      entry('deno', 'files', [], [], 'skipped'),
    ]);
    const [timers, files] = scenarioStates(run, ['timers', 'files'], 0.1);
    expect(timers).toEqual({
      id: 'timers',
      wide: 2,
      widest: Number.POSITIVE_INFINITY,
      failed: false,
      roundMs: 1100 + 2000 + 500,
      rounds: 3,
    });
    expect(files).toEqual({ id: 'files', wide: 0, widest: 0, failed: false, roundMs: 300, rounds: 2 });
  });
  it('marks a scenario with a failed process', () => {
    const run = runWith([entry('node', 'http', [workloadCase('a', [1, 3])], [100, 100], 'failed')]);
    expect(scenarioStates(run, ['http'], 0.1)[0]).toMatchObject({ failed: true, wide: 1 });
  });
});

const state = (
  id: string,
  widest: number,
  roundMs: number,
  over: Partial<ScenarioState> = {},
): ScenarioState => ({
  id,
  wide: widest > 0.1 ? 1 : 0,
  widest,
  failed: false,
  roundMs,
  rounds: 3,
  ...over,
});

describe('nextStep', () => {
  it('stops by horizon when nothing is wide', () => {
    expect(nextStep([state('a', 0.05, 100), state('b', 0, 100)], 10_000)).toEqual({
      next: 'stop',
      stoppedBy: 'horizon',
    });
  });
  it('runs a round of every wide scenario, widest first, without failures', () => {
    const step = nextStep(
      [
        state('a', 0.2, 100),
        state('b', 0.05, 100),
        state('c', Number.POSITIVE_INFINITY, 100),
        state('d', 0.5, 100, { failed: true }),
        state('e', 0.3, 100),
      ],
      10_000,
    );
    expect(step).toEqual({ next: 'rounds', scenarios: ['c', 'e', 'a'] });
  });
  it('passes over rounds that do not fit the budget for cheaper ones behind them', () => {
    const step = nextStep([state('a', 0.4, 900), state('b', 0.3, 500), state('c', 0.2, 300)], 1000);
    expect(step).toEqual({ next: 'rounds', scenarios: ['a'] });
    expect(nextStep([state('a', 0.4, 900), state('b', 0.3, 500), state('c', 0.2, 300)], 850)).toEqual({
      next: 'rounds',
      scenarios: ['b', 'c'],
    });
  });
  it('stops by max-time when no round fits, and by failures when only failed ones are wide', () => {
    expect(nextStep([state('a', 0.4, 900)], 899)).toEqual({ next: 'stop', stoppedBy: 'max-time' });
    expect(nextStep([state('a', 0.4, 900)], -5)).toEqual({ next: 'stop', stoppedBy: 'max-time' });
    expect(nextStep([state('a', 0.4, 9, { failed: true }), state('b', 0.01, 9)], 1e9)).toEqual({
      next: 'stop',
      stoppedBy: 'failures',
    });
  });
});

describe('samplingLine', () => {
  it('says how many figures are wide and which round of what it adds', () => {
    const states = [state('timers', 0.3, 1, { wide: 3, rounds: 4 }), state('files', 0.2, 1)];
    expect(samplingLine(states, '±10%', 'timers')).toBe(
      'sampling: 4 figures wider than ±10%, adding round 5 of timers',
    );
  });
});

describe('parseHorizon', () => {
  it.each([
    ['10%', 0.1],
    ['10', 0.1],
    ['±7.5%', 0.075],
    ['100%', 1],
  ])('%s -> %f', (text, value) => expect(parseHorizon(text)).toBeCloseTo(value, 12));
  it.each(['0%', '0', '-5%', '101%', 'ten', '', '5%%', '0.1x'])('rejects %j', (text) =>
    expect(parseHorizon(text)).toBeNull(),
  );
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['90', 90_000],
    ['8m', 480_000],
    ['7.5min', 450_000],
    ['1h', 3_600_000],
    ['250ms', 250],
    ['0', 0],
  ])('%s -> %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', 'soon', '-1s', '5d', '1e3', '8 minutes', '200h'])('rejects %j', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});
