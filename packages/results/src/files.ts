/**
 * Reading results files from disk (Node only, hence its own entry `@asyncbench/results/files`): the
 * CLI and the report read runs through these, so a bad file is refused the same way everywhere, in
 * one line naming the file (and the field).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunFile } from './schema.ts';
import { SchemaError } from './schema-error.ts';
import { validateRunFile } from './validate.ts';

/**
 * Reads, parses and validates one results file. Throws SchemaError for every problem, its
 * message one line starting with the path: `x.json: no such file`, `x.json: not JSON (...)`,
 * `x.json: host.cpuCount: expected an integer, got "two"`.
 */
export async function readRunFile(path: string): Promise<RunFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new SchemaError(path, '', describeFsError(err));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // V8's message quotes the text around the error, newlines included: keep its first line.
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new SchemaError(path, '', `not JSON (${why})`);
  }
  return validateRunFile(data, path);
}

const FS_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** `ENOENT` -> "no such file"; other codes as they are; no code: the message's first line. */
function describeFsError(err: unknown): string {
  const code = (err as { code?: string } | undefined)?.code;
  if (code) return FS_WORDS[code] ?? code;
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

/** Reads several results files in order; the first bad one throws (see readRunFile). */
export async function readRunFiles(paths: readonly string[]): Promise<RunFile[]> {
  const runs: RunFile[] = [];
  for (const path of paths) runs.push(await readRunFile(path));
  return runs;
}

/** The `*.json` files directly in dir, sorted by name (results files start with their timestamp). */
export async function runFilesIn(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  names.sort();
  return names.map((n) => join(dir, n));
}

/** True when path is a directory (false when it is missing or a file). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
