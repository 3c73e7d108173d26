/**
 * An adapter process must not outlive the asyncbench CLI that started it, however the CLI ends —
 * including SIGKILL, which no handler of the CLI sees. The CLI gives each adapter a stdin pipe whose
 * write end it holds and never writes to, and sets ASYNCBENCH_PARENT_PIPE=1. When the CLI is gone
 * the kernel closes that end, the adapter's read returns end-of-file, and the adapter exits.
 *
 * The read is an ordinary async read on the event loop: it costs nothing while waiting (no thread,
 * no polling), so no figure changes. The price is that a main thread stuck in synchronous code notices
 * only when it next yields; every catalogue case yields at least once per unit of work.
 */

/** The environment variable the CLI sets (apps/cli spawn.ts ENV_PARENT_PIPE). */
export const PARENT_PIPE_ENV = 'ASYNCBENCH_PARENT_PIPE';

/** Exit code of an adapter that left because its parent was gone (nobody is left to read it). */
export const PARENT_GONE_EXIT_CODE = 129;

export interface ParentWatch {
  /** Stops watching (the adapter is finishing on its own); the stream is cancelled. */
  stop(): void;
}

/**
 * When `enabled` (the CLI set ASYNCBENCH_PARENT_PIPE=1), reads `stdin()` until end-of-file and then
 * calls `exit()`. Anything written on the pipe is read and ignored. Not enabled (run by hand: stdin
 * is a terminal, or /dev/null which would read as end-of-file at once): does nothing.
 */
export function exitWhenParentGone(options: {
  enabled: boolean;
  stdin: () => ReadableStream<Uint8Array>;
  exit: () => void;
}): ParentWatch {
  if (!options.enabled) return { stop() {} };
  let stopped = false;
  const reader = options.stdin().getReader();
  void (async () => {
    try {
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    } catch {
      // A read error on our lifeline means the same as end-of-file: the parent's end is gone.
    }
    if (!stopped) options.exit();
  })();
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      reader.cancel().catch(() => {});
    },
  };
}
