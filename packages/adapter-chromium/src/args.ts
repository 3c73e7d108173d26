/** The driver's own command-line flag; everything else is the adapter protocol's, for the page. */

/** Debian's chromium (`apt-get install chromium`). */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Takes the driver's own `--chromium <path>` out of argv; the rest goes to the page. */
export function splitArgs(argv: readonly string[]): { executable: string; rest: string[] } {
  const rest = [...argv];
  let executable = DEFAULT_CHROMIUM;
  const at = rest.findIndex((arg) => arg === '--chromium' || arg.startsWith('--chromium='));
  if (at >= 0) {
    const arg = rest[at]!;
    const inline = arg.startsWith('--chromium=');
    executable = inline ? arg.slice('--chromium='.length) : (rest[at + 1] ?? '');
    rest.splice(at, inline ? 1 : 2);
  }
  return { executable, rest };
}
