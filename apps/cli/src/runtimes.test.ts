import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_RUNTIMES } from './args.ts';
import { INSTALL_RECORD, writeMetadata } from './runtime-cache/store.ts';
import { findRuntimes, runtimeNames } from './runtimes.ts';

let dir: string;
const versions: Record<string, string> = {};
const probe = async (binary: string) => {
  const v = versions[binary.split('/').pop()!];
  if (v === undefined) throw new Error('exit code 1');
  return v;
};

async function exe(path: string, version: string | null): Promise<string> {
  await writeFile(path, '#!/bin/sh\n');
  await chmod(path, 0o755);
  if (version !== null) versions[path.split('/').pop()!] = version;
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'asyncbench-rt-'));
  await mkdir(join(dir, 'root/node_modules/.bin'), { recursive: true });
  await mkdir(join(dir, 'path'));
  await exe(join(dir, 'root/node_modules/.bin/deno'), 'deno 2.9.6 (stable)\nv8 1\n');
  await exe(join(dir, 'path/bun'), '1.4.5\n');
  await exe(join(dir, 'canary'), 'deno 3.0.0-canary (canary)\n');
  await exe(join(dir, 'broken'), null);
  await exe(join(dir, 'node'), 'v22.1.0\n');
  await exe(join(dir, 'chromium'), 'Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findRuntimes', () => {
  it('prefers flag, then pinned devDependency, then PATH; node is the running Node', async () => {
    const found = await findRuntimes(
      runtimeNames(null, [{ name: 'deno-canary', path: join(dir, 'canary') }], KNOWN_RUNTIMES),
      [{ name: 'deno-canary', path: join(dir, 'canary') }],
      join(dir, 'root'),
      {
        explicitNames: false,
        probe,
        env: { PATH: join(dir, 'path') },
        execPath: join(dir, 'node'),
        chromiumPath: join(dir, 'chromium'),
      },
    );
    expect(found.map((f) => [f.info.name, f.kind, f.info.version, f.info.source, f.explicit])).toEqual([
      ['node', 'node', '22.1.0', 'path', false],
      ['deno', 'deno', '2.9.6', 'devDependency', false],
      ['bun', 'bun', '1.4.5', 'path', false],
      ['chromium', 'chromium', '156.0.8078.108', 'path', false],
      ['deno-canary', 'deno', '3.0.0-canary', 'flag', true],
    ]);
    expect(found[4]!.info.note).toBe('custom deno build');
  });

  it('keeps missing, broken and mismatched binaries as missing with a note', async () => {
    const flags = [
      { name: 'deno', path: '/nonexistent/deno' },
      { name: 'bun', path: join(dir, 'canary') },
      { name: 'odd', path: join(dir, 'broken') },
    ];
    const found = await findRuntimes(['deno', 'bun', 'odd'], flags, join(dir, 'root'), {
      explicitNames: true,
      probe,
      env: { PATH: '' },
    });
    expect(found.every((f) => f.kind === null && f.info.status === 'missing' && f.explicit)).toBe(true);
    expect(found[0]!.info.note).toMatch(/\/nonexistent\/deno not found/);
    expect(found[1]!.info.note).toMatch(/is deno 3\.0\.0-canary, not bun/);
    expect(found[2]!.info.note).toMatch(/--version failed/);
    const none = await findRuntimes(['bun'], [], join(dir, 'nowhere'), {
      explicitNames: false,
      probe,
      env: { PATH: '' },
    });
    expect(none[0]!.info).toMatchObject({
      status: 'missing',
      note: 'bun: not found (no pinned devDependency, not on PATH)',
    });
  });

  it('finds chromium at the Debian path or on PATH, and says how to install it when it is neither', async () => {
    const at = (chromiumPath: string, PATH: string) =>
      findRuntimes(['chromium'], [], join(dir, 'root'), {
        explicitNames: false,
        probe,
        env: { PATH },
        chromiumPath,
      });
    const [debian] = await at(join(dir, 'chromium'), '');
    expect(debian).toMatchObject({ kind: 'chromium', info: { version: '156.0.8078.108', source: 'path' } });
    expect(debian!.info.path).toBe(join(dir, 'chromium'));
    const [onPath] = await at('/nonexistent/chromium', dir);
    expect(onPath!.info.path).toBe(join(dir, 'chromium'));
    const [missing] = await at('/nonexistent/chromium', '');
    expect(missing).toMatchObject({ kind: null, info: { status: 'missing' } });
    expect(missing!.info.note).toBe(
      'chromium: not found at /nonexistent/chromium nor on PATH (apt-get install chromium, or --runtime chromium=/path)',
    );
    // chromium is opt-in for run; doctor asks for every known runtime.
    expect(runtimeNames(null, [])).toEqual(['node', 'deno', 'bun']);
    expect(runtimeNames(null, [], KNOWN_RUNTIMES)).toEqual(['node', 'deno', 'bun', 'chromium']);
  });
});

describe('a plain deno or bun found nowhere', () => {
  it('comes from the runtime cache (its latest release), with a note saying so', async () => {
    // A cache holding bun 1.4.5 and a fresh version list naming it latest: nothing is downloaded,
    // and the registry (an address nothing answers on) is never asked.
    const cache = join(dir, 'cache');
    const pkg = '@oven/bun-linux-x64';
    const install = join(cache, 'oven+bun-linux-x64', '1.4.5');
    await mkdir(join(install, 'bin'), { recursive: true });
    await exe(join(install, 'bin/bun'), '1.4.5\n');
    const dist = { tarball: 'http://127.0.0.1:9/bun.tgz', integrity: 'sha512-x' };
    await writeMetadata(cache, 'http://127.0.0.1:9', {
      name: pkg,
      distTags: { latest: '1.4.5' },
      versions: { '1.4.5': dist },
    });
    const record = {
      kind: 'bun',
      package: pkg,
      version: '1.4.5',
      binary: 'bin/bun',
      integrity: 'sha512-x',
      tarball: dist.tarball,
      installedAt: new Date().toISOString(),
      sizeBytes: 10,
    };
    await writeFile(join(install, INSTALL_RECORD), JSON.stringify(record));
    const log: string[] = [];
    const ctx = {
      root: cache,
      registry: 'http://127.0.0.1:9',
      machine: { platform: 'linux' as const, arch: 'x64', libc: 'glibc' as const, avx2: true },
      log: { write: (t: string) => log.push(t) },
    };
    let opened = 0;
    const found = await findRuntimes(['bun', 'node'], [], join(dir, 'empty-root'), {
      explicitNames: true,
      probe,
      env: { PATH: join(dir, 'nowhere') },
      execPath: join(dir, 'node'),
      registryFallback: async () => {
        opened++;
        return ctx;
      },
    });
    expect(found[0]).toMatchObject({
      kind: 'bun',
      explicit: true,
      info: {
        name: 'bun',
        status: 'ok',
        version: '1.4.5',
        source: 'registry',
        package: '@oven/bun-linux-x64@1.4.5',
      },
    });
    expect(found[0]!.info.note).toBe(
      'none on PATH: bun 1.4.5 (latest) from the npm registry, found in the runtime cache',
    );
    expect(log.join('')).toMatch(
      /^asyncbench: bun: none on PATH; using the latest bun from the runtime cache/,
    );
    // Only the runtime that needed it opened the cache; node is the Node running asyncbench.
    expect(opened).toBe(1);
    expect(found[1]!.info.source).toBe('path');
  });
});
