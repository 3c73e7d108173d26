/**
 * Runs one child process with a time limit. The child gets its own process group (detached) so a
 * timeout or an interrupt can kill it together with anything it started; the terminal's Ctrl-C
 * reaches only us, and we decide what to kill. Output is collected as data; nothing is judged here.
 *
 * No child outlives the CLI: every live group is killed from main.ts's 'exit' handler
 * (killLiveChildren), and against an end no handler sees (SIGKILL, a crash of node itself) each
 * child's stdin is a pipe whose write end only we hold and never write to. When we are gone, the
 * kernel closes it and the adapter reads end-of-file and exits (ENV_PARENT_PIPE tells it to watch;
 * the adapter-kit's exitWhenParentGone does the watching).
 */
import { spawn } from 'node:child_process';

/** Set in a child's environment: its stdin is the CLI's lifeline pipe, end-of-file means exit. */
export const ENV_PARENT_PIPE = 'ASYNCBENCH_PARENT_PIPE';

/** Process groups of the children running now (their pids: each child leads its own group). */
const liveGroups = new Set<number>();

/** SIGKILLs every child group still running. Synchronous, so it can run in an 'exit' handler. */
export function killLiveChildren(): void {
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  liveGroups.clear();
}

export interface ChildOutcome {
  exitCode: number | null;
  signal: string | null;
  /** Killed because it ran past timeoutMs. */
  timedOut: boolean;
  /** Killed because the caller aborted (SIGINT/SIGTERM). */
  aborted: boolean;
  /** Set when the process could not be started at all. */
  spawnError: string | null;
  stdoutLines: string[];
  stderrTail: string;
  durationMs: number;
}

export interface ChildOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  signal?: AbortSignal;
}

const TAIL_LINES = 20;
const TAIL_BYTES = 2048;

export function runChild(command: string[], opts: ChildOptions): Promise<ChildOutcome> {
  const started = performance.now();
  const [file, ...args] = command;
  return new Promise((resolvePromise) => {
    const stdoutLines: string[] = [];
    let stdoutRest = '';
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    let spawnError: string | null = null;
    let settled = false;

    const child = spawn(file!, args, {
      cwd: opts.cwd,
      env: { ...opts.env, [ENV_PARENT_PIPE]: '1' },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) liveGroups.add(child.pid);
    // Never written to; an error here (the child closed its end) is of no interest.
    child.stdin.on('error', () => {});

    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, opts.timeoutMs);
    const onAbort = () => {
      aborted = true;
      killGroup();
    };
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (stdoutRest + chunk).split('\n');
      stdoutRest = parts.pop() ?? '';
      for (const line of parts) stdoutLines.push(line.replace(/\r$/, ''));
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      // Keep a bounded window; the tail is cut to size at the end.
      stderr = (stderr + chunk).slice(-8 * TAIL_BYTES);
    });

    const finish = (exitCode: number | null, signal: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      // The main process is done; anything it left behind in its group goes too.
      killGroup();
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      child.stdin.destroy();
      if (stdoutRest !== '') stdoutLines.push(stdoutRest);
      resolvePromise({
        exitCode,
        signal,
        timedOut,
        aborted,
        spawnError,
        stdoutLines,
        stderrTail: tail(stderr),
        durationMs: performance.now() - started,
      });
    };
    child.on('error', (err) => {
      spawnError = err.message;
      finish(null, null);
    });
    // Orphans holding our pipes would keep 'close' from firing; the group goes when the child exits.
    child.on('exit', () => killGroup());
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** The last ~20 lines of text, at most ~2 KB. */
export function tail(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  let out = lines.slice(-TAIL_LINES).join('\n');
  if (out.length > TAIL_BYTES) out = `…${out.slice(-TAIL_BYTES)}`;
  return out;
}
