/**
 * `asyncbench export <run.json> --format markdown|csv|json|bmf|gab [--direction bigger|smaller]
 * [--out FILE]`: a results file in a format for pull-request comments, spreadsheets or CI
 * services. The formats are @asyncbench/results' exportRun; this writes them (atomically) or prints.
 */
import { resolve } from 'node:path';
import { exportRun } from '@asyncbench/results';
import type { ExportArgs } from './args.ts';
import type { Io } from './io.ts';
import { loadRunFile } from './load-run.ts';
import { writeFileAtomic } from './results-file.ts';

export async function exportCommand(args: ExportArgs, io: Io): Promise<number> {
  const run = await loadRunFile(args.file);
  const text = exportRun(run, args.format, { direction: args.direction });
  if (args.out === null) {
    io.stdout.write(text);
    return 0;
  }
  const out = resolve(args.out);
  await writeFileAtomic(out, text);
  io.stderr.write(`${args.format} export written to ${out}\n`);
  return 0;
}
