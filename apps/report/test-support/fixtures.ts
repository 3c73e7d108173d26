/**
 * Synthetic RunFile objects for tests of the report's layout and edge cases (failures, hostile
 * text, two runs), built the way the CLI builds them: per-repeat CaseResults (deterministic
 * pseudo-noise) aggregated with @asyncbench/results' aggregateRepeats. Tests of what a real run
 * says use the real-run fixtures of @asyncbench/results instead.
 */
import type { CaseResult, Entry, Mode, RepeatRecord, RunFile } from '@asyncbench/results';
import { aggregateRepeats, isInconclusive, markPrecision, SCHEMA_VERSION } from '@asyncbench/results';

/** A seeded generator in [0, 1): the Numerical Recipes LCG, plenty for pseudo-noise in fixtures. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface FixtureOptions {
  hostname?: string;
  startedAt?: string;
  cpuCount?: number;
  repeats?: number;
  seed?: number;
  /** Multiplies every runtime's throughput (a faster or slower second run). */
  speed?: number;
  /** Replaces the timer scenario's label / description and one case label (escaping tests). */
  hostile?: string;
  /** Marks bun's HTTP entry failed (every repeat) and deno's micro entry skipped. */
  failures?: boolean;
  runtimes?: string[];
  /** Runtimes the run looked for and did not find (status 'missing', no entries). */
  missingRuntimes?: string[];
  /**
   * Auto-sampling as the CLI does it: `rounds` more processes per runtime of the timers scenario
   * after the minimum, each repeating only the first `cases` timer cases (the ones still wide);
   * sets run.sampling and every case's precision against `horizon` (markPrecision).
   */
  sampling?: { rounds: number; cases: number; horizon: number };
}

const VERSIONS: Record<string, string> = { node: '20.20.2', deno: '2.9.6', bun: '1.4.5' };
/** How much of the physical limit each runtime reaches (concurrent modes), for varied bars. */
const EFFICIENCY: Record<string, number> = { node: 0.92, deno: 0.9, bun: 0.95 };
const HTTP_RATE: Record<string, number> = { node: 9000, deno: 11000, bun: 14000 };
const OPS: Record<string, number> = { node: 1_200_000, deno: 1_000_000, bun: 1_600_000 };

interface WorkloadSpec {
  id: string;
  label: string;
  mode: Mode;
  variant: string;
  units: number;
  concurrency: number;
  unitMs: number | null;
}

function workloadResult(
  scenario: string,
  spec: WorkloadSpec,
  runtime: string,
  noise: () => number,
  speed: number,
): CaseResult {
  const d = spec.unitMs ?? 1;
  const ideal = spec.unitMs === null ? null : d * Math.ceil(spec.units / spec.concurrency);
  const eff = (spec.mode === 'concurrent' ? EFFICIENCY[runtime]! : 0.96) * speed * noise();
  const wallMs =
    scenario === 'http' && spec.mode === 'concurrent'
      ? (spec.units / (HTTP_RATE[runtime]! * speed * noise())) * 1000
      : (ideal ?? spec.units * 2) / eff;
  const p50 = d * (1.02 + 0.04 * noise());
  return {
    scenario,
    case: spec.id,
    label: spec.label,
    kind: 'workload',
    mode: spec.mode,
    variant: spec.variant,
    params: { units: spec.units, concurrency: spec.concurrency },
    workload: {
      units: spec.units,
      concurrency: spec.concurrency,
      unitMs: spec.unitMs,
      wallMs,
      throughput: spec.units / (wallMs / 1000),
      latencyMs: { mean: p50 * 1.01, p50, p90: p50 * 1.08, p99: p50 * 1.25, max: p50 * 1.6 },
      idealMs: ideal,
      efficiency: ideal === null ? null : ideal / wallMs,
      rssBytes: 60_000_000,
      heapUsedBytes: 12_000_000,
    },
  };
}

function microResult(
  id: string,
  label: string,
  runtime: string,
  scale: number,
  noise: () => number,
): CaseResult {
  const ops = OPS[runtime]! * scale * noise();
  const meanNs = 1e9 / ops;
  return {
    scenario: 'gather-micro',
    case: id,
    label,
    kind: 'micro',
    mode: null,
    variant: 'core',
    params: {},
    micro: {
      opsPerSec: ops,
      meanNs,
      p50Ns: meanNs * 0.95,
      p99Ns: meanNs * 2.4,
      rme: 1.2 * noise(),
      samples: 120,
      batch: 64,
    },
  };
}

const TIMER_CASES: WorkloadSpec[] = [
  {
    id: 'sleep-blocking',
    label: 'blocking sleep in a loop (time.sleep)',
    mode: 'blocking',
    variant: 'loop',
    units: 200,
    concurrency: 1,
    unitMs: 10,
  },
  {
    id: 'sleep-sequential',
    label: 'await sleep() in a loop',
    mode: 'sequential',
    variant: 'loop',
    units: 200,
    concurrency: 1,
    unitMs: 10,
  },
  {
    id: 'sleep-gather',
    label: 'gather() of all sleeps',
    mode: 'concurrent',
    variant: 'gather',
    units: 200,
    concurrency: 200,
    unitMs: 10,
  },
  {
    id: 'sleep-create-task',
    label: 'createTask() each sleep, then await each task',
    mode: 'concurrent',
    variant: 'createTask',
    units: 200,
    concurrency: 200,
    unitMs: 10,
  },
  {
    id: 'sleep-task-group',
    label: 'TaskGroup with one child per sleep',
    mode: 'concurrent',
    variant: 'taskgroup',
    units: 200,
    concurrency: 200,
    unitMs: 10,
  },
  {
    id: 'sleep-semaphore',
    label: 'all sleeps started, a Semaphore(20) lets 20 wait at once',
    mode: 'concurrent',
    variant: 'semaphore',
    units: 200,
    concurrency: 20,
    unitMs: 10,
  },
  {
    id: 'sleep-limit',
    label: 'all sleeps through limit(20)',
    mode: 'concurrent',
    variant: 'limit',
    units: 200,
    concurrency: 20,
    unitMs: 10,
  },
  {
    id: 'sleep-queue-workers',
    label: '20 workers taking sleeps from a Queue',
    mode: 'concurrent',
    variant: 'queue',
    units: 200,
    concurrency: 20,
    unitMs: 10,
  },
];
const HTTP_CASES: WorkloadSpec[] = [
  {
    id: 'http-blocking',
    label: 'blocking GET in a loop, server delay 2 ms',
    mode: 'blocking',
    variant: 'loop',
    units: 100,
    concurrency: 1,
    unitMs: 2,
  },
  {
    id: 'http-sequential',
    label: 'await fetch() in a loop, server delay 2 ms',
    mode: 'sequential',
    variant: 'loop',
    units: 100,
    concurrency: 1,
    unitMs: 2,
  },
  {
    id: 'http-concurrent',
    label: 'HttpSession with 50 connections, no server delay',
    mode: 'concurrent',
    variant: 'semaphore',
    units: 1000,
    concurrency: 50,
    unitMs: null,
  },
];

export function makeRun(options: FixtureOptions = {}): RunFile {
  const repeats = options.repeats ?? 3;
  const random = seededRandom(options.seed ?? 42);
  const noise = () => 0.97 + 0.06 * random();
  const speed = options.speed ?? 1;
  const runtimes = options.runtimes ?? ['node', 'deno', 'bun'];
  const hostile = options.hostile;
  const timerCases = TIMER_CASES.map((c, i) =>
    hostile && i === 2 ? { ...c, label: `gather ${hostile}` } : c,
  );
  const entries: Entry[] = [];
  for (const runtime of runtimes) {
    const scenarioResults: Record<string, () => CaseResult[]> = {
      timers: () => timerCases.map((c) => workloadResult('timers', c, runtime, noise, speed)),
      http: () => HTTP_CASES.map((c) => workloadResult('http', c, runtime, noise, speed)),
      'gather-micro': () => [
        microResult('gather-10', 'gather() of 10 resolved promises', runtime, 1, noise),
        microResult('gather-1000', 'gather() of 1000 resolved promises', runtime, 0.008, noise),
      ],
    };
    for (const [scenario, results] of Object.entries(scenarioResults)) {
      if (options.failures && runtime === 'deno' && scenario === 'gather-micro') {
        entries.push({
          runtime,
          scenario,
          status: 'skipped',
          reason: hostile ? `skipped ${hostile}` : 'scenario not supported on this runtime',
          repeats: [],
          cases: [],
        });
        continue;
      }
      const failAll = options.failures && runtime === 'bun' && scenario === 'http';
      const records: RepeatRecord[] = [];
      const added = scenario === 'timers' ? (options.sampling?.rounds ?? 0) : 0;
      for (let index = 0; index < repeats + added; index++) {
        // An added round repeats only the cases still wide: its results hold just those.
        const ran = () => (index < repeats ? results() : results().slice(0, options.sampling!.cases));
        records.push(
          failAll
            ? {
                index,
                status: 'failed',
                durationMs: 60_000,
                reason: 'timed out after 60000 ms',
                stderrTail: `error: server worker stopped answering\n    at ${hostile ?? 'serve (worker.ts:12)'}`,
                results: [],
              }
            : { index, status: 'ok', durationMs: 4000 + 100 * index, results: ran() },
        );
      }
      entries.push({
        runtime,
        scenario,
        status: failAll ? 'failed' : 'ok',
        ...(failAll ? { reason: 'every repeat failed: timed out after 60000 ms' } : {}),
        repeats: records,
        cases: aggregateRepeats(records),
      });
    }
  }
  const run: RunFile = {
    schemaVersion: SCHEMA_VERSION,
    id: `${options.startedAt ?? '2026-11-25T13:40:00.000Z'}-${options.hostname ?? 'bench-host'}`,
    tool: { name: 'asyncbench', version: '0.1.0', commit: 'e60a6a4c0ffee1234567890abcdef12345678901' },
    status: 'complete',
    startedAt: options.startedAt ?? '2026-11-25T13:40:00.000Z',
    finishedAt: '2026-11-25T13:52:00.000Z',
    elapsedMs: 720_000,
    profile: 'default',
    seed: options.seed ?? 42,
    repeats,
    host: {
      hostname: options.hostname ?? 'bench-host',
      os: 'linux',
      release: '6.1.0-28-amd64',
      arch: 'x64',
      cpuModel: 'Intel(R) Xeon(R) CPU @ 2.20GHz',
      cpuCount: options.cpuCount ?? 2,
      memoryBytes: 8 * 1024 ** 3,
      pinned: false,
    },
    runtimes: [
      ...runtimes.map((name) => ({
        name,
        status: 'ok' as const,
        version: VERSIONS[name] ?? '1.0.0',
        path: `/work/main/node_modules/.bin/${name}`,
        source: 'devDependency' as const,
      })),
      ...(options.missingRuntimes ?? []).map((name) => ({
        name,
        status: 'missing' as const,
        version: null,
        path: null,
        source: null,
        note: 'not on PATH',
      })),
    ],
    scenarios: [
      {
        id: 'timers',
        label: hostile ? `Timers ${hostile}` : 'Timers: blocking, awaited, concurrent',
        description: hostile
          ? `Description ${hostile}`
          : 'N timers of d ms each: blocking sleep, awaited one by one, or all in flight.',
        modes: ['blocking', 'sequential', 'concurrent'],
        params: { units: 200, unitMs: 10 },
        unit: { singular: 'timer wait', plural: 'timer waits' },
        requires: [],
      },
      {
        id: 'http',
        label: 'HTTP: requests to a local server',
        description: 'GET requests to the runtime’s own native server on 127.0.0.1.',
        modes: ['blocking', 'sequential', 'concurrent'],
        params: { units: 100, delayMs: 2 },
        unit: { singular: 'request', plural: 'requests' },
        requires: [],
      },
      {
        id: 'gather-micro',
        label: 'Tasks: spawn, gather, TaskGroup',
        description: 'One gather() over already-resolved promises, as ops/s.',
        modes: [],
        params: {},
        unit: { singular: 'operation', plural: 'operations' },
        requires: [],
      },
    ],
    entries,
    notes: [],
  };
  if (options.sampling) {
    const { rounds, horizon } = options.sampling;
    markPrecision(run, horizon);
    const inconclusive = run.entries.flatMap((e) => e.cases).filter(isInconclusive).length;
    run.sampling = {
      horizon,
      maxTimeMs: 60_000,
      minRepeats: repeats,
      rounds,
      stoppedBy: 'max-time',
      inconclusive,
    };
  }
  return run;
}
