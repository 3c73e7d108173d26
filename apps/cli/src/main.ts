/**
 * The asyncbench command. Parses argv, runs one command, prints errors as one line
 * (`asyncbench: ...`) and sets the exit code: 0 ok, 1 something failed, 2 bad input, 130 interrupted.
 */
import { main } from './cli.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { PathProblem } from './out-dir.ts';
import { killLiveChildren } from './spawn.ts';

const controller = new AbortController();
let signals = 0;
// SIGHUP: the terminal went away (ssh dropped, window closed); treated like Ctrl-C.
for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(name, () => {
    // First signal: stop the current child and save what was measured. A second one: leave now
    // (the 'exit' handler below still ends the children).
    if (++signals > 1) process.exit(130);
    controller.abort(name);
  });
}
// However this process ends short of SIGKILL, no child it started outlives it. (Against SIGKILL
// the adapters watch their stdin pipe from us: see spawn.ts.)
process.on('exit', killLiveChildren);

// `asyncbench list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };
try {
  process.exitCode = await main(process.argv.slice(2), io, controller.signal);
} catch (err) {
  if (err instanceof CliError) {
    process.stderr.write(`asyncbench: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if (err instanceof PathProblem) {
    // A directory that was fine when checked went bad during the run (removed, disk full).
    process.stderr.write(`asyncbench: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    // A bug, not a user error: one line, the stack only on request so a user never sees one.
    const debug = process.env.ASYNCBENCH_DEBUG === '1';
    const text =
      err instanceof Error ? (debug ? (err.stack ?? err.message) : err.message.split('\n')[0]) : String(err);
    process.stderr.write(
      `asyncbench: internal error: ${text}${debug ? '' : ' (ASYNCBENCH_DEBUG=1 shows the stack)'}\n`,
    );
    process.exitCode = 1;
  }
}
