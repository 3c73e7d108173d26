/**
 * `asyncbench run a.bench.ts "bench/**\/*.bench.ts"`: the files a run bundles. A path names one file;
 * anything with glob characters is expanded (tinyglobby, relative to the working directory). Every
 * argument must yield at least one JavaScript or TypeScript file, or the run stops with one line
 * naming it (exit 2).
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './errors.ts';

/** What esbuild can load as a module. */
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;

export interface UserFileRef {
  /** Absolute path, for the bundler. */
  path: string;
  /** As the user sees it (relative to the working directory), for messages and results. */
  display: string;
}

/** Expands the arguments into files, in the order given (a glob's matches sorted), each once. */
export async function expandUserFiles(
  args: readonly string[],
  cwd: string = process.cwd(),
): Promise<UserFileRef[]> {
  const out: UserFileRef[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const rel = relative(cwd, path);
    out.push({ path, display: rel === '' || rel.startsWith('..') ? path : rel });
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = (await glob(arg, { cwd, absolute: true, onlyFiles: true })).filter((p) =>
        SOURCE.test(p),
      );
      if (matches.length === 0) throw new UsageError(`no benchmark file matches "${arg}" (in ${cwd})`);
      for (const m of matches.sort()) add(resolve(m));
      continue;
    }
    const path = resolve(cwd, arg);
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch {
      throw new UsageError(`benchmark file "${arg}" not found`);
    }
    if (!isFile)
      throw new UsageError(`"${arg}" is not a file (name benchmark files, or a glob such as "bench/*.ts")`);
    if (!SOURCE.test(path)) {
      throw new UsageError(
        `"${arg}" is not a JavaScript or TypeScript file (.ts, .mts, .js, .mjs, .tsx, ...)`,
      );
    }
    add(path);
  }
  return out;
}
