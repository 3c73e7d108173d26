/**
 * Entry point of the chromium adapter (bundled to dist/main.js, run by Node):
 *
 *   node dist/main.js [--chromium /usr/bin/chromium] [--bundle <file URL>] [--list | --scenarios ... --profile ... --seed ...]
 *
 * Starts Debian's chromium headless (chromium-process.ts), opens the page with the shared
 * scenarios.js (driver.ts) and runs the adapter protocol there, printing its JSON lines on stdout
 * as every other adapter does. Exit code: the page's (0, 1 or 2), or 1 when the browser could not
 * start or the page died.
 */
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  CATALOGUE_MODULE,
  exitWhenParentGone,
  PARENT_GONE_EXIT_CODE,
  PARENT_PIPE_ENV,
  takeBundleArg,
} from '@asyncbench/harness/adapter-kit';
import { splitArgs } from './args.ts';
import { type ChromiumProcess, launchChromium } from './chromium-process.ts';
import { errorText, openDriverPage } from './driver.ts';

async function main(): Promise<number> {
  const { executable, rest } = splitArgs(process.argv.slice(2));
  if (executable === '') {
    process.stderr.write('asyncbench chromium adapter: --chromium needs the path of a chromium binary\n');
    return 2;
  }
  let browserProcess: ChromiumProcess;
  try {
    browserProcess = await launchChromium(executable);
  } catch (error) {
    process.stderr.write(`asyncbench chromium adapter: ${errorText(error)}\n`);
    return 1;
  }
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    // process.exit runs the exit handler launchChromium set, which kills the browser's process tree.
    process.once(signal, () => process.exit(code));
  }
  process.stderr.write(`chromium pid ${browserProcess.pid}, profile ${browserProcess.userDataDir}\n`);
  // As every adapter: gone with the CLI, however it ended (process.exit kills the browser too).
  const parent = exitWhenParentGone({
    enabled: process.env[PARENT_PIPE_ENV] === '1',
    stdin: () => Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>,
    exit: () => process.exit(PARENT_GONE_EXIT_CODE),
  });
  try {
    // The catalogue, or the bundle of users' files the CLI names with --bundle (a file URL).
    const { module, rest: argv } = takeBundleArg(rest);
    const scenariosFile =
      module === CATALOGUE_MODULE ? undefined : fileURLToPath(new URL(module, 'file:///'));
    const driver = await openDriverPage(
      browserProcess,
      dirname(fileURLToPath(import.meta.url)),
      scenariosFile,
    );
    try {
      return await driver.run(argv);
    } finally {
      await driver.close();
    }
  } catch (error) {
    process.stderr.write(`asyncbench chromium adapter: ${errorText(error)}\n`);
    return 1;
  } finally {
    parent.stop();
    await browserProcess.close();
  }
}

process.exitCode = await main();
