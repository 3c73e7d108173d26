import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestResultsFile, runBaseName, writeFileAtomic, writeJsonAtomic } from './results-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asyncbench-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('results files', () => {
  it('names runs by time and host, safely', () => {
    expect(runBaseName(new Date('2026-11-25T13:50:41.123Z'), 'my host:1')).toBe(
      '2026-11-25T13-50-41Z-my_host_1',
    );
  });

  it('writes atomically: the target is whole, no temp file is left', async () => {
    const path = join(dir, 'sub', 'run.json');
    await writeJsonAtomic(path, { a: 1 });
    await writeJsonAtomic(path, { a: 2, big: 'x'.repeat(100_000) });
    expect(JSON.parse(await readFile(path, 'utf8')).a).toBe(2);
    expect(await readdir(join(dir, 'sub'))).toEqual(['run.json']);
  });

  it('leaves the old file alone when a write fails', async () => {
    const path = join(dir, 'run.json');
    await writeFileAtomic(path, 'old');
    // A directory where the temp file's parent should be makes the write fail.
    await expect(writeFileAtomic(join(dir, 'run.json', 'x.json'), 'new')).rejects.toThrow();
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('finds the newest results file', async () => {
    expect(await newestResultsFile(dir)).toBeNull();
    await writeFile(join(dir, '2026-01-01T00-00-00Z-h.json'), '{}');
    await writeFile(join(dir, '2026-02-01T00-00-00Z-h.json'), '{}');
    await writeFile(join(dir, '.2026-03-01T00-00-00Z-h.json.1.tmp'), '{}');
    await writeFile(join(dir, 'latest.html'), '');
    const old = new Date('2020-01-01');
    await utimes(join(dir, '2026-02-01T00-00-00Z-h.json'), old, old);
    expect(await newestResultsFile(dir)).toBe(join(dir, '2026-02-01T00-00-00Z-h.json'));
  });
});
