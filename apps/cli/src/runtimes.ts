/**
 * Finds the runtimes to run on and their exact versions. Order of preference per name: a
 * --runtime flag, the pinned devDependency (<repo>/node_modules/.bin/deno|bun; for node the
 * Node.js running this CLI; for chromium Debian's /usr/bin/chromium), then PATH. A runtime that cannot be found or does not answer
 * `--version` is kept as status 'missing' with a note: the run goes on without it.
 * A name with `@` (node@22) is a registry spec: resolved and installed into the runtime cache
 * (runtime-cache/install.ts); a spec that cannot be met stops the run (RuntimeSpecError, exit 2).
 * A plain `deno` or `bun` found nowhere comes from the runtime cache too, when the caller allows
 * (`registryFallback`): its latest release, downloaded once with progress, said in a note.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { RuntimeInfo } from '@asyncbench/results';
import { DEFAULT_RUNTIMES, isKnownRuntime, type RuntimeFlag } from './args.ts';
import { type InstallContext, type ResolvedRuntime, resolveSpec } from './runtime-cache/install.ts';
import { parseRuntimeSpec } from './runtime-cache/spec.ts';
import { parseVersionOutput, type RuntimeKind } from './runtime-kind.ts';

/** Where Debian's `apt-get install chromium` puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export interface FoundRuntime {
  info: RuntimeInfo;
  /** Which adapter it runs; null when missing. */
  kind: RuntimeKind | null;
  /** Named on the command line (--runtimes or --runtime): missing then means exit 1. */
  explicit: boolean;
}

/** Runs `<binary> --version`; resolves stdout, rejects on failure. Injected in tests. */
export type VersionProbe = (binary: string) => Promise<string>;

export const probeVersion: VersionProbe = (binary) =>
  new Promise((ok, fail) => {
    execFile(
      binary,
      ['--version'],
      { timeout: 15_000, env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' } },
      (err, stdout) => (err ? fail(err) : ok(String(stdout))),
    );
  });

/**
 * Which runtime names a run covers: --runtimes as given, else `defaults` (node, deno, bun; doctor
 * passes every known runtime) plus labels that --runtime adds.
 */
export function runtimeNames(
  requested: string[] | null,
  flags: RuntimeFlag[],
  defaults: readonly string[] = DEFAULT_RUNTIMES,
): string[] {
  if (requested) return requested;
  return [...defaults, ...flags.map((f) => f.name).filter((n) => !isKnownRuntime(n))];
}

export async function findRuntimes(
  names: string[],
  flags: RuntimeFlag[],
  root: string,
  opts: {
    explicitNames: boolean;
    probe?: VersionProbe;
    env?: NodeJS.ProcessEnv;
    execPath?: string;
    /** Where Debian's chromium is looked for first (tests point it elsewhere). */
    chromiumPath?: string;
    /** Where registry specs are installed; without it a spec is reported missing. */
    registry?: Omit<InstallContext, 'probe'>;
    /**
     * Opens the runtime cache for a plain deno/bun found nowhere (its `latest` release is used);
     * without it such a runtime is missing. Called only when needed, so nothing is written otherwise.
     */
    registryFallback?: () => Promise<Omit<InstallContext, 'probe'>>;
  } = {
    explicitNames: false,
  },
): Promise<FoundRuntime[]> {
  const probe = opts.probe ?? probeVersion;
  const env = opts.env ?? process.env;
  // Probed one after another: the machine is shared and each probe is quick.
  const out: FoundRuntime[] = [];
  for (const name of names) {
    const spec = parseRuntimeSpec(name);
    if (spec) {
      if (!opts.registry) {
        out.push({
          info: {
            name,
            status: 'missing',
            version: null,
            path: null,
            source: 'registry',
            note: 'no runtime cache given',
          },
          kind: null,
          explicit: true,
        });
        continue;
      }
      const resolved = await resolveSpec(spec, { ...opts.registry, probe });
      out.push({ info: registryInfo(name, resolved, resolved.note), kind: spec.kind, explicit: true });
      continue;
    }
    const flag = flags.find((f) => f.name === name);
    const explicit = opts.explicitNames || flag !== undefined;
    const defaults = {
      execPath: opts.execPath ?? process.execPath,
      chromium: opts.chromiumPath ?? DEBIAN_CHROMIUM,
    };
    const found = await findOne(name, flag, root, env, defaults, probe, explicit);
    const fallback = opts.registryFallback;
    if (found.kind === null && !flag && fallback && (name === 'deno' || name === 'bun')) {
      out.push(await fromRegistry(name, found, await fallback(), probe));
    } else out.push(found);
  }
  return out;
}

/** A plain deno/bun found nowhere: the latest release from the runtime cache (installed if needed). */
async function fromRegistry(
  name: 'deno' | 'bun',
  missing: FoundRuntime,
  ctx: Omit<InstallContext, 'probe'>,
  probe: VersionProbe,
): Promise<FoundRuntime> {
  const spec = parseRuntimeSpec(`${name}@latest`)!;
  ctx.log.write(
    `asyncbench: ${name}: none on PATH; using the latest ${name} from the runtime cache (${ctx.root})\n`,
  );
  const resolved = await resolveSpec(spec, { ...ctx, probe });
  const how = resolved.downloaded ? 'downloaded into' : 'found in';
  const note = `none on PATH: ${name} ${resolved.install.version} (latest) from the npm registry, ${how} the runtime cache${resolved.note ? `; ${resolved.note}` : ''}`;
  return { info: registryInfo(name, resolved, note), kind: name, explicit: missing.explicit };
}

/** What a run records of a runtime installed from the registry: exact version, package, binary. */
function registryInfo(name: string, resolved: ResolvedRuntime, note: string | undefined): RuntimeInfo {
  const info: RuntimeInfo = {
    name,
    status: 'ok',
    version: resolved.install.version,
    path: resolved.install.binaryPath,
    source: 'registry',
    package: `${resolved.install.package}@${resolved.install.version}`,
  };
  if (note) info.note = note;
  return info;
}

async function findOne(
  name: string,
  flag: RuntimeFlag | undefined,
  root: string,
  env: NodeJS.ProcessEnv,
  defaults: { execPath: string; chromium: string },
  probe: VersionProbe,
  explicit: boolean,
): Promise<FoundRuntime> {
  const missing = (note: string, path: string | null = null, source: RuntimeInfo['source'] = null) => ({
    info: { name, status: 'missing' as const, version: null, path, source, note },
    kind: null,
    explicit,
  });
  let path: string | null;
  let source: NonNullable<RuntimeInfo['source']>;
  let note: string | undefined;
  if (flag) {
    path = isAbsolute(flag.path) ? flag.path : resolve(flag.path);
    source = 'flag';
    if (!isExecutable(path))
      return missing(`${name}: --runtime binary ${path} not found or not executable`, path, source);
  } else if (name === 'node') {
    path = defaults.execPath;
    source = 'path';
    note = 'the Node.js running asyncbench';
  } else if (name === 'chromium') {
    path = isExecutable(defaults.chromium) ? defaults.chromium : onPath(name, env.PATH ?? '');
    source = 'path';
    if (!path) {
      return missing(
        `chromium: not found at ${defaults.chromium} nor on PATH (apt-get install chromium, or --runtime chromium=/path)`,
      );
    }
  } else {
    const pinned = join(root, 'node_modules/.bin', name);
    if (isKnownRuntime(name) && isExecutable(pinned)) {
      path = pinned;
      source = 'devDependency';
    } else {
      path = onPath(name, env.PATH ?? '');
      source = 'path';
      if (!path) return missing(`${name}: not found (no pinned devDependency, not on PATH)`);
    }
  }
  path = realpathOr(path);
  let text: string;
  try {
    text = await probe(path);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return missing(`${name}: ${path} --version failed (${why})`, path, source);
  }
  const parsed = parseVersionOutput(text);
  if (!parsed) {
    return missing(
      `${name}: ${path} --version printed "${text.trim().split('\n')[0]}", not node/deno/bun/chromium`,
      path,
      source,
    );
  }
  if (isKnownRuntime(name) && parsed.kind !== name) {
    return missing(`${name}: ${path} is ${parsed.kind} ${parsed.version}, not ${name}`, path, source);
  }
  const info: RuntimeInfo = { name, status: 'ok', version: parsed.version, path, source };
  if (note) info.note = note;
  else if (!isKnownRuntime(name)) info.note = `custom ${parsed.kind} build`;
  return { info, kind: parsed.kind, explicit };
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, pathVar: string): string | null {
  for (const dir of pathVar.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
