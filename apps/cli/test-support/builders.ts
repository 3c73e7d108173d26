/**
 * Builders for synthetic results data in unit tests of edge cases (not shipped: nothing in the CLI
 * imports this). Tests of what a real run says use @asyncbench/results/testing's real-run fixture.
 */
import {
  aggregateRepeats,
  type CaseResult,
  type Entry,
  type RunFile,
  SCHEMA_VERSION,
} from '@asyncbench/results';

export function workloadResult(
  scenario: string,
  id: string,
  mode: 'blocking' | 'sequential' | 'concurrent',
  variant: string,
  throughput: number,
  p99 = 10,
): CaseResult {
  const units = 100;
  const wallMs = (units / throughput) * 1000;
  return {
    scenario,
    case: id,
    label: id,
    kind: 'workload',
    mode,
    variant,
    params: { units },
    workload: {
      units,
      concurrency: mode === 'concurrent' ? units : 1,
      unitMs: 5,
      wallMs,
      throughput,
      latencyMs: { mean: p99 / 2, p50: p99 / 2, p90: p99 * 0.9, p99, max: p99 * 1.1 },
      idealMs: mode === 'concurrent' ? 5 : 500,
      efficiency: (mode === 'concurrent' ? 5 : 500) / wallMs,
      rssBytes: 1e7,
      heapUsedBytes: 1e6,
    },
  };
}

export function microResult(scenario: string, id: string, opsPerSec: number): CaseResult {
  return {
    scenario,
    case: id,
    label: id,
    kind: 'micro',
    mode: null,
    variant: 'async',
    params: {},
    micro: {
      opsPerSec,
      meanNs: 1e9 / opsPerSec,
      p50Ns: 1e9 / opsPerSec,
      p99Ns: 2e9 / opsPerSec,
      rme: 1,
      samples: 50,
      batch: 10,
    },
  };
}

/** An entry whose repeats hold the given results (one array per repeat). */
export function entry(runtime: string, scenario: string, repeats: CaseResult[][]): Entry {
  const records = repeats.map((results, index) => ({
    index,
    status: 'ok' as const,
    durationMs: 100,
    results,
  }));
  return { runtime, scenario, status: 'ok', repeats: records, cases: aggregateRepeats(records) };
}

export function runFile(
  entries: Entry[],
  scenarios: { id: string; modes: RunFile['scenarios'][0]['modes'] }[],
): RunFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: 'test-run',
    tool: { name: 'asyncbench', version: '0.1.0', commit: null },
    status: 'complete',
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    elapsedMs: 60_000,
    profile: 'quick',
    seed: 1,
    repeats: 1,
    host: {
      hostname: 'h',
      os: 'Linux',
      release: '6',
      arch: 'x64',
      cpuModel: 'cpu',
      cpuCount: 2,
      memoryBytes: 1e9,
      pinned: false,
    },
    runtimes: [{ name: 'node', status: 'ok', version: '20.0.0', path: '/node', source: 'path' }],
    scenarios: scenarios.map((s) => ({
      id: s.id,
      label: s.id,
      description: '',
      modes: s.modes,
      params: {},
      unit: { singular: 'unit', plural: 'units' },
      requires: [],
    })),
    entries,
    notes: [],
  };
}
