/** Well-formed, hand-made schema objects for unit tests of shapes; each call returns a fresh copy to mutate. */
import { SCHEMA_VERSION } from '../src/constants.ts';
import type { CaseResult, InputStats, RunFile, WorkloadStats } from '../src/schema.ts';

/** Input events as the responsiveness scenario records them: 30 sent during the work, 12 handled. */
export function inputStats(overrides: Partial<InputStats> = {}): InputStats {
  return {
    source: 'worker-message',
    intervalMs: 10,
    expected: 30,
    handled: 12,
    delayMs: { mean: 40, p50: 30, p90: 90, p99: 120, max: 125 },
    ...overrides,
  };
}

export function workloadResult(overrides: Partial<WorkloadStats> = {}): CaseResult {
  return {
    scenario: 'sleep',
    case: 'sleep-gather',
    label: 'sleep, gather',
    kind: 'workload',
    mode: 'concurrent',
    variant: 'gather',
    params: { units: 10, ms: 5, note: 'x', flag: true },
    workload: {
      units: 10,
      concurrency: 10,
      unitMs: 5,
      wallMs: 6,
      throughput: 1666.7,
      latencyMs: { mean: 5.2, p50: 5.1, p90: 5.5, p99: 5.9, max: 6 },
      idealMs: 5,
      efficiency: 0.83,
      rssBytes: 1e8,
      heapUsedBytes: 5e7,
      ...overrides,
    },
  };
}

export function microResult(opsPerSec = 1e6): CaseResult {
  return {
    scenario: 'gather',
    case: 'gather-10',
    label: 'gather of 10',
    kind: 'micro',
    mode: null,
    variant: 'core',
    params: { n: 10 },
    micro: { opsPerSec, meanNs: 1e9 / opsPerSec, p50Ns: 990, p99Ns: 1500, rme: 1.2, samples: 100, batch: 64 },
  };
}

export function runFile(): RunFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: '2026-11-25T14-00-00Z-host',
    tool: { name: 'asyncbench', version: '0.1.0', commit: null },
    status: 'complete',
    startedAt: '2026-11-25T14:00:00.000Z',
    finishedAt: '2026-11-25T14:01:00.000Z',
    elapsedMs: 60000,
    profile: 'quick',
    seed: 1,
    repeats: 1,
    host: {
      hostname: 'host',
      os: 'linux',
      release: '6.1',
      arch: 'x64',
      cpuModel: 'cpu',
      cpuCount: 2,
      memoryBytes: 8e9,
      pinned: false,
    },
    runtimes: [{ name: 'node', status: 'ok', version: '20.20.2', path: '/usr/bin/node', source: 'path' }],
    scenarios: [
      {
        id: 'sleep',
        label: 'Sleep',
        description: 'timers',
        modes: ['concurrent'],
        params: { units: 10 },
        unit: { singular: 'timer wait', plural: 'timer waits' },
        requires: [],
      },
    ],
    entries: [
      {
        runtime: 'node',
        scenario: 'sleep',
        status: 'ok',
        repeats: [{ index: 0, status: 'ok', durationMs: 100, results: [workloadResult(), microResult()] }],
        cases: [
          {
            case: 'sleep-gather',
            label: 'sleep, gather',
            kind: 'workload',
            mode: 'concurrent',
            variant: 'gather',
            params: { units: 10 },
            unitMs: 5,
            idealMs: 5,
            units: 10,
            concurrency: 10,
            figures: { throughput: { median: 1666.7, min: 1666.7, max: 1666.7, values: [1666.7] } },
          },
        ],
      },
    ],
    notes: [],
  };
}
