import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from './errors.ts';
import { checkOutDir, checkOutFile, checkWritableDir, ensureWritableDir, PathProblem } from './out-dir.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'asyncbench-out-dir-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function problem(dir: string): Promise<string> {
  try {
    await ensureWritableDir(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(PathProblem);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`${dir} was accepted`);
}

describe('ensureWritableDir', () => {
  it('creates missing levels and leaves no probe file behind', async () => {
    const dir = join(tmp, 'a/b/c');
    expect(await ensureWritableDir(dir)).toBe(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
    expect(await ensureWritableDir(dir)).toBe(dir);
  });

  it('refuses kernel file systems by name (Node mkdir -p spins forever under /proc)', async () => {
    if (process.platform !== 'linux') return;
    expect(await problem('/proc/x')).toBe('/proc/x: /proc is a kernel file system, not a place for files');
    expect(await problem('/sys/kernel/x')).toMatch(/^\/sys\/kernel\/x: \/sys is a kernel file system/);
  });

  it('names the file in the way: /dev/null/x, a file given as the directory, a file as a parent', async () => {
    if (process.platform === 'linux') {
      expect(await problem('/dev/null/x')).toMatch(/^\/dev\/null\/x: \/dev is a kernel file system/);
    }
    const file = join(tmp, 'plain-file');
    await writeFile(file, 'x');
    expect(await problem(file)).toBe(`${file}: is a file, not a directory`);
    expect(await problem(join(file, 'sub/dir'))).toBe(`${join(file, 'sub/dir')}: ${file} is not a directory`);
  });
});

describe('checkWritableDir', () => {
  it('accepts a path that does not exist yet under a writable directory, and creates nothing', async () => {
    const dir = join(tmp, 'later/deeper');
    expect(await checkWritableDir(dir)).toBe(dir);
    await expect(stat(join(tmp, 'later'))).rejects.toThrow(/ENOENT/);
  });

  it('finds the same problems as ensureWritableDir without touching the disk', async () => {
    const file = join(tmp, 'another-file');
    await writeFile(file, 'x');
    await expect(checkWritableDir(join(file, 'x'))).rejects.toThrow(
      `${join(file, 'x')}: ${file} is not a directory`,
    );
    await expect(checkWritableDir('/proc/x')).rejects.toThrow('/proc is a kernel file system');
  });
});

describe('checkOutDir / checkOutFile', () => {
  it('turn a problem into exit 2 naming the flag', async () => {
    const err = await checkOutDir('--out', '/proc/x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(2);
    expect((err as CliError).message).toBe(
      '--out /proc/x: /proc is a kernel file system, not a place for files',
    );
  });

  it('refuses an output file that is a directory, accepts one in a new directory', async () => {
    const err = await checkOutFile('--out', tmp).catch((e: unknown) => e);
    expect((err as CliError).message).toBe(`--out ${tmp}: is a directory, not a file`);
    expect(await checkOutFile('--out', join(tmp, 'new/report.html'))).toBe(join(tmp, 'new/report.html'));
  });
});
