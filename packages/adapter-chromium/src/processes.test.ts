/**
 * Whatever runs the driver must never leave a chromium process behind. Each case starts dist/main.js
 * as the CLI does (its own process group), ends it one way or another, and then looks for any live
 * process still carrying that driver's browser profile in its command line (chromium and every
 * helper process it starts get --user-data-dir).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, eventually, hasChromium, main, processesWith, root } from '../test-support/chromium.ts';

interface Started {
  child: ChildProcess;
  /** The browser profile the driver announced on stderr. */
  profile: string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  stdout: () => string;
}

/** Starts the driver in its own process group; resolves once it has printed `waitFor` on stdout. */
async function startDriver(args: string[], waitFor: RegExp): Promise<Started> {
  const child = spawn(process.execPath, [main, '--chromium', CHROMIUM, ...args], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/profile (\S+)/.test(stderr) && waitFor.test(stdout)) resolve();
    };
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      check();
    });
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
      check();
    });
    void exited.then(() => {
      check();
      reject(new Error(`driver exited before ${waitFor}:\n${stderr}`));
    });
  });
  await ready;
  return { child, profile: /profile (\S+)/.exec(stderr)![1]!, exited, stdout: () => stdout };
}

describe.skipIf(!hasChromium)('no chromium process outlives its driver', () => {
  it('when the run finishes: the browser exits and its profile is removed', async () => {
    const run = await startDriver(['--scenarios', 'timers', '--profile', 'quick'], /"type":"hello"/);
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.stdout()).toContain('"type":"done","scenario":"timers"');
    expect(await eventually(() => processesWith(run.profile).length === 0)).toBe(true);
    expect(existsSync(run.profile)).toBe(false);
  });

  it('when the CLI kills the driver’s process group (its time limit): the browser dies with it', async () => {
    // fault-hang never finishes; the page is mid-case when the group is killed.
    const run = await startDriver(['--scenarios', 'fault-hang', '--profile', 'quick'], /"type":"hello"/);
    expect(processesWith(run.profile).length).toBeGreaterThan(1);
    process.kill(-run.child.pid!, 'SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    expect(await eventually(() => processesWith(run.profile).length === 0)).toBe(true);
    // A killed driver cannot remove its profile; the next driver removes those of dead drivers.
    expect(existsSync(run.profile)).toBe(true);
    const next = await startDriver(['--list'], /"id":"timers"/);
    expect((await next.exited).code).toBe(0);
    expect(existsSync(run.profile)).toBe(false);
  });

  it('when the driver alone gets SIGTERM: it kills the browser on its way out', async () => {
    const run = await startDriver(['--scenarios', 'fault-hang', '--profile', 'quick'], /"type":"hello"/);
    run.child.kill('SIGTERM');
    expect((await run.exited).code).toBe(143);
    expect(await eventually(() => processesWith(run.profile).length === 0)).toBe(true);
    expect(existsSync(run.profile)).toBe(false);
  });

  it('when the page crashes the run (an uncaught error): exit code 1 and no browser left', async () => {
    const run = await startDriver(['--scenarios', 'fault-crash', '--profile', 'quick'], /"type":"hello"/);
    expect((await run.exited).code).toBe(1);
    expect(await eventually(() => processesWith(run.profile).length === 0)).toBe(true);
  });
});
