/** Dispatches one parsed command; errors are thrown as CliError for the entry point to print. */
import { parseCli } from './args.ts';
import { compareCommand } from './compare.ts';
import { doctorCommand } from './doctor.ts';
import { exportCommand } from './export.ts';
import { helpText } from './help.ts';
import type { Io } from './io.ts';
import { listCommand } from './list.ts';
import { cliLayout, toolVersion } from './paths.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { runtimesCommand } from './runtimes-command.ts';

export async function main(argv: readonly string[], io: Io, signal: AbortSignal): Promise<number> {
  const args = parseCli(argv);
  switch (args.command) {
    case 'help':
      io.stdout.write(`${helpText(args.topic)}\n`);
      return 0;
    case 'version':
      io.stdout.write(`asyncbench ${toolVersion(cliLayout())}\n`);
      return 0;
    case 'run':
      return runCommand(args, io, signal);
    case 'report':
      return reportCommand(args, io);
    case 'list':
      return listCommand(args, io);
    case 'doctor':
      return doctorCommand(args, io);
    case 'compare':
      return compareCommand(args, io);
    case 'runtimes':
      return runtimesCommand(args, io, signal);
    case 'export':
      return exportCommand(args, io);
  }
}
