/**
 * SQLite for every Node version the db scenario runs on. Which driver a Node has (checked on the
 * official binaries of 18.20, 20.20, 22.4, 22.5, 22.12, 22.13, 23.3, 23.4, 24.22 and 26.12):
 * - 22.13+ and 23.4+: node:sqlite, nothing to do (22.x and 23.x print an ExperimentalWarning on
 *   stderr, which the protocol on stdout does not see);
 * - 22.5-22.12 and 23.0-23.3: node:sqlite behind --experimental-sqlite (older Nodes refuse the
 *   flag as a bad option, so it is passed only here);
 * - older (18, 20, 22.0-22.4): better-sqlite3, a native addon that loads only into the Node ABI it
 *   was built for. The copy npm installed fits the Node that ran `npm install`; for another ABI it is
 *   built from its own source (it ships SQLite's amalgamation) with node-gyp against that Node's
 *   headers — the registry's node-<os>-<arch> packages carry them in include/node, so nothing
 *   else is downloaded — once, into the runtime cache's .native directory.
 * When none of that works, the db scenario fails for that runtime only, with the reason (the
 * adapter reports ASYNCBENCH_SQLITE_UNAVAILABLE as the error).
 */
import { existsSync } from 'node:fs';
import { copyFile, cp, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { describeFsError, ensureDir } from './out-dir.ts';
import { stagingDir } from './runtime-cache/store.ts';
import { runChild } from './spawn.ts';

/** Extra flags and environment the node adapter needs for SQLite on this Node. */
export interface SqliteLaunch {
  flags: string[];
  env: Record<string, string>;
  /** Said once on stderr and kept in the run's notes (a build, or why there is no driver). */
  note?: string;
}

const NODE_SQLITE = '>=22.13.0 <23.0.0 || >=23.4.0';
const NODE_SQLITE_FLAGGED = '>=22.5.0 <22.13.0 || >=23.0.0 <23.4.0';
/** A better-sqlite3 build of SQLite's amalgamation took 55 s on a loaded 2-core machine. */
const BUILD_TIMEOUT_MS = 15 * 60_000;

/** node:sqlite's availability by version; 'none' means better-sqlite3 is needed. */
export function nodeSqliteSupport(version: string): 'builtin' | 'flag' | 'none' {
  if (semver.satisfies(version, NODE_SQLITE)) return 'builtin';
  if (semver.satisfies(version, NODE_SQLITE_FLAGGED)) return 'flag';
  return 'none';
}

export interface NodeSqliteContext {
  /** The node adapter's directory: its better-sqlite3 is resolved from there, as the adapter does. */
  adapterDir: string;
  /** The runtime cache root, for builds. */
  cacheRoot: string;
  log: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

/** What the node adapter at `binary` (Node `version`) needs to open SQLite. */
export async function prepareNodeSqlite(
  binary: string,
  version: string,
  ctx: NodeSqliteContext,
): Promise<SqliteLaunch> {
  const support = nodeSqliteSupport(version);
  if (support === 'builtin') return { flags: [], env: {} };
  if (support === 'flag') return { flags: ['--experimental-sqlite'], env: {} };

  const adapterRequire = createRequire(join(ctx.adapterDir, 'main.js'));
  let pkgJson: string;
  try {
    pkgJson = adapterRequire.resolve('better-sqlite3/package.json');
  } catch {
    return unavailable(version, 'better-sqlite3 is not installed (npm install)');
  }
  const pkgDir = dirname(pkgJson);
  const bsVersion = (adapterRequire('better-sqlite3/package.json') as { version: string }).version;
  const probe = await tryLoad(binary, pkgDir, null, ctx);
  if (probe.ok) return { flags: [], env: {} };
  const abi = probe.abi;
  if (abi === null) return unavailable(version, `better-sqlite3 did not load (${probe.why})`);

  const built = join(
    ctx.cacheRoot,
    '.native',
    `better-sqlite3-${bsVersion}-abi${abi}-${process.platform}-${process.arch}`,
    'better_sqlite3.node',
  );
  const useBuilt = { flags: [], env: { ASYNCBENCH_BETTER_SQLITE3_BINDING: built } };
  if (existsSync(built)) return useBuilt;

  const nodeDir = dirname(dirname(binary));
  if (!existsSync(join(nodeDir, 'include/node/node_version.h'))) {
    return unavailable(
      version,
      `better-sqlite3 ${bsVersion} is built for another Node ABI and ${nodeDir}/include/node has no headers to build it for ABI ${abi} (a registry runtime such as node@${semver.major(version)} has them)`,
    );
  }
  const gyp = findNodeGyp(ctx.env);
  if (!gyp) return unavailable(version, 'node-gyp not found (it comes with npm) to build better-sqlite3');

  ctx.log.write(
    `asyncbench: building better-sqlite3 ${bsVersion} for Node ${version} (ABI ${abi}) from source, once (about a minute)\n`,
  );
  let staging: string | null = null;
  try {
    staging = await stagingDir(ctx.cacheRoot, `better-sqlite3-abi${abi}`);
    for (const part of ['binding.gyp', 'package.json', 'deps', 'src']) {
      await cp(join(pkgDir, part), join(staging, part), { recursive: true });
    }
    const outcome = await runChild(
      [
        process.execPath,
        gyp,
        'rebuild',
        '--release',
        `--nodedir=${nodeDir}`,
        `--jobs=${os.availableParallelism()}`,
      ],
      {
        cwd: staging,
        env: { ...ctx.env },
        timeoutMs: BUILD_TIMEOUT_MS,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      },
    );
    if (outcome.aborted) throw new Error('interrupted');
    if (outcome.exitCode !== 0) {
      const last =
        outcome.stderrTail
          .split('\n')
          .filter((l) => /error/i.test(l))
          .slice(-1)[0] ?? outcome.stderrTail.split('\n').at(-1);
      return unavailable(
        version,
        `building better-sqlite3 ${bsVersion} for ABI ${abi} failed (${outcome.timedOut ? 'timed out' : `exit ${outcome.exitCode ?? outcome.signal}`}: ${last?.trim() ?? ''})`,
      );
    }
    const fresh = join(staging, 'build/Release/better_sqlite3.node');
    const check = await tryLoad(binary, pkgDir, fresh, ctx);
    if (!check.ok)
      return unavailable(version, `the better-sqlite3 built for ABI ${abi} does not load (${check.why})`);
    // Into place atomically: a directory renamed whole, so a reader never sees half a file.
    const ready = join(staging, 'ready');
    await ensureDir(ready);
    await copyFile(fresh, join(ready, 'better_sqlite3.node'));
    await ensureDir(dirname(dirname(built)));
    await rename(ready, dirname(built)).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
    });
    return {
      ...useBuilt,
      note: `better-sqlite3 ${bsVersion} built for Node ${version} (ABI ${abi}): ${built}`,
    };
  } catch (err) {
    if (err instanceof Error && err.message === 'interrupted') throw err;
    const why =
      err instanceof Error && !(err as NodeJS.ErrnoException).code ? err.message : describeFsError(err);
    return unavailable(version, `building better-sqlite3 failed (${why})`);
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

function unavailable(version: string, why: string): SqliteLaunch {
  const reason = `no SQLite driver on Node ${version}: node:sqlite needs Node 22.5+, and ${why}`;
  return { flags: [], env: { ASYNCBENCH_SQLITE_UNAVAILABLE: reason }, note: reason };
}

/**
 * Loads better-sqlite3 (with `binding` as its nativeBinding when given) in the target Node and opens
 * an in-memory database. On failure, the ABI the target needs (process.versions.modules).
 */
async function tryLoad(
  binary: string,
  pkgDir: string,
  binding: string | null,
  ctx: NodeSqliteContext,
): Promise<{ ok: true } | { ok: false; abi: string | null; why: string }> {
  const code = `
    process.stdout.write(process.versions.modules + '\\n');
    const D = require(${JSON.stringify(pkgDir)});
    new D(':memory:', ${binding ? JSON.stringify({ nativeBinding: binding }) : '{}'}).close();`;
  const outcome = await runChild([binary, '-e', code], {
    cwd: ctx.adapterDir,
    env: { ...ctx.env },
    timeoutMs: 30_000,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  if (outcome.aborted) throw new Error('interrupted');
  if (outcome.exitCode === 0) return { ok: true };
  const abi = /^\d+$/.test(outcome.stdoutLines[0] ?? '') ? outcome.stdoutLines[0]! : null;
  const why =
    outcome.stderrTail
      .split('\n')
      .find((l) => /Error|error:/.test(l))
      ?.trim() ?? `exit ${outcome.exitCode ?? outcome.signal}`;
  return { ok: false, abi, why };
}

/** node-gyp as npm ships it: npm's own (npm_config_node_gyp when run from npm), else beside node. */
function findNodeGyp(env: NodeJS.ProcessEnv): string | null {
  const candidates = [
    env.npm_config_node_gyp,
    join(dirname(process.execPath), '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    return createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js');
  } catch {
    return null;
  }
}
