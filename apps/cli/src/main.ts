/**
 * The asyncbench command. Parses argv, runs one command, prints errors as one line
 * (`asyncbench: ...`) and sets the exit code: 0 ok, 1 something failed, 2 bad input, 130 interrupted.
 */
import { main } from './cli.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';

const controller = new AbortController();
let signals = 0;
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    // First signal: stop the current child and save what was measured. A second one: leave now.
    if (++signals > 1) process.exit(130);
    controller.abort(name);
  });
}

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
  } else {
    process.stderr.write(
      `asyncbench: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
