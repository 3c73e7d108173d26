/**
 * The npm registry, spoken directly with fetch: a package's version list (npm's abbreviated
 * metadata, the document `npm install` reads) and a version's tarball, checked against the
 * published `dist.integrity` as it streams to disk. The registry is `$npm_config_registry` (set by
 * npm/npx for the commands they run, and by users for a mirror) or registry.npmjs.org.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import semver from 'semver';
import { IntegrityCheck, parseIntegrity } from './integrity.ts';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** A registry that does not answer within this is treated as unreachable. */
const METADATA_TIMEOUT_MS = 20_000;
/** No byte for this long during a download: give up. */
const STALL_TIMEOUT_MS = 60_000;

/** One published version: where its tarball is and what it must hash to. */
export interface VersionDist {
  tarball: string;
  integrity: string;
  /** Bytes unpacked, when the registry says (not every publish has it). */
  unpackedSize?: number;
}

/** What resolving needs from a package's metadata. */
export interface PackageMetadata {
  name: string;
  distTags: Record<string, string>;
  versions: Record<string, VersionDist>;
}

/** The registry could not be reached or answered with an error (not a 404). */
export class RegistryUnreachable extends Error {}
/** The registry has no such package (404). */
export class PackageNotFound extends Error {}
/** The downloaded bytes do not match dist.integrity; nothing was kept. */
export class IntegrityMismatch extends Error {}

export function registryUrl(env: NodeJS.ProcessEnv): string {
  const url = env.npm_config_registry?.trim() || DEFAULT_REGISTRY;
  return url.endsWith('/') ? url : `${url}/`;
}

/** `@oven/bun-linux-x64` -> `<registry>@oven%2fbun-linux-x64`, as npm requests scoped packages. */
export function metadataUrl(registry: string, name: string): string {
  return `${registry}${name.replace('/', '%2f')}`;
}

function describeFetchError(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer within 20 s';
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/** Fetches a package's version list. Throws RegistryUnreachable or PackageNotFound. */
export async function fetchMetadata(
  registry: string,
  name: string,
  signal?: AbortSignal,
): Promise<PackageMetadata> {
  const url = metadataUrl(registry, name);
  const timeout = AbortSignal.timeout(METADATA_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' },
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new RegistryUnreachable(
      `cannot reach the npm registry at ${registry} (${describeFetchError(err)})`,
    );
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new PackageNotFound(`${name} is not in the npm registry at ${registry}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new RegistryUnreachable(`the npm registry at ${registry} answered ${response.status} for ${name}`);
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch (err) {
    throw new RegistryUnreachable(
      `the npm registry at ${registry} sent unreadable metadata for ${name} (${describeFetchError(err)})`,
    );
  }
  return trimMetadata(name, data);
}

/**
 * Keeps only what resolving and installing need, so the cached copy stays small, and drops versions
 * without a tarball, an integrity or a valid semver version.
 */
export function trimMetadata(name: string, data: unknown): PackageMetadata {
  const doc = (data ?? {}) as {
    'dist-tags'?: Record<string, unknown>;
    versions?: Record<string, { dist?: { tarball?: unknown; integrity?: unknown; unpackedSize?: unknown } }>;
  };
  const versions: Record<string, VersionDist> = {};
  for (const [version, v] of Object.entries(doc.versions ?? {})) {
    const dist = v?.dist;
    if (typeof dist?.tarball !== 'string' || typeof dist.integrity !== 'string') continue;
    if (!semver.valid(version)) continue;
    versions[version] = { tarball: dist.tarball, integrity: dist.integrity };
    if (typeof dist.unpackedSize === 'number') versions[version].unpackedSize = dist.unpackedSize;
  }
  const distTags: Record<string, string> = {};
  for (const [tag, version] of Object.entries(doc['dist-tags'] ?? {})) {
    if (typeof version === 'string') distTags[tag] = version;
  }
  return { name, distTags, versions };
}

/**
 * The version a range or dist-tag picks: the highest non-prerelease version in the range (as npm
 * picks for `npm install pkg@range`), or the version a tag points at. Null when nothing matches.
 */
export function resolveVersion(metadata: PackageMetadata, range: string, isTag: boolean): string | null {
  if (isTag) {
    const v = metadata.distTags[range];
    return v !== undefined && metadata.versions[v] ? v : null;
  }
  return semver.maxSatisfying(Object.keys(metadata.versions), range);
}

/** `0.8.6 … 26.12.1` and the newest of each of the last few majors, for a "no match" message. */
export function describeAvailable(metadata: PackageMetadata): string {
  const all = Object.keys(metadata.versions)
    .filter((v) => semver.prerelease(v) === null)
    .sort(semver.compare);
  if (all.length === 0) return 'no versions';
  const newestPerMajor = new Map<number, string>();
  for (const v of all) newestPerMajor.set(semver.major(v), v);
  const recent = [...newestPerMajor.values()].slice(-4).join(', ');
  return `${all[0]} … ${all.at(-1)}; newest per major: ${recent}`;
}

export interface DownloadProgress {
  /** Called as bytes arrive; total is null when the server sends no length. */
  onBytes(received: number, total: number | null): void;
}

/**
 * Downloads `dist.tarball` to `file`, hashing as it streams; on an integrity mismatch the file is
 * removed and IntegrityMismatch thrown. Network failures throw RegistryUnreachable.
 */
export async function downloadTarball(
  dist: VersionDist,
  file: string,
  progress: DownloadProgress,
  signal?: AbortSignal,
): Promise<void> {
  const expected = parseIntegrity(dist.integrity);
  if (!expected)
    throw new IntegrityMismatch(
      `${dist.tarball}: the registry gives no usable integrity ("${dist.integrity}")`,
    );
  const check = new IntegrityCheck(expected);
  const stall = new AbortController();
  let stallTimer = setTimeout(() => stall.abort(), STALL_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, stall.signal]) : stall.signal;
  const out = createWriteStream(file);
  try {
    let response: Response;
    try {
      response = await fetch(dist.tarball, { signal: combined });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new RegistryUnreachable(`cannot download ${dist.tarball} (${describeFetchError(err)})`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new RegistryUnreachable(`cannot download ${dist.tarball} (HTTP ${response.status})`);
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    let received = 0;
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value: chunk } = await reader.read();
        if (done) break;
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => stall.abort(), STALL_TIMEOUT_MS);
        check.update(chunk);
        received += chunk.byteLength;
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
        progress.onBytes(received, total);
      }
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new RegistryUnreachable(
        `download of ${dist.tarball} broke off after ${received} bytes (${describeFetchError(err)})`,
      );
    }
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    if (!check.matches()) {
      throw new IntegrityMismatch(
        `${dist.tarball}: integrity check failed (expected ${expected.algorithm}-${expected.base64}, got ${check.actual()}); nothing was installed`,
      );
    }
  } catch (err) {
    out.destroy();
    await rm(file, { force: true });
    throw err;
  } finally {
    clearTimeout(stallTimer);
  }
}
