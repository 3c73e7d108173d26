import { spawn, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  grandchildren,
  machineLoadBetween,
  parseProcSelfStat,
  parseProcStat,
  readCpuTicks,
  readProcesses,
  startMachineProbe,
} from './machine-load.ts';

const STAT = [
  'cpu  1000 10 300 5000 40 0 50 0 0 0',
  'cpu0 500 5 150 2500 20 0 25 0 0 0',
  'cpu1 500 5 150 2500 20 0 25 0 0 0',
  'intr 12345',
].join('\n');

describe('parseProcStat / parseProcSelfStat', () => {
  it('sums every state, counts idle and iowait as not busy, and counts the CPUs', () => {
    expect(parseProcStat(STAT)).toEqual({ total: 6400, busy: 1360, cpus: 2 });
    expect(() => parseProcStat('intr 1')).toThrow('no cpu line');
  });

  it('reads utime, stime, cutime and cstime after the command name, even one with spaces and parens', () => {
    const text = '42 (a (weird) name) S 1 42 42 0 -1 4194304 99 0 0 0 7 3 20 10 20 0 1 0 100 1000 10';
    expect(parseProcSelfStat(text)).toBe(7 + 3 + 20 + 10);
  });
});

describe('machineLoadBetween', () => {
  const ticks = (total: number, busy: number, own: number) => ({ total, busy, cpus: 2, own });

  it('is the busy time not spent by us or our reaped children, as a share and in cores', () => {
    // 200 ticks of capacity (1 s on 2 CPUs); 150 busy, 100 of them ours: others used 50.
    const m = machineLoadBetween(
      { load: 0.5, ticks: ticks(1000, 400, 10) },
      { load: 0.75, ticks: ticks(1200, 550, 110) },
    );
    expect(m).toEqual({ loadAvg1: [0.5, 0.75], otherCpuShare: 0.25, otherCpuCores: 0.5 });
  });

  it('never goes below zero (tick rounding) and says only the load where /proc is missing', () => {
    expect(
      machineLoadBetween({ load: 1, ticks: ticks(0, 0, 0) }, { load: 1, ticks: ticks(200, 100, 103) })
        .otherCpuCores,
    ).toBe(0);
    expect(machineLoadBetween({ load: 1, ticks: null }, { load: 2, ticks: null })).toEqual({
      loadAvg1: [1, 2],
    });
  });
});

describe('grandchildren', () => {
  it('keeps descendants two levels below the root and deeper, with their own ticks', () => {
    const procs = new Map([
      [1, { ppid: 0, ticks: 5 }],
      [10, { ppid: 1, ticks: 7 }], // root
      [20, { ppid: 10, ticks: 100 }], // child: reaped into the root's cutime, not listed
      [30, { ppid: 20, ticks: 40 }], // grandchild
      [40, { ppid: 30, ticks: 2 }], // great-grandchild
      [50, { ppid: 1, ticks: 999 }], // another tree
    ]);
    expect([...grandchildren(procs, 10)]).toEqual([
      [30, 40],
      [40, 2],
    ]);
  });

  it('subtracts unreaped grandchildren from other processes', () => {
    const ticks = (total: number, busy: number, own: number) => ({ total, busy, cpus: 2, own });
    const m = machineLoadBetween(
      { load: 1, ticks: ticks(0, 0, 0) },
      { load: 1, ticks: ticks(200, 150, 50) },
      60,
    );
    expect(m.otherCpuCores).toBe(0.4);
  });
});

describe.runIf(process.platform === 'linux')('readCpuTicks and startMachineProbe on this machine', () => {
  it("counts a reaped child's CPU time as ours, so it is never 'other processes'", () => {
    const before = readCpuTicks();
    expect(before).not.toBeNull();
    const probe = startMachineProbe();
    // A child that burns 300 ms of CPU time (however long that takes on a loaded machine).
    spawnSync(process.execPath, ['-e', 'while (process.cpuUsage().user < 300e3);']);
    const m = probe.stop();
    const after = readCpuTicks()!;
    // USER_HZ is 100 on Linux: 300 ms are 30 ticks; allow tick rounding.
    expect(after.own - before!.own).toBeGreaterThanOrEqual(28);
    expect(m.loadAvg1).toHaveLength(2);
    expect(m.otherCpuShare).toBeGreaterThanOrEqual(0);
    expect(m.otherCpuShare).toBeLessThanOrEqual(1);
  });

  it('finds a running grandchild of this process and its CPU time', async () => {
    const child = spawn('sh', ['-c', `${process.execPath} -e "while (process.cpuUsage().user < 200e3);"; :`]);
    try {
      let found: number | undefined;
      for (let i = 0; i < 50 && !found; i++) {
        await sleep(100);
        const grand = grandchildren(readProcesses(), process.pid);
        found = [...grand.values()].find((t) => t > 0);
      }
      expect(found).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
