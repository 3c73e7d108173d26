/** Reads and validates a results file; any problem becomes one line naming the file (and field). */
import { readFile } from 'node:fs/promises';
import { type RunFile, validateRunFile } from '@asyncbench/harness';
import { CliError } from './errors.ts';
import { describeFsError } from './out-dir.ts';

export async function loadRunFile(path: string): Promise<RunFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new CliError(`${path}: ${code === 'ENOENT' ? 'no such file' : describeFsError(err)}`, 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // V8's message quotes the text around the error, newlines included: keep its first line.
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new CliError(`${path}: not JSON (${why})`, 2);
  }
  try {
    return validateRunFile(data, path);
  } catch (err) {
    // SchemaError messages already read `<file>: <field>: <problem>`.
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new CliError(message.startsWith(path) ? message : `${path}: ${message}`, 2);
  }
}
