/**
 * Errors are data: commands throw these, main.ts prints the message as one line and exits
 * with the code. Exit 2 means "bad input, nothing was run"; exit 1 means "ran (or tried to) and
 * something failed".
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Bad command line: unknown command/flag/runtime/scenario/profile, bad number. Exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Joins choices for a message: `a, b or c`. */
export function choices(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
