/**
 * The runtime kinds asyncbench drives, how each one's adapter is started, and how a binary's
 * `--version` output tells which kind it is (so `--runtime deno-canary=/path` needs no kind flag).
 * `chromium` is a browser: its adapter is a Node driver that runs the scenarios in a headless page.
 */
export type RuntimeKind = 'node' | 'deno' | 'bun' | 'chromium';

/** Reads kind and exact version from `<binary> --version` output; null when unrecognised. */
export function parseVersionOutput(text: string): { kind: RuntimeKind; version: string } | null {
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  let m = /^deno\s+v?(\d+\.\d+\.\d+\S*)/i.exec(first);
  if (m) return { kind: 'deno', version: m[1]! };
  // Debian's: `Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)`.
  m = /^chromium\s+(\d+(?:\.\d+)+)/i.exec(first);
  if (m) return { kind: 'chromium', version: m[1]! };
  m = /^v(\d+\.\d+\.\d+\S*)$/.exec(first);
  if (m) return { kind: 'node', version: m[1]! };
  // Bun prints a bare version (canary builds add e.g. `-canary.1+abc`).
  m = /^(?:bun\s+)?v?(\d+\.\d+\.\d+\S*)$/i.exec(first);
  if (m) return { kind: 'bun', version: m[1]! };
  return null;
}

/**
 * The command line that runs an adapter bundle: gc exposed where the runtime allows, so the
 * harness can collect between cases. `bundle` is the adapter entry, an absolute path.
 * Chromium's adapter is a Node driver (the Node running this CLI) told which browser to start.
 */
export function adapterCommand(
  kind: RuntimeKind,
  binary: string,
  bundle: string,
  args: string[],
  /** Extra runtime flags (node: --experimental-sqlite where a version needs it). */
  flags: readonly string[] = [],
): string[] {
  switch (kind) {
    case 'node':
      return [binary, '--expose-gc', ...flags, bundle, ...args];
    case 'deno':
      return [binary, 'run', '-A', '--v8-flags=--expose-gc', bundle, ...args];
    case 'bun':
      return [binary, bundle, ...args];
    case 'chromium':
      return [process.execPath, bundle, '--chromium', binary, ...args];
  }
}
