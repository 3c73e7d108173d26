/**
 * Starts Debian's chromium headless for the driver, and makes sure it never outlives it.
 *
 * playwright's own launch() starts the browser detached, in a process group of its own, so that a
 * SIGKILL to the driver's group (what the CLI sends a child that runs past its time limit) would
 * leave the browser running. So the driver spawns chromium itself, in the driver's own process
 * group, and connects playwright over the DevTools protocol: killing the driver's group kills the browser and
 * every process it started. When the driver ends by itself, close() asks the browser to quit and
 * then kills whatever of its process tree is left; an exit handler does the same if the driver dies
 * of an uncaught error, and SIGTERM/SIGINT/SIGHUP lead there too.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_FLAGS } from './flags.ts';

/** The offline flags the report's browser tests use too, and what keeps a page's timers honest. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  ...OFFLINE_FLAGS,
  '--disable-extensions',
  '--disable-breakpad',
  '--no-default-browser-check',
  '--disable-dev-shm-usage',
  // A headless page counts as hidden for some heuristics: never throttle its timers or renderer.
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  // Thousands of DevTools input events per run must not be rate-limited.
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  // Platform.gc and exact performance.memory figures.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

/** Profiles live here, one per driver, named for its pid so a later driver can clear a dead one's. */
const PROFILES_DIR = join(tmpdir(), 'asyncbench-chromium');

export interface ChromiumProcess {
  readonly pid: number;
  readonly userDataDir: string;
  /** The browser's DevTools WebSocket, for playwright's connectOverCDP. */
  readonly wsEndpoint: string;
  /** Kills the browser's whole process tree now and removes the profile. Synchronous, idempotent. */
  kill(): void;
  /** Waits up to graceMs for the browser to exit (after a Browser.close), then kill(). */
  close(graceMs?: number): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Removes the profiles of drivers that no longer run (a SIGKILLed driver cannot clean up). */
function clearDeadProfiles(): void {
  let names: string[] = [];
  try {
    names = readdirSync(PROFILES_DIR);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^driver-(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      rmSync(join(PROFILES_DIR, name), { recursive: true, force: true });
    }
  }
}

/** Every descendant of pid, from /proc (Linux): chromium's zygotes, renderers and utilities. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // Gone meanwhile.
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** Reads stderr until chromium prints its DevTools endpoint; rejects if it exits or stalls first. */
function devToolsEndpoint(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(`no DevTools endpoint within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString()).slice(-16_384);
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(match[1]!);
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? `code ${code}`}) before it was ready`);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      const tail = seen.trim().split('\n').slice(-5).join('\n');
      reject(new Error(`chromium ${why}${tail ? `:\n${tail}` : ''}`));
    };
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Starts `executable` headless with a fresh profile and remote debugging on a free local port. */
export async function launchChromium(executable: string): Promise<ChromiumProcess> {
  clearDeadProfiles();
  mkdirSync(PROFILES_DIR, { recursive: true });
  const userDataDir = mkdtempSync(join(PROFILES_DIR, `driver-${process.pid}-`));
  const child = spawn(
    executable,
    [
      ...CHROMIUM_FLAGS,
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
    ],
    // Not detached: the browser stays in the driver's process group (see the top of this file).
    { stdio: ['ignore', 'ignore', 'pipe'], detached: false },
  );
  // A binary that cannot be started emits 'error' (e.g. ENOENT) instead of running: report it.
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  let killed = false;
  const kill = () => {
    if (killed) return;
    killed = true;
    process.off('exit', kill);
    const tree = child.pid === undefined ? [] : descendants(child.pid);
    for (const pid of [child.pid, ...tree]) {
      if (pid === undefined) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(userDataDir, { recursive: true, force: true });
  };
  process.on('exit', kill);
  if (child.pid === undefined) {
    kill();
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error(`chromium: could not start ${executable}${spawnError ? ` (${spawnError.message})` : ''}`);
  }
  let wsEndpoint: string;
  try {
    wsEndpoint = await devToolsEndpoint(child, 30_000);
  } catch (error) {
    kill();
    throw error;
  }
  // Keep draining stderr (chromium logs there) so a full pipe never stalls the browser.
  child.stderr!.resume();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    pid: child.pid,
    userDataDir,
    wsEndpoint,
    kill,
    async close(graceMs = 3_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      kill();
    },
  };
}
