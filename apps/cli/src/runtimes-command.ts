/**
 * `asyncbench runtimes`: what the runtime cache holds (name, version, size, path), and
 * `runtimes install <spec>...`, `runtimes rm <spec>...`, `runtimes --clear` to manage it.
 */

import { existsSync } from 'node:fs';
import { formatBytes } from '@asyncbench/results';
import semver from 'semver';
import type { RuntimesArgs } from './args.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { checkOutDir } from './out-dir.ts';
import { type InstallContext, resolveSpec } from './runtime-cache/install.ts';
import { thisMachine } from './runtime-cache/packages.ts';
import { registryUrl } from './runtime-cache/registry.ts';
import type { RuntimeSpec } from './runtime-cache/spec.ts';
import {
  type CachedRuntime,
  cacheRoot,
  clearCache,
  listInstalled,
  removeInstall,
} from './runtime-cache/store.ts';
import { probeVersion } from './runtimes.ts';
import { formatTable } from './table.ts';

/**
 * The cache for a command that installs: the root checked writable (exit 2 otherwise) and what
 * installing needs. Created only when a command needs it, so a run without specs writes nothing.
 */
export async function openRuntimeCache(
  cacheDir: string | null,
  io: Io,
  signal?: AbortSignal,
): Promise<Omit<InstallContext, 'probe'>> {
  const root = await checkOutDir('--cache-dir', cacheRoot(cacheDir, io.env), true);
  return {
    root,
    registry: registryUrl(io.env),
    machine: thisMachine(),
    log: io.stderr,
    ...(signal ? { signal } : {}),
  };
}

/** `kind version size path` rows for the cache, as `runtimes` and `doctor` print them. */
export function cacheTable(installs: CachedRuntime[]): string {
  return formatTable(
    ['runtime', 'version', 'size', 'package', 'path'],
    installs.map((i) => [i.kind, i.version, formatBytes(i.sizeBytes), i.package, i.binaryPath]),
    ['left', 'left', 'right', 'left', 'left'],
  );
}

function matches(install: CachedRuntime, spec: RuntimeSpec): boolean {
  if (install.kind !== spec.kind) return false;
  // A tag names no version without the registry; `rm bun@latest` means every cached bun.
  return spec.isTag || semver.satisfies(install.version, spec.range);
}

export async function runtimesCommand(args: RuntimesArgs, io: Io, signal: AbortSignal): Promise<number> {
  const root = cacheRoot(args.cacheDir, io.env);
  switch (args.action) {
    case 'list': {
      const installs = existsSync(root) ? await listInstalled(root) : [];
      if (args.json) {
        io.stdout.write(`${JSON.stringify({ root, runtimes: installs }, null, 2)}\n`);
        return 0;
      }
      const total = installs.reduce((sum, i) => sum + i.sizeBytes, 0);
      io.stdout.write(
        installs.length === 0
          ? `runtime cache ${root}: empty (run with --runtimes node@22, or \`asyncbench runtimes install node@22\`)\n`
          : `runtime cache ${root}: ${installs.length} runtime${installs.length === 1 ? '' : 's'}, ${formatBytes(total)}\n\n${cacheTable(installs)}\n`,
      );
      return 0;
    }
    case 'install': {
      const ctx = { ...(await openRuntimeCache(args.cacheDir, io, signal)), probe: probeVersion };
      for (const spec of args.specs) {
        const r = await resolveSpec(spec, ctx);
        if (r.note) io.stderr.write(`asyncbench: ${spec.label}: ${r.note}\n`);
        io.stdout.write(
          `${spec.label}: ${r.install.kind} ${r.install.version} (${r.install.package}@${r.install.version}) ${r.downloaded ? 'installed' : 'already cached'} at ${r.install.binaryPath}\n`,
        );
      }
      return 0;
    }
    case 'rm': {
      const installs = existsSync(root) ? await listInstalled(root) : [];
      for (const spec of args.specs) {
        const hits = installs.filter((i) => matches(i, spec));
        if (hits.length === 0) {
          throw new CliError(
            `runtimes rm: nothing cached matches ${spec.label} (cached: ${installs.map((i) => `${i.kind}@${i.version}`).join(', ') || 'none'})`,
            2,
          );
        }
        for (const hit of hits) {
          await removeInstall(root, hit.dir);
          io.stdout.write(
            `removed ${hit.kind} ${hit.version} (${formatBytes(hit.sizeBytes)}) from ${hit.dir}\n`,
          );
        }
      }
      return 0;
    }
    case 'clear': {
      const installs = existsSync(root) ? await clearCache(root) : [];
      const freed = installs.reduce((sum, i) => sum + i.sizeBytes, 0);
      io.stdout.write(
        `cleared ${root}: ${installs.length} runtime${installs.length === 1 ? '' : 's'} (${formatBytes(freed)}) and the cached version lists\n`,
      );
      return 0;
    }
  }
}
