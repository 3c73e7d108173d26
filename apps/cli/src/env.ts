/**
 * The environment every number carries: host, CPU pinning, git commit.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import type { HostInfo } from '@asyncbench/harness';

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
 * Pins benchmark children to one CPU with taskset when it exists (Linux), so runs on a machine
 * with other load vary less. The last CPU is used (CPU 0 tends to take interrupts); a trial run
 * proves this process may use it (containers often restrict the set).
 */
export async function detectPinning(): Promise<Pinning> {
  if (process.platform !== 'linux') return { prefix: [], how: 'taskset is Linux-only' };
  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  if (cpus < 2) return { prefix: [], how: 'one CPU only' };
  const probe = await run('taskset', ['-p', String(process.pid)]);
  if (!probe.ok) return { prefix: [], how: 'taskset not found (install util-linux to pin CPUs)' };
  const mask = /:\s*([0-9a-f]+)\s*$/i.exec(probe.stdout.trim())?.[1];
  const cpu = mask ? highestCpu(mask) : null;
  if (cpu === null) return { prefix: [], how: 'taskset gave no usable CPU mask' };
  const trial = await run('taskset', ['-c', String(cpu), 'true']);
  if (!trial.ok) return { prefix: [], how: `taskset -c ${cpu} refused` };
  return { prefix: ['taskset', '-c', String(cpu)], how: `taskset -c ${cpu}` };
}

/** Highest set bit of a hex affinity mask ("3" -> 1), null if none. */
export function highestCpu(hexMask: string): number | null {
  let best: number | null = null;
  const digits = hexMask.toLowerCase();
  for (let i = 0; i < digits.length; i++) {
    const v = Number.parseInt(digits[digits.length - 1 - i]!, 16);
    for (let b = 0; b < 4; b++) if (v & (1 << b)) best = i * 4 + b;
  }
  return best;
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
