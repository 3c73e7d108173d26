/**
 * The environment every number carries: host, CPU pinning, git commit.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import type { HostInfo } from '@asyncbench/results';
import { UsageError } from './errors.ts';

export interface Pinning {
  /** Prefix for child command lines, e.g. ['taskset', '-c', '1']; empty when not pinned. */
  prefix: string[];
  /** How, for HostInfo.pinning and doctor; why not, when not pinned. */
  how: string;
}

function run(file: string, args: string[], cwd?: string): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((ok) => {
    execFile(file, args, { cwd, timeout: 10_000 }, (err, stdout) => ok({ ok: !err, stdout: String(stdout) }));
  });
}

/**
 * Pins benchmark children to the CPUs in `cpuList` with taskset (Linux), when asked (--pin).
 * Not the default: pinning a runtime to one CPU also pins its HTTP server and SQLite worker
 * threads there, which changes what the http and db scenarios measure. A trial run proves this
 * process may use those CPUs (containers often restrict the set).
 */
export async function detectPinning(cpuList: string | null = null): Promise<Pinning> {
  if (cpuList === null) return { prefix: [], how: 'not requested (--pin <cpus> pins children with taskset)' };
  if (process.platform !== 'linux') return { prefix: [], how: 'taskset is Linux-only' };
  const trial = await run('taskset', ['-c', cpuList, 'true']);
  if (!trial.ok) {
    // taskset there but refusing the list: the user named CPUs this machine does not let us use.
    // That is bad input (exit 2 before anything runs), not a run left silently unpinned.
    if ((await run('taskset', ['--version'])).ok) {
      const allowed = await run('taskset', ['-cp', String(process.pid)]);
      const list = allowed.stdout.split(':').at(-1)?.trim();
      throw new UsageError(
        `--pin ${cpuList}: taskset cannot pin to these CPUs${list ? ` (allowed: ${list})` : ''}`,
      );
    }
    return { prefix: [], how: `taskset not found (apt-get install util-linux): --pin ${cpuList} ignored` };
  }
  return { prefix: ['taskset', '-c', cpuList], how: `taskset -c ${cpuList}` };
}

/** What ASYNCBENCH_HOST may hold: a label such as `ubuntu-24.04-arm` or `ci-runner 3`, 1-64 characters. */
const HOST_LABEL = /^[A-Za-z0-9][A-Za-z0-9 ._@:+-]{0,63}$/;

/**
 * The host name runs record: ASYNCBENCH_HOST when set (a CI matrix names its runners, whose own
 * host names change every job, so their runs can be told apart and followed over time), else the
 * OS's. A value that is not a plain label is bad input (UsageError, exit 2) before anything runs.
 */
export function hostName(env: NodeJS.ProcessEnv): string {
  const label = env.ASYNCBENCH_HOST;
  if (label === undefined || label === '') return os.hostname();
  if (!HOST_LABEL.test(label)) {
    throw new UsageError(
      `ASYNCBENCH_HOST must be 1-64 letters, digits, spaces or ._@:+- starting with a letter or digit, got ${JSON.stringify(label)}`,
    );
  }
  return label;
}

export function hostInfo(pinning: Pinning, env: NodeJS.ProcessEnv = process.env): HostInfo {
  const cpus = os.cpus();
  const info: HostInfo = {
    hostname: hostName(env),
    os: os.type(),
    release: os.release(),
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    memoryBytes: os.totalmem(),
    pinned: pinning.prefix.length > 0,
  };
  info.pinning = pinning.how;
  return info;
}

/** Short commit of the checkout, null when it is not a git repository (or git is absent). */
export async function gitCommit(root: string): Promise<string | null> {
  const r = await run('git', ['rev-parse', '--short', 'HEAD'], root);
  const sha = r.stdout.trim();
  return r.ok && /^[0-9a-f]{4,40}$/.test(sha) ? sha : null;
}
