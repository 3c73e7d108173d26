/**
 * No process the CLI starts outlives it, however the CLI ends: with real processes, a real adapter
 * hanging in the hidden fault-hang scenario, and the CLI ended by SIGINT, SIGTERM, SIGHUP, SIGKILL
 * (no handler runs: the adapter must notice its stdin lifeline close) and `timeout 5 npx asyncbench`.
 * Processes of one test are found by a marker in their environment (every child inherits it), not
 * by name. Linux only (reads /proc).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(appDir, '../..');
const bin = join(appDir, 'bin/asyncbench.js');
const MARKER = 'ASYNCBENCH_TEST_MARKER';
/** How long a child may take to notice its parent is gone (it notices within ms when idle). */
const GONE_WITHIN_MS = 10_000;

/** Live processes (zombies excluded) whose environment carries MARKER=value. */
function marked(value: string): { pid: number; cmdline: string }[] {
  const out: { pid: number; cmdline: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'latin1').includes(`${MARKER}=${value}\0`)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const state = stat[stat.lastIndexOf(')') + 2];
      if (state === 'Z' || state === 'X') continue;
      out.push({
        pid: Number(name),
        cmdline: readFileSync(`/proc/${name}/cmdline`, 'latin1').replace(/\0/g, ' '),
      });
    } catch {
      // Gone while we looked, or not ours to read.
    }
  }
  return out;
}

/** The adapter running the scenario (not the short `--list` one that comes first). */
const adapters = (value: string) =>
  marked(value).filter(
    (p) => p.cmdline.includes('packages/adapter-') && p.cmdline.includes('--scenarios fault-hang'),
  );

/** The scenario's adapter process, once it runs (a busy machine may take seconds to start it). */
function adapterStarted(marker: string): Promise<{ pid: number; cmdline: string }> {
  return waitFor('the adapter to start', () => adapters(marker)[0] ?? null, 60_000);
}

async function waitFor<T>(what: string, check: () => T | null, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = check();
    if (hit !== null) return hit;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null)
      done({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => done({ code, signal }));
  });
}

let tmp: string;
const markers: string[] = [];

function start(command: string[], runtime: string) {
  const marker = randomUUID();
  markers.push(marker);
  const out = join(tmp, marker);
  const args = [
    'run',
    '--runtimes',
    runtime,
    '--scenarios',
    'fault-hang',
    '--profile',
    'quick',
    '--max-time',
    '0',
    '--timeout-ms',
    '300000',
    '--no-report',
    '--out',
    out,
  ];
  const [file, ...pre] = command;
  const child = spawn(file!, [...pre, ...args], {
    cwd: root,
    env: { ...process.env, [MARKER]: marker, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => {
    stderr += c;
  });
  return { child, marker, stderr: () => stderr };
}

beforeAll(async () => {
  if (!existsSync(join(appDir, 'dist/asyncbench.js')))
    throw new Error('apps/cli is not built (npm run build)');
  tmp = await mkdtemp(join(tmpdir(), 'asyncbench-lifetime-'));
});
afterEach(() => {
  // A failed test must not leave a hanging adapter behind for the next one (or for the machine).
  for (const m of markers.splice(0)) {
    for (const p of marked(m)) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('no adapter outlives the CLI', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    '%s: the CLI ends the running adapter, saves, exits 130',
    async (signal) => {
      const run = start([process.execPath, bin], 'node');
      const adapter = await adapterStarted(run.marker);
      expect(adapter.cmdline).toContain('packages/adapter-node/dist/main.js');
      run.child.kill(signal);
      expect(await exited(run.child), run.stderr()).toEqual({ code: 130, signal: null });
      await waitFor(
        'every marked process to end',
        () => (marked(run.marker).length === 0 ? true : null),
        GONE_WITHIN_MS,
      );
      expect(run.stderr()).toMatch(/interrupted; 0 of 1 processes kept in/);
    },
  );

  it.each(['node', 'deno', 'bun'])(
    'SIGKILL of the CLI (no handler runs): the %s adapter reads end-of-file on its lifeline and exits',
    async (runtime) => {
      const run = start([process.execPath, bin], runtime);
      const adapter = await adapterStarted(run.marker);
      expect(adapter.cmdline).toContain(`packages/adapter-${runtime}/dist/main.js`);
      run.child.kill('SIGKILL');
      expect(await exited(run.child)).toEqual({ code: null, signal: 'SIGKILL' });
      await waitFor(
        `the ${runtime} adapter (pid ${adapter.pid}) to exit`,
        () => (marked(run.marker).length === 0 ? true : null),
        GONE_WITHIN_MS,
      );
    },
  );

  it('`timeout 5 npx asyncbench run ...` leaves nothing running once timeout returns', async () => {
    const run = start(['timeout', '5', 'npx', '--no-install', 'asyncbench'], 'node');
    let sawAdapter = false;
    const watching = setInterval(() => {
      sawAdapter ||= adapters(run.marker).length > 0;
    }, 50);
    const result = await exited(run.child);
    clearInterval(watching);
    // 124: timeout ended its command; the adapter had started by then and was hanging.
    expect(result.code, run.stderr()).toBe(124);
    expect(sawAdapter, 'the adapter started within the 5 s').toBe(true);
    await waitFor(
      'every marked process to end',
      () => (marked(run.marker).length === 0 ? true : null),
      GONE_WITHIN_MS,
    );
  });
});
