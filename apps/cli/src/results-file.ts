/**
 * Results files on disk. Every write goes to a temp file in the same directory and is renamed
 * over the target, so a reader (or a crash mid-write) sees the old file or the new one, never half.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ensureDir } from './out-dir.ts';

/** `2026-11-25T13-50-41Z-myhost`: sorts by time, safe in file names on every OS. */
export function runBaseName(startedAt: Date, hostname: string): string {
  const stamp = startedAt
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  const host = hostname.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[.-]+/, '') || 'host';
  return `${stamp}-${host}`;
}

export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  await ensureDir(dir);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export function writeJsonAtomic(path: string, data: unknown): Promise<void> {
  return writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
}

/** The newest results file in dir (by name, which starts with the timestamp; then mtime). */
export async function newestResultsFile(dir: string): Promise<string | null> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return null;
  }
  if (names.length === 0) return null;
  const withTime = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n))).mtimeMs })));
  withTime.sort((a, b) => (a.n < b.n ? -1 : a.n > b.n ? 1 : a.t - b.t));
  return join(dir, withTime[withTime.length - 1]!.n);
}
