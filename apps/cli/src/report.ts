/** `asyncbench report [results.json ...] [--out file.html]`: results files -> one HTML report. */
import { resolve } from 'node:path';
import type { ReportArgs } from './args.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { loadRunFile } from './load-run.ts';
import { checkOutDir, checkOutFile } from './out-dir.ts';
import { cliLayout, defaultResultsDir } from './paths.ts';
import { reportTarget, writeReport } from './report-write.ts';
import { newestResultsFile } from './results-file.ts';

export async function reportCommand(args: ReportArgs, io: Io): Promise<number> {
  const outFile = args.out ? await checkOutFile('--out', args.out) : null;
  let files = args.files.map((f) => resolve(f));
  if (files.length === 0) {
    const dir = defaultResultsDir(cliLayout());
    const newest = await newestResultsFile(dir);
    if (!newest) throw new CliError(`no results file in ${dir} (run \`asyncbench run\` first)`, 2);
    files = [newest];
  }
  const runs = [];
  for (const f of files) runs.push(await loadRunFile(f));
  const { dir, name } = reportTarget(files[files.length - 1]!);
  if (!outFile) await checkOutDir('report directory', dir);
  const written = await writeReport(runs, dir, name, io, outFile);
  if (!written) return 1;
  io.stdout.write(`${written}\n`);
  return 0;
}
