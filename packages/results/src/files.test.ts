import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REAL_RUN_PATH, readJson, V1_RUN_PATH } from '../test-support/index.ts';
import { isDirectory, readRunFile, readRunFiles, runFilesIn } from './files.ts';
import { SchemaError } from './schema-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'asyncbench-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRunFile', () => {
  it('reads and validates real runs, of this version and of version 1', async () => {
    expect((await readRunFile(REAL_RUN_PATH)).entries.length).toBeGreaterThan(0);
    const v1 = await readRunFile(V1_RUN_PATH);
    expect(v1.schemaVersion).toBe(2);
    const raw = readJson(V1_RUN_PATH);
    // d comes back from the repeats' own results; the unit noun was never recorded in version 1.
    const timers = v1.entries.find((e) => e.scenario === 'timers')!;
    const unitMs = raw.entries.find((e: any) => e.scenario === 'timers').repeats[0].results[0].workload
      .unitMs;
    expect(timers.cases.every((c) => c.unitMs === unitMs)).toBe(true);
    expect(v1.entries.find((e) => e.scenario === 'tasks')!.cases.every((c) => c.unitMs === null)).toBe(true);
    expect(v1.scenarios.every((s) => s.unit.plural === 'units' && s.requires.length === 0)).toBe(true);
  });

  it('names the file and the field of a bad value, in one line', async () => {
    const bad = readJson(REAL_RUN_PATH);
    bad.entries[0].cases[0].figures.throughput.median = 'fast';
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    const error = await readRunFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toBe(
      `${path}: entries[0].cases[0].figures.throughput.median: expected a number, got "fast"`,
    );
  });

  it('names a file that is missing, not JSON or a directory', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": 2,');
    await expect(readRunFile(broken)).rejects.toThrow(new RegExp(`^${broken}: not JSON \\(`));
    await expect(readRunFile(join(dir, 'nope.json'))).rejects.toThrow(
      `${join(dir, 'nope.json')}: no such file`,
    );
    await expect(readRunFile(dir)).rejects.toThrow(`${dir}: is a directory`);
  });
});

describe('folders of runs', () => {
  it('lists the results files of a folder in name (= time) order and reads them all', async () => {
    const folder = join(dir, 'baseline');
    mkdirSync(folder);
    const run = readJson(REAL_RUN_PATH);
    writeFileSync(join(folder, '2026-02-01-b.json'), JSON.stringify(run));
    writeFileSync(join(folder, '2026-01-01-a.json'), JSON.stringify(run));
    writeFileSync(join(folder, 'notes.txt'), 'not a run');
    writeFileSync(join(folder, '.2026-03-01-c.json.123.tmp'), '');
    const files = await runFilesIn(folder);
    expect(files).toEqual([join(folder, '2026-01-01-a.json'), join(folder, '2026-02-01-b.json')]);
    expect(await readRunFiles(files)).toHaveLength(2);
    expect(await isDirectory(folder)).toBe(true);
    expect(await isDirectory(files[0]!)).toBe(false);
    expect(await isDirectory(join(dir, 'missing'))).toBe(false);
  });
});
