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
    // A round repeats the wide figures only: deno's and bun's, priced at their mean repeat time.
    expect(timers).toEqual({
      id: 'timers',
      wide: 2,
      widest: Number.POSITIVE_INFINITY,
      failed: false,
      roundMs: 2000 + 500,
      rounds: 3,
      wideCases: { deno: ['a'], bun: ['a'] },
      noInterval: 1,
    });
    expect(files).toEqual({
      id: 'files',
      wide: 0,
      noInterval: 0,
      widest: 0,
      failed: false,
      roundMs: 0,
      rounds: 2,
      wideCases: {},
    });
  });
  it('lists per runtime only the wide cases, priced by the processes that ran them last', () => {
    const micro = (id: string, ops: number[]): CaseAggregate => ({
      ...workloadCase(id, [1]),
      kind: 'micro',
      unitMs: null,
      idealMs: null,
      units: null,
      concurrency: null,
      figures: { opsPerSec: spreadOf(ops) },
    });
    const run = runWith([
      entry(
        'node',
        'queue',
        [workloadCase('w', [100, 101, 100]), micro('m1', [10, 20, 15]), micro('m2', [10, 10.1, 10])],
        [5000, 5000, 5000],
      ),
      entry(
        'bun',
        'queue',
        [workloadCase('w', [100, 60, 140]), micro('m1', [10, 30, 20])],
        [4000, 4000, 4000],
      ),
    ]);
    // Each case ran in a process of its own here but bun's w and m1 shared one.
    const costs: Record<string, number> = { 'node/m1': 600, 'node/m2': 500, 'node/w': 3900 };
    const shared = { ms: 3000 };
    const estimate = (runtime: string, _s: string, cases: readonly string[]) => {
      if (runtime === 'bun') return new Set(cases.map(() => shared)).size * shared.ms;
      const ms = cases.map((c) => costs[`${runtime}/${c}`]);
      return ms.includes(undefined) ? undefined : ms.reduce((a, b) => a! + b!, 0);
    };
    const [queue] = scenarioStates(run, ['queue'], 0.07, estimate);
    expect(queue!.wideCases).toEqual({ node: ['m1'], bun: ['w', 'm1'] });
    expect(queue!.roundMs).toBe(600 + 3000);
    expect(queue!.wide).toBe(3);
  });
  it('counts rounds by repeat index, so a round of a few cases on one runtime still counts', () => {
    const e = entry('node', 'tasks', [workloadCase('a', [1, 2])], [100, 100]);
    e.repeats[1]!.index = 4;
    expect(scenarioStates(runWith([e]), ['tasks'], 0.1)[0]!.rounds).toBe(5);
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
  wideCases: {},
  noInterval: 0,
  ...over,
});

describe('nextStep', () => {
  it('stops by horizon when nothing is wide', () => {
    expect(nextStep([state('a', 0.05, 100), state('b', 0, 100)], 10_000)).toEqual({
      next: 'stop',
      stoppedBy: 'horizon',
    });
  });
  it('runs a round of every wide scenario without failures, the most wide figures per second first', () => {
    const step = nextStep(
      [
        state('costly', 0.5, 9000, { wide: 3 }),
        state('cheap', 0.1, 500, { wide: 2 }),
        state('middle', 0.3, 1000, { wide: 3 }),
      ],
      10_000,
    );
    expect(step).toEqual({ next: 'rounds', scenarios: ['cheap', 'middle'] });
  });
  it('runs a round of every wide scenario, widest first at equal cost, without failures', () => {
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
    const states = [
      state('a', 0.4, 900, { wide: 4 }),
      state('b', 0.3, 500, { wide: 2 }),
      state('c', 0.2, 300, { wide: 1 }),
    ];
    expect(nextStep(states, 1000)).toEqual({ next: 'rounds', scenarios: ['a'] });
    expect(nextStep(states, 850)).toEqual({
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
    const states = [
      state('timers', 0.3, 1, { wide: 3, rounds: 4, wideCases: { node: ['a', 'b'], deno: ['a'] } }),
      state('files', 0.2, 1),
    ];
    expect(samplingLine(states, '±10%', 'timers')).toBe(
      'sampling: 4 figures wider than ±10%, adding round 5 of timers (2 cases across runtimes)',
    );
  });
  it('counts figures with no interval yet apart from those wider than the horizon', () => {
    const states = [
      state('tasks', Number.POSITIVE_INFINITY, 1, { wide: 6, noInterval: 6, wideCases: { node: ['a'] } }),
      state('queue', 0.3, 1, { wide: 2, noInterval: 0 }),
    ];
    expect(samplingLine(states, '±25%', 'tasks')).toBe(
      'sampling: 6 figures with no interval yet, 2 figures wider than ±25%, adding round 4 of tasks (1 case)',
    );
    const only = [
      state('tasks', Number.POSITIVE_INFINITY, 1, { wide: 1, noInterval: 1, wideCases: { node: ['a'] } }),
    ];
    expect(samplingLine(only, '±25%', 'tasks')).toBe(
      'sampling: 1 figure with no interval yet, adding round 4 of tasks (1 case)',
    );
  });
});

describe('parseHorizon', () => {
  it.each([
    ['10%', 0.1],
    ['10', 0.1],
    ['±7.5%', 0.075],
    ['0.5%', 0.005],
    ['100%', 1],
  ])('%s -> %f', (text, value) => expect(parseHorizon(text)).toBeCloseTo(value, 12));
  it.each(['0%', '0', '-5%', '101%', 'ten', '', '5%%', '0.1x', '0.1', '0.5'])('rejects %j', (text) =>
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
