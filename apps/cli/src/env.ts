/**
 * The environment every number carries: host, CPU pinning, git commit.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import type { HostInfo } from '@asyncbench/results';

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
  if (!trial.ok)
    return {
      prefix: [],
      how: `taskset -c ${cpuList} failed (is util-linux installed? is CPU ${cpuList} allowed?)`,
    };
  return { prefix: ['taskset', '-c', cpuList], how: `taskset -c ${cpuList}` };
}

export function hostInfo(pinning: Pinning): HostInfo {
  const cpus = os.cpus();
  const info: HostInfo = {
    hostname: os.hostname(),
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
