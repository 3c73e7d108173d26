/**
 * How busy the machine was while one child process ran (RepeatRecord.machine), so a figure taken
 * while something else used the CPU is flagged (busy-machine, @asyncbench/results flags.ts) rather
 * than trusted. Sampled just before the child starts and just after it has been reaped:
 * - the 1-minute load average (os.loadavg; [0, 0, 0] on Windows);
 * - Linux only: other processes' CPU time = the machine's busy time (/proc/stat, all CPUs) minus
 *   this process's own time and that of its reaped children (/proc/self/stat utime, stime,
 *   cutime, cstime). A reaped child's CPU time (with that of the children it waited for) is added
 *   to our cutime/cstime by the kernel, so the child needs no polling and no cooperation from the
 *   adapter. What the child leaves behind un-reaped (killed with its process group) counts as other.
 *   Grandchildren that are never reaped into our tree (the chromium adapter's browser: its
 *   renderers outlive the browser's exit and are killed with its group) would count as other and
 *   flag every browser run, so the probe also polls our descendants below our children every
 *   POLL_MS and subtracts the CPU time last seen for each. One reaped into us after all is then
 *   subtracted twice: the error makes the machine look quieter, never busier.
 * All figures are in clock ticks (USER_HZ) on both sides, so the unit cancels. Accuracy is a tick
 * per CPU (over a child of 1 s on 2 CPUs, about 1% of the machine), plus up to POLL_MS of an
 * unreaped grandchild's last CPU time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import type { MachineLoad } from '@asyncbench/results';

/** CPU time counters in clock ticks, or null where /proc is not readable (not Linux). */
export interface CpuTicks {
  /** All CPUs: every state summed (user..steal). */
  total: number;
  /** All CPUs: total minus idle and iowait. */
  busy: number;
  /** CPUs counted in /proc/stat (cpu0, cpu1, ...). */
  cpus: number;
  /** This process: utime + stime + cutime + cstime. */
  own: number;
}

/** Parses /proc/stat's aggregate `cpu` line and its per-CPU lines. Throws on an unexpected text. */
export function parseProcStat(text: string): { total: number; busy: number; cpus: number } {
  const lines = text.split('\n');
  const head = lines.find((l) => l.startsWith('cpu '));
  if (!head) throw new Error('no cpu line in /proc/stat');
  // user nice system idle iowait irq softirq steal [guest guest_nice: already in user/nice]
  const f = head.trim().split(/\s+/).slice(1, 9).map(Number);
  if (f.length < 5 || f.some((x) => !Number.isFinite(x))) throw new Error('bad cpu line in /proc/stat');
  const total = f.reduce((a, b) => a + b, 0);
  const idle = f[3]! + f[4]!;
  const cpus = lines.filter((l) => /^cpu\d+ /.test(l)).length;
  return { total, busy: total - idle, cpus: Math.max(cpus, 1) };
}

/** Fields of a /proc/<pid>/stat text from field 3 (state) on: the command name may hold spaces and parens. */
const statFields = (text: string) => text.slice(text.lastIndexOf(')') + 2).split(' ');

/** utime + stime + cutime + cstime from a /proc/<pid>/stat text (fields 14-17). */
export function parseProcSelfStat(text: string): number {
  // rest[0] is field 3 (state); fields 14..17 are rest[11..14].
  const f = statFields(text).slice(11, 15).map(Number);
  if (f.length < 4 || f.some((x) => !Number.isFinite(x))) throw new Error('bad /proc/self/stat');
  return f.reduce((a, b) => a + b, 0);
}

/** Every process now: pid -> parent pid and its own CPU ticks (utime + stime); empty without /proc. */
export function readProcesses(): Map<number, { ppid: number; ticks: number }> {
  const out = new Map<number, { ppid: number; ticks: number }>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const f = statFields(readFileSync(`/proc/${name}/stat`, 'utf8'));
      out.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return out;
}

/** pid -> own ticks of root's descendants at depth 2 and below (its children's children, ...). */
export function grandchildren(
  procs: ReadonlyMap<number, { ppid: number; ticks: number }>,
  root: number,
): Map<number, number> {
  const depth = new Map<number, number>([[root, 0]]);
  const depthOf = (pid: number, seen = 0): number | null => {
    const known = depth.get(pid);
    if (known !== undefined) return known;
    const p = procs.get(pid);
    if (!p || p.ppid === 0 || seen > 64) return null;
    const d = depthOf(p.ppid, seen + 1);
    if (d !== null) depth.set(pid, d + 1);
    return d === null ? null : d + 1;
  };
  const out = new Map<number, number>();
  for (const [pid, p] of procs) if ((depthOf(pid) ?? 0) >= 2) out.set(pid, p.ticks);
  return out;
}

/** How often the probe looks for grandchildren, ms. */
export const POLL_MS = 250;

/** The counters now, or null where /proc cannot be read. */
export function readCpuTicks(): CpuTicks | null {
  try {
    const stat = parseProcStat(readFileSync('/proc/stat', 'utf8'));
    return { ...stat, own: parseProcSelfStat(readFileSync('/proc/self/stat', 'utf8')) };
  } catch {
    return null;
  }
}

/**
 * The MachineLoad between two samples (pure). `unreaped`: CPU ticks of our grandchildren that may
 * not have reached our cutime (see the module comment). Other processes' share is clamped to [0, 1].
 */
export function machineLoadBetween(
  before: { load: number; ticks: CpuTicks | null },
  after: { load: number; ticks: CpuTicks | null },
  unreaped = 0,
): MachineLoad {
  const out: MachineLoad = { loadAvg1: [round(before.load), round(after.load)] };
  const a = before.ticks;
  const b = after.ticks;
  const total = a && b ? b.total - a.total : 0;
  if (a && b && total > 0) {
    const other = Math.max(0, b.busy - a.busy - (b.own - a.own) - unreaped);
    const share = Math.min(1, other / total);
    out.otherCpuShare = round(share);
    out.otherCpuCores = round(share * b.cpus);
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Starts sampling; `stop()` after the child has been reaped gives its RepeatRecord.machine. One
 * child at a time: every grandchild of this process is taken to be the running child's.
 */
export function startMachineProbe(): { stop(): MachineLoad } {
  const before = { load: os.loadavg()[0] ?? 0, ticks: readCpuTicks() };
  // Last CPU ticks seen per grandchild; only where /proc exists.
  const seen = new Map<number, number>();
  const poll = () => {
    for (const [pid, ticks] of grandchildren(readProcesses(), process.pid)) seen.set(pid, ticks);
  };
  const timer = before.ticks ? setInterval(poll, POLL_MS) : null;
  timer?.unref();
  return {
    stop: () => {
      if (timer) clearInterval(timer);
      const after = { load: os.loadavg()[0] ?? 0, ticks: readCpuTicks() };
      let unreaped = 0;
      for (const ticks of seen.values()) unreaped += ticks;
      return machineLoadBetween(before, after, unreaped);
    },
  };
}
