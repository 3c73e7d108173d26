/** Results files for commands: @asyncbench/results reads and validates; a problem becomes bad input (exit 2). */
import type { RunFile } from '@asyncbench/results';
import { isDirectory, readRunFile, runFilesIn } from '@asyncbench/results/files';
import { CliError } from './errors.ts';

/** Reads one results file; any problem is one line naming the file (and field), exit 2. */
export async function loadRunFile(path: string): Promise<RunFile> {
  try {
    return await readRunFile(path);
  } catch (err) {
    // SchemaError messages already read `<file>: <field>: <problem>`.
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new CliError(message.startsWith(path) ? message : `${path}: ${message}`, 2);
  }
}

/** A results file, or every results file in a folder (sorted by name, i.e. by start time). */
export async function loadRunFiles(pathOrFolder: string): Promise<RunFile[]> {
  if (!(await isDirectory(pathOrFolder))) return [await loadRunFile(pathOrFolder)];
  const files = await runFilesIn(pathOrFolder);
  if (files.length === 0) throw new CliError(`${pathOrFolder}: no results files (*.json) in this folder`, 2);
  const runs: RunFile[] = [];
  for (const f of files) runs.push(await loadRunFile(f));
  return runs;
}
