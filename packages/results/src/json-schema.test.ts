/**
 * results/schema.json is generated from schema.ts and must validate real runs with an independent
 * validator (ajv), and reject corrupted ones exactly where TypeBox's checker does.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  REAL_RUN_PATH,
  RESPONSIVENESS_RUN_PATH,
  readJson,
  SWEEP_RUN_PATH,
  V1_RUN_PATH,
} from '../test-support/index.ts';
import { runFileJsonSchema, runFileJsonSchemaText } from './json-schema.ts';
import { validateRunFile } from './validate.ts';

const schemaPath = join(dirname(fileURLToPath(import.meta.url)), '../../../results/schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
const ajvValidate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

/** Both validators' verdicts on the same data. */
function verdicts(data: unknown): { ajv: boolean; typebox: boolean } {
  let typebox = true;
  try {
    validateRunFile(data, 'x.json');
  } catch {
    typebox = false;
  }
  return { ajv: ajvValidate(data) as boolean, typebox };
}

describe('results/schema.json', () => {
  it('is the checked-in output of the schema (run `npm run schema -w @asyncbench/results` if not)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(runFileJsonSchemaText());
    expect(runFileJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('validates a real run with ajv', () => {
    const run = readJson(REAL_RUN_PATH);
    expect(ajvValidate(run), JSON.stringify(ajvValidate.errors?.slice(0, 3))).toBe(true);
    expect(verdicts(run)).toEqual({ ajv: true, typebox: true });
  });

  it('validates a real --param sweep (overrides and sweep points) with ajv and typebox alike', () => {
    const run = readJson(SWEEP_RUN_PATH);
    expect(run.scenarios[0].sweep).toMatchObject({ scenario: 'timers', param: 'concurrency' });
    expect(verdicts(run)).toEqual({ ajv: true, typebox: true });
    run.scenarios[0].sweep.index = -1;
    expect(verdicts(run)).toEqual({ ajv: false, typebox: false });
  });

  it('validates a real run with input delay figures and a browser runtime with ajv', () => {
    const run = readJson(RESPONSIVENESS_RUN_PATH);
    expect(ajvValidate(run), JSON.stringify(ajvValidate.errors?.slice(0, 3))).toBe(true);
    expect(verdicts(run)).toEqual({ ajv: true, typebox: true });
    expect(run.runtimes.map((r: { name: string }) => r.name)).toContain('chromium');
    const sources = run.entries.flatMap((e: any) =>
      e.repeats.flatMap((r: any) => r.results.map((x: any) => x.workload.input.source)),
    );
    expect(new Set(sources)).toEqual(new Set(['worker-message', 'dom-input']));
  });

  it('validates a real version 1 run once upgraded, and not as it is (its schemaVersion is 1)', () => {
    const v1 = readJson(V1_RUN_PATH);
    expect(ajvValidate(v1)).toBe(false);
    expect(ajvValidate(validateRunFile(v1, V1_RUN_PATH))).toBe(true);
  });

  const corruptions: [string, (run: any) => void][] = [
    ['a figure that is text', (r) => (r.entries[0].cases[0].figures.throughput.median = 'fast')],
    [
      'a misspelt figure',
      (r) => (r.entries[0].cases[0].figures.speed = r.entries[0].cases[0].figures.throughput),
    ],
    ['a missing host field', (r) => delete r.host.cpuCount],
    ['an unknown entry status', (r) => (r.entries[0].status = 'great')],
    ['a negative latency', (r) => (r.entries[0].repeats[0].results[0].workload.latencyMs.p99 = -1)],
    [
      'a micro case with a mode',
      (r) => {
        const micro = r.entries.find((e: any) => e.scenario === 'tasks').repeats[0].results[0];
        micro.mode = 'concurrent';
      },
    ],
    ['a workload result without its figures', (r) => delete r.entries[0].repeats[0].results[0].workload],
    ['a scenario without its unit', (r) => delete r.scenarios[0].unit],
    ['an aggregate without d', (r) => delete r.entries[0].cases[0].unitMs],
    [
      'a fractional batch size',
      (r) => {
        const micro = r.entries.find((e: any) => e.scenario === 'tasks').repeats[0].results[0];
        micro.micro.batch = 1.5;
      },
    ],
    ['another schema version', (r) => (r.schemaVersion = 3)],
  ];

  it.each(corruptions)('rejects %s, with ajv and with the package validator alike', (_what, corrupt) => {
    const run = readJson(REAL_RUN_PATH);
    corrupt(run);
    expect(verdicts(run)).toEqual({ ajv: false, typebox: false });
  });
});
