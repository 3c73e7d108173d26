/**
 * The runtime kinds asyncbench drives, how each one's adapter is started, and how a binary's
 * `--version` output tells which kind it is (so `--runtime deno-canary=/path` needs no kind flag).
 */
export type RuntimeKind = 'node' | 'deno' | 'bun';

/** Reads kind and exact version from `<binary> --version` output; null when unrecognised. */
export function parseVersionOutput(text: string): { kind: RuntimeKind; version: string } | null {
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  let m = /^deno\s+v?(\d+\.\d+\.\d+\S*)/i.exec(first);
  if (m) return { kind: 'deno', version: m[1]! };
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
  }
}
