/**
 * Runs grouped by the machine that measured them. A machine is its host name (as the run recorded
 * it: the OS's, or ASYNCBENCH_HOST) together with its hardware and OS: CI runners that share a
 * label but land on different CPUs are different machines, so their figures never join one trend
 * or one comparison unnoticed.
 */
import type { RunFile } from '@asyncbench/results';
import { slug } from './text.ts';

export interface Machine {
  /** Identity: host name, CPU model and count, OS and architecture. */
  key: string;
  hostname: string;
  /** The host name, plus the CPU where another machine shares the name. */
  label: string;
  /** Element-id-safe and unique among the machines. */
  slug: string;
  /** Its runs, oldest first, as indexes into the runs given. */
  runIndexes: number[];
}

function machineKey(run: RunFile): string {
  const h = run.host;
  return [h.hostname, h.cpuModel, h.cpuCount, h.os, h.arch].join('\u0000');
}

const byStart = (runs: readonly RunFile[]) => (a: number, b: number) =>
  runs[a]!.startedAt.localeCompare(runs[b]!.startedAt) || a - b;

/** The runs grouped by machine, machines in order of their first run as given. */
export function groupByMachine(runs: readonly RunFile[]): Machine[] {
  const machines = new Map<string, Machine>();
  runs.forEach((run, index) => {
    const key = machineKey(run);
    const found = machines.get(key);
    if (found) found.runIndexes.push(index);
    else {
      machines.set(key, { key, hostname: run.host.hostname, label: '', slug: '', runIndexes: [index] });
    }
  });
  const list = [...machines.values()];
  for (const m of list) {
    m.runIndexes.sort(byStart(runs));
    const first = runs[m.runIndexes[0]!]!.host;
    const sharesName = list.some((o) => o !== m && o.hostname === m.hostname);
    m.label = sharesName ? `${m.hostname} (${first.cpuModel}, ${first.cpuCount} cores)` : m.hostname;
  }
  const used = new Set<string>();
  for (const m of list) {
    const base = slug(m.hostname);
    let unique = base;
    for (let n = 2; used.has(unique); n++) unique = `${base}-${n}`;
    used.add(unique);
    m.slug = unique;
  }
  return list;
}

/**
 * The runs whose figures the bar charts show, as indexes: each machine's newest run, and with
 * exactly two runs on a machine both of them (the comparison pairs them). Older runs of a machine
 * with three or more appear in the history's trends instead.
 */
export function shownRunIndexes(machines: readonly Machine[]): number[] {
  return machines.flatMap((m) => (m.runIndexes.length === 2 ? m.runIndexes : [m.runIndexes.at(-1)!]));
}

/** Each machine's newest run, as an index: what the overview and the headline read. */
export function newestRunIndexes(machines: readonly Machine[]): number[] {
  return machines.map((m) => m.runIndexes.at(-1)!);
}
