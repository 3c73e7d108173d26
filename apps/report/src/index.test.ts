import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRunFiles, writeReport } from './index.ts';
import { makeRun } from './test-support/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'asyncbench-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadRunFiles', () => {
  it('reads and validates results files in order', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, JSON.stringify(makeRun({ hostname: 'one' })));
    writeFileSync(b, JSON.stringify(makeRun({ hostname: 'two' })));
    const runs = await loadRunFiles([a, b]);
    expect(runs.map((r) => r.host.hostname)).toEqual(['one', 'two']);
  });

  it('names the file and the field of a bad value', async () => {
    const bad = makeRun() as unknown as {
      entries: { cases: { figures: { throughput: { median: unknown } } }[] }[];
    };
    bad.entries[0]!.cases[0]!.figures.throughput.median = 'fast';
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(bad));
    await expect(loadRunFiles([path])).rejects.toThrow(
      `${path}: entries[0].cases[0].figures.throughput.median`,
    );
  });

  it('names the file that is not JSON or is missing', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{"schemaVersion": 1,');
    await expect(loadRunFiles([path])).rejects.toThrow(`${path}: cannot read results file`);
    await expect(loadRunFiles([join(dir, 'nope.json')])).rejects.toThrow(
      /nope\.json: cannot read results file/,
    );
  });
});

describe('writeReport', () => {
  it('writes the HTML, creating the directory, leaving no temp file', async () => {
    const out = join(dir, 'nested', 'report.html');
    await writeReport([makeRun()], out, { generatedAt: '2026-11-25T14:00:00.000Z' });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report.html']);
  });
});
