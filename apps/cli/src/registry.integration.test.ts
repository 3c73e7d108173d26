/**
 * A real install from the npm registry, once, into a temp cache: the smallest runtime package
 * (@oven/bun-linux-x64, ~40 MiB), then a real run on it. Skipped, with a message, when the registry
 * cannot be reached.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunFile, validateRunFile } from '@asyncbench/results';
import { afterAll, describe, expect, it } from 'vitest';
import { registryUrl } from './runtime-cache/registry.ts';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(appDir, 'bin/asyncbench.js');
const registry = registryUrl(process.env);

async function reachable(): Promise<string | null> {
  try {
    const r = await fetch(`${registry}@oven%2fbun-linux-x64`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(5000),
    });
    return r.ok ? null : `HTTP ${r.status}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

const unreachable =
  process.platform === 'linux' && process.arch === 'x64' ? await reachable() : 'not linux x64';
if (unreachable) console.warn(`registry integration test skipped: ${registry} not usable (${unreachable})`);

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const tmp = await mkdtemp(join(tmpdir(), 'asyncbench-registry-'));
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(unreachable !== null)('runtimes from the real npm registry', () => {
  const cache = join(tmp, 'cache');

  it('installs bun@1.2 once, checked and atomically, then runs a scenario on it from the cache', async () => {
    const install = await cli(['runtimes', 'install', 'bun@1.2', '--cache-dir', cache]);
    expect(install.code, install.stderr).toBe(0);
    expect(install.stdout).toMatch(
      /^bun@1\.2: bun 1\.2\.\d+ \(@oven\/bun-linux-x64@1\.2\.\d+\) installed at /m,
    );
    expect(install.stderr).toMatch(/downloading @oven\/bun-linux-x64@1\.2\.\d+ \([\d.]+ MiB\)/);
    const version = /bun 1\.2\.(\d+)/.exec(install.stdout)![0].slice(4);
    expect(await readdir(join(cache, 'oven+bun-linux-x64'))).toEqual([version]);

    const list = await cli(['runtimes', '--cache-dir', cache]);
    expect(list.stdout).toMatch(
      new RegExp(`^bun\\s+${version.replace(/\./g, '\\.')}\\s+[\\d.]+ MiB\\s+@oven/bun-linux-x64\\s+`, 'm'),
    );

    const out = join(tmp, 'out');
    const run = await cli([
      ...['run', '--runtimes', 'bun@1.2', '--scenarios', 'timers', '--profile', 'quick', '--max-time', '0'],
      ...['--cache-dir', cache, '--out', out, '--no-report'],
    ]);
    expect(run.code, run.stderr).toBe(0);
    // Reused: nothing downloaded the second time.
    expect(run.stderr).not.toContain('downloading');
    expect(run.stdout).toMatch(
      new RegExp(`^bun@1\\.2\\s+${version.replace(/\./g, '\\.')}\\s+\\(registry @oven/bun-linux-x64@`, 'm'),
    );
    const file = join(out, (await readdir(out)).find((n) => n.endsWith('.json'))!);
    const data: RunFile = validateRunFile(JSON.parse(await readFile(file, 'utf8')), file);
    expect(data.runtimes).toEqual([
      {
        name: 'bun@1.2',
        status: 'ok',
        version,
        path: join(cache, 'oven+bun-linux-x64', version, 'bin/bun'),
        source: 'registry',
        package: `@oven/bun-linux-x64@${version}`,
      },
    ]);
    expect(data.entries.find((e) => e.runtime === 'bun@1.2' && e.scenario === 'timers')?.status).toBe('ok');

    const rm = await cli(['runtimes', 'rm', 'bun@1.2', '--cache-dir', cache]);
    expect(rm.code, rm.stderr).toBe(0);
    expect(await readdir(join(cache, 'oven+bun-linux-x64'))).toEqual([]);
  });
});
