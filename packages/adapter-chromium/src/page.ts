/**
 * The page's entry (bundled to dist/page.js, loaded by page.html beside the shared scenarios.js):
 * exposes a function the driver calls with the adapter's arguments; it runs them through the
 * harness's runMain and sends every JSON line to the driver, resolving to the exit code once the
 * driver has every line. The platform is put on the global object too, for the adapter's tests.
 */
import { catalogue } from '@asyncbench/benchmarks';
import { runMain } from '@asyncbench/harness';
import { BRIDGE, PLATFORM_GLOBAL, RUN_GLOBAL } from './bridge.ts';
import { platform } from './platform.ts';

(globalThis as Record<string, unknown>)[PLATFORM_GLOBAL] = platform;

const write = (globalThis as unknown as Record<string, (line: string) => Promise<void>>)[BRIDGE.write]!;

(globalThis as unknown as Record<string, (argv: string[]) => Promise<number>>)[RUN_GLOBAL] = async (argv) => {
  const written: Promise<void>[] = [];
  const code = await runMain(platform, catalogue, argv, (line) => {
    written.push(write(line));
  });
  await Promise.all(written);
  return code;
};
