/**
 * From a spec (`node@22`) to a runtime binary on disk: resolve the spec to an exact version with the
 * registry's version list, then reuse the cached install or download, check, extract, verify and
 * install it atomically (store.ts). Every failure is a RuntimeSpecError: one line, exit 2, raised
 * before anything is measured.
 *
 * What touches the network: an exact version (`node@22.12.0`) that is installed never does; a range
 * or tag uses the version list fetched within METADATA_MAX_AGE_MS, so a second run the same day does
 * not either. When the registry cannot be reached, an older version list, and failing that the
 * newest installed version in the range, still answers (with a note saying so).
 */

import { chmod, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '@asyncbench/results';
import semver from 'semver';
import { x as extractTar } from 'tar';
import { CliError } from '../errors.ts';
import { writeJsonAtomic } from '../results-file.ts';
import { parseVersionOutput } from '../runtime-kind.ts';

import { type Machine, platformPackage, UnsupportedPlatform } from './packages.ts';
import {
  describeAvailable,
  downloadTarball,
  fetchMetadata,
  IntegrityMismatch,
  type PackageMetadata,
  PackageNotFound,
  RegistryUnreachable,
  resolveVersion,
  type VersionDist,
} from './registry.ts';
import { exactVersion, type RuntimeSpec } from './spec.ts';
import {
  type CachedRuntime,
  commitInstall,
  diskSize,
  INSTALL_RECORD,
  type InstallRecord,
  installDir,
  listInstalled,
  METADATA_MAX_AGE_MS,
  readInstall,
  readMetadata,
  stagingDir,
  writeMetadata,
} from './store.ts';

/** A spec that cannot be turned into a runtime here. Exit 2: nothing has run yet. */
export class RuntimeSpecError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'RuntimeSpecError';
  }
}

export interface InstallContext {
  /** Cache root, already checked to be writable. */
  root: string;
  registry: string;
  machine: Machine;
  /** Download progress and notes go here (stderr). */
  log: { write(text: string): unknown; isTTY?: boolean };
  /** Runs `<binary> --version`; proves an install runs on this machine. */
  probe: (binary: string) => Promise<string>;
  signal?: AbortSignal;
}

export interface ResolvedRuntime {
  spec: RuntimeSpec;
  install: CachedRuntime;
  /** Set when something less than a fresh answer was used (registry unreachable). */
  note?: string;
  /** True when this call downloaded it. */
  downloaded: boolean;
}

/** Resolves and, when needed, installs one spec. Throws RuntimeSpecError. */
export async function resolveSpec(spec: RuntimeSpec, ctx: InstallContext): Promise<ResolvedRuntime> {
  let pkg: ReturnType<typeof platformPackage>;
  try {
    pkg = platformPackage(spec.kind, ctx.machine);
  } catch (err) {
    if (err instanceof UnsupportedPlatform) throw new RuntimeSpecError(`${spec.label}: ${err.message}`);
    throw err;
  }

  const exact = exactVersion(spec);
  if (exact) {
    const installed = await readInstall(installDir(ctx.root, pkg.name, exact));
    if (installed) return { spec, install: installed, downloaded: false };
  }

  const { metadata, note } = await versionList(spec, pkg.name, ctx);
  if (metadata === null) {
    // Registry unreachable and no version list: the newest installed version in the range answers.
    const installed = (await listInstalled(ctx.root)).filter(
      (i) => i.package === pkg.name && !spec.isTag && semver.satisfies(i.version, spec.range),
    );
    const newest = installed.at(-1);
    if (newest)
      return { spec, install: newest, downloaded: false, note: `${note}; using installed ${newest.version}` };
    throw new RuntimeSpecError(`${spec.label}: ${note}, and no installed version matches`);
  }

  const version = resolveVersion(metadata, spec.range, spec.isTag);
  if (version === null) {
    const what = spec.isTag
      ? `no dist-tag "${spec.range}" (tags: ${Object.keys(metadata.distTags).join(', ') || 'none'})`
      : `no version matches "${spec.range}"`;
    throw new RuntimeSpecError(`${spec.label}: ${what} in ${pkg.name} (${describeAvailable(metadata)})`);
  }
  const dir = installDir(ctx.root, pkg.name, version);
  const installed = await readInstall(dir);
  if (installed) return { spec, install: installed, downloaded: false, ...(note ? { note } : {}) };

  const install = await installVersion(spec, pkg, version, metadata.versions[version]!, dir, ctx);
  return { spec, install, downloaded: true, ...(note ? { note } : {}) };
}

/**
 * The package's version list: cached within METADATA_MAX_AGE_MS, else fetched (and cached). When
 * the registry cannot be reached: an older cached list with a note, or null with the reason.
 */
async function versionList(
  spec: RuntimeSpec,
  pkg: string,
  ctx: InstallContext,
): Promise<{ metadata: PackageMetadata | null; note?: string }> {
  const cached = await readMetadata(ctx.root, pkg, ctx.registry);
  if (cached && cached.ageMs >= 0 && cached.ageMs < METADATA_MAX_AGE_MS) return { metadata: cached.metadata };
  try {
    const metadata = await fetchMetadata(ctx.registry, pkg, ctx.signal);
    await writeMetadata(ctx.root, ctx.registry, metadata);
    return { metadata };
  } catch (err) {
    if (err instanceof PackageNotFound) throw new RuntimeSpecError(`${spec.label}: ${err.message}`);
    if (!(err instanceof RegistryUnreachable)) throw err;
    if (cached) {
      const hours = Math.round(cached.ageMs / 3600_000);
      return {
        metadata: cached.metadata,
        note: `${err.message}; resolved with the version list from ${hours} h ago`,
      };
    }
    return { metadata: null, note: err.message };
  }
}

async function installVersion(
  spec: RuntimeSpec,
  pkg: { name: string; binary: string },
  version: string,
  dist: VersionDist,
  finalDir: string,
  ctx: InstallContext,
): Promise<CachedRuntime> {
  const id = `${pkg.name}@${version}`;
  const staging = await stagingDir(ctx.root, id);
  const started = performance.now();
  try {
    const tarball = join(staging, 'package.tgz');
    const bar = downloadLine(ctx.log, id);
    try {
      await downloadTarball(dist, tarball, bar, ctx.signal);
    } catch (err) {
      bar.end(null);
      if (err instanceof RegistryUnreachable || err instanceof IntegrityMismatch) {
        throw new RuntimeSpecError(`${spec.label}: ${err.message}`);
      }
      throw err;
    }
    const bytes = (await stat(tarball)).size;
    bar.end(bytes);
    // npm tarballs hold one top-level `package/` directory; tar refuses entries that would land
    // outside cwd (absolute paths, `..`).
    await extractTar({ file: tarball, cwd: staging });
    await rm(tarball);
    const packageRoot = join(staging, 'package');
    const binaryPath = join(packageRoot, pkg.binary);
    try {
      await chmod(binaryPath, 0o755);
    } catch {
      throw new RuntimeSpecError(`${spec.label}: ${id} has no ${pkg.binary}; nothing was installed`);
    }
    await verifyBinary(spec, id, binaryPath, version, ctx);
    const record: InstallRecord = {
      kind: spec.kind,
      package: pkg.name,
      version,
      binary: pkg.binary,
      integrity: dist.integrity,
      tarball: dist.tarball,
      installedAt: new Date().toISOString(),
      sizeBytes: await diskSize(packageRoot),
    };
    await writeJsonAtomic(join(packageRoot, INSTALL_RECORD), record);
    const install = await commitInstall(packageRoot, finalDir);
    ctx.log.write(
      `asyncbench: installed ${id} (${formatBytes(record.sizeBytes)}) in ${((performance.now() - started) / 1000).toFixed(1)} s: ${install.dir}\n`,
    );
    return install;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The new binary must run here and say it is the version asked for. */
async function verifyBinary(
  spec: RuntimeSpec,
  id: string,
  binaryPath: string,
  version: string,
  ctx: InstallContext,
): Promise<void> {
  let text: string;
  try {
    text = await ctx.probe(binaryPath);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new RuntimeSpecError(
      `${spec.label}: ${id} does not run on this machine (${why}); nothing was installed`,
    );
  }
  const parsed = parseVersionOutput(text);
  if (!parsed || parsed.kind !== spec.kind || parsed.version !== version) {
    throw new RuntimeSpecError(
      `${spec.label}: ${id} says it is "${text.trim().split('\n')[0]}", not ${spec.kind} ${version}; nothing was installed`,
    );
  }
}

/**
 * Download progress on stderr: on a terminal one line redrawn at most 10 times a second; elsewhere
 * (logs, CI) a line when it starts and one when it ends.
 */
function downloadLine(log: InstallContext['log'], id: string) {
  let last = 0;
  let announced = false;
  const announce = (total: number | null) => {
    if (announced) return;
    announced = true;
    if (!log.isTTY) log.write(`asyncbench: downloading ${id}${total ? ` (${formatBytes(total)})` : ''}\n`);
  };
  return {
    onBytes(received: number, total: number | null) {
      announce(total);
      if (!log.isTTY) return;
      const now = performance.now();
      if (now - last < 100 && received !== total) return;
      last = now;
      const pct = total ? ` ${Math.floor((received / total) * 100)}%` : '';
      log.write(
        `\r\x1b[2Kasyncbench: downloading ${id}${pct} (${formatBytes(received)}${total ? ` of ${formatBytes(total)}` : ''})`,
      );
    },
    end(bytes: number | null) {
      if (log.isTTY && announced) log.write('\r\x1b[2K');
      if (bytes !== null && !log.isTTY) log.write(`asyncbench: downloaded ${id}, checking and unpacking\n`);
    },
  };
}
