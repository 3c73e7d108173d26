/**
 * Directories the CLI writes to (--out, the runtime cache), checked and created before anything
 * runs, so a bad path costs one line and exit 2 at once instead of a failure after minutes of
 * measuring.
 *
 * Never `mkdir(..., { recursive: true })` on a path a user gave: Node's recursive mkdir loops
 * forever at full CPU when mkdir answers ENOENT under an existing parent, which is what /proc does
 * (`mkdirSync('/proc/x', { recursive: true })` never returns on Node 20.20, 22.23 and 24.22; 26.12
 * answers ENOENT). ensureDir walks up to the nearest existing ancestor and creates each missing
 * level with a plain mkdir, so every failure is an error code.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { CliError } from './errors.ts';

/**
 * Kernel file systems that accept paths but hold no files: writes there fail in odd ways (or, for
 * mkdir -p, hang), so they are refused by name before any syscall.
 */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

/** A directory that cannot be used; `message` is one line without the flag name. */
export class PathProblem extends Error {}

const WHY: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'name too long',
  ELOOP: 'too many symbolic links',
  EEXIST: 'exists and is not a directory',
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
};

/** `EACCES` -> "permission denied"; unknown codes as they are. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && WHY[code]) return WHY[code]!;
  return code ?? (err instanceof Error ? err.message.split('\n')[0]! : String(err));
}

function underVirtualRoot(path: string): string | null {
  if (process.platform !== 'linux') return null;
  return VIRTUAL_ROOTS.find((r) => path === r || path.startsWith(`${r}${sep}`)) ?? null;
}

/**
 * Checks, without creating anything, that `dir` could be used for files: no kernel file system, no
 * file in the way, and its nearest existing ancestor (or itself) a directory this process may write
 * to. Throws PathProblem with one line naming the part of the path that is wrong.
 */
export async function checkWritableDir(dir: string): Promise<string> {
  const target = resolve(dir);
  const { existing } = await walkUp(target);
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch (err) {
    const where = existing === target ? '' : ` (cannot create it in ${existing})`;
    throw new PathProblem(`${target}: cannot write there${where}: ${describeFsError(err)}`);
  }
  return target;
}

/**
 * Makes sure `dir` is a directory this process can create files in: creates missing levels one by
 * one, then writes and removes a probe file (which also catches what access() cannot: a read-only
 * bind mount for root). Throws PathProblem.
 */
export async function ensureWritableDir(dir: string): Promise<string> {
  const target = resolve(dir);
  await ensureDir(target);
  const probe = join(target, `.asyncbench-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(probe, '');
  } catch (err) {
    throw new PathProblem(`${target}: cannot write there: ${describeFsError(err)}`);
  }
  await rm(probe, { force: true });
  return target;
}

/**
 * The nearest existing ancestor of `target` (or target itself), which must be a directory, and the
 * levels below it that do not exist yet, top first.
 */
async function walkUp(target: string): Promise<{ existing: string; missing: string[] }> {
  const virtual = underVirtualRoot(target);
  if (virtual) throw new PathProblem(`${target}: ${virtual} is a kernel file system, not a place for files`);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    let info: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      info = await stat(existing);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTDIR: some ancestor is a file (/tmp/file/x); keep walking up to name it.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new PathProblem(`${existing}: ${describeFsError(err)}`);
    }
    if (info) {
      if (!info.isDirectory()) {
        throw new PathProblem(
          existing === target
            ? `${target}: is a file, not a directory`
            : `${target}: ${existing} is not a directory`,
        );
      }
      return { existing, missing };
    }
    const up = dirname(existing);
    if (up === existing) throw new PathProblem(`${target}: no existing parent directory`);
    missing.unshift(existing);
    existing = up;
  }
}

/** Creates `dir` and its missing parents without recursive mkdir; throws PathProblem. */
export async function ensureDir(dir: string): Promise<void> {
  const target = resolve(dir);
  const { missing } = await walkUp(target);
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Another process (a second run) may create the same level at the same moment.
      if (code === 'EEXIST' && (await isDirectory(level))) continue;
      throw new PathProblem(`${target}: cannot create ${level}: ${describeFsError(err)}`);
    }
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * For a flag: checks the directory (create: false, nothing is made yet; it is created by the first
 * write) or makes it and proves it writable (create: true). Problems become a usage error (exit 2)
 * naming the flag.
 */
export async function checkOutDir(flag: string, dir: string, create = false): Promise<string> {
  try {
    return await (create ? ensureWritableDir(dir) : checkWritableDir(dir));
  } catch (err) {
    if (err instanceof PathProblem) throw new CliError(`${flag} ${err.message}`, 2);
    throw err;
  }
}

/**
 * For an output file (report --out): its directory must be usable and the file itself must not be
 * a directory. Returns the absolute path.
 */
export async function checkOutFile(flag: string, file: string): Promise<string> {
  const target = resolve(file);
  const dir = dirname(target);
  try {
    await checkWritableDir(dir);
  } catch (err) {
    // The problem is named for the file the user gave, not its directory.
    if (err instanceof PathProblem)
      throw new CliError(`${flag} ${target}: ${err.message.slice(dir.length + 2)}`, 2);
    throw err;
  }
  if (await isDirectory(target)) throw new CliError(`${flag} ${target}: is a directory, not a file`, 2);
  return target;
}
