/**
 * The Node side of a page run: connects playwright to the browser, serves the page, exposes the
 * bridge functions (stdout, HTTP targets, input dispatch), and runs the adapter protocol in the
 * page. The page's console.log goes to stdout (a line the CLI must judge, like a stray print on
 * any runtime), its other console output to stderr. An uncaught error or a crash in the page ends
 * the run with exit code 1, as an uncaught error ends a Node process.
 */
import { chromium, type Page } from 'playwright-core';
import { BRIDGE, CONFIG_GLOBAL, type PageConfig, RUN_GLOBAL } from './bridge.ts';
import type { ChromiumProcess } from './chromium-process.ts';
import { type InputDispatch, startInputDispatch } from './input-dispatch.ts';
import { type LocalServer, startHttpTarget, startPageServer } from './servers.ts';

export interface DriverPage {
  readonly page: Page;
  /** The browser's exact version, e.g. `156.0.8078.108`. */
  readonly version: string;
  /** Runs the adapter protocol in the page with argv; resolves to its exit code (1 if the page died). */
  run(argv: readonly string[]): Promise<number>;
  /** Stops what the page left running (input, HTTP targets), the page server, and the browser. */
  close(): Promise<void>;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The ASYNCBENCH_* variables, the only environment a page sees. */
function pageEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0].startsWith('ASYNCBENCH_') && entry[1] !== undefined,
    ),
  );
}

/**
 * Opens the page (served from `dist`, the adapter's bundles) in the browser `browserProcess` runs;
 * `scenariosFile` replaces dist's scenarios.js with a user bundle (the CLI's `--bundle`).
 */
export async function openDriverPage(
  browserProcess: ChromiumProcess,
  dist: string,
  scenariosFile?: string,
): Promise<DriverPage> {
  const targets = new Map<string, LocalServer>();
  let input: InputDispatch | undefined;
  const pageServer = await startPageServer(dist, scenariosFile);
  const browser = await chromium.connectOverCDP(browserProcess.wsEndpoint);
  const close = async () => {
    await input?.stop().catch(() => {});
    await Promise.all([...targets.values()].map((target) => target.close()));
    await pageServer.close();
    // Ask the browser to quit (its own clean shutdown), then let go of the connection.
    await browser
      .newBrowserCDPSession()
      .then((session) => session.send('Browser.close'))
      .catch(() => {});
    await browser.close().catch(() => {});
  };
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = context.pages()[0] ?? (await context.newPage());
    const version = browser.version();
    const config: PageConfig = { version, env: pageEnv() };
    await page.addInitScript(
      ([name, value]) => {
        (globalThis as Record<string, unknown>)[name] = value;
      },
      [CONFIG_GLOBAL, config] as const,
    );
    await page.exposeFunction(BRIDGE.write, (line: string) => void process.stdout.write(`${line}\n`));
    await page.exposeFunction(BRIDGE.httpStart, async () => {
      const target = await startHttpTarget();
      targets.set(target.url, target);
      return target.url;
    });
    await page.exposeFunction(BRIDGE.httpStop, async (url: string) => {
      await targets.get(url)?.close();
      targets.delete(url);
    });
    await page.exposeFunction(BRIDGE.inputStart, async (intervalMs: number) => {
      if (input) throw new Error('input events are already being dispatched');
      input = await startInputDispatch(page, intervalMs);
    });
    await page.exposeFunction(BRIDGE.inputStop, async () => {
      const running = input;
      input = undefined;
      return running ? running.stop() : 0;
    });
    page.on('console', (entry) => {
      if (entry.type() === 'log') process.stdout.write(`${entry.text()}\n`);
      else process.stderr.write(`page console.${entry.type()}: ${entry.text()}\n`);
    });
    const died = new Promise<number>((resolve) => {
      page.on('pageerror', (error) => {
        process.stderr.write(`uncaught error in the page: ${errorText(error)}\n`);
        resolve(1);
      });
      page.on('crash', () => {
        process.stderr.write('the page crashed\n');
        resolve(1);
      });
    });
    await page.goto(`${pageServer.url}/`);
    await page.waitForFunction(
      (name) => typeof (globalThis as Record<string, unknown>)[name] === 'function',
      RUN_GLOBAL,
    );
    return {
      page,
      version,
      async run(argv) {
        const ran = page.evaluate(
          ([name, args]) =>
            (globalThis as unknown as Record<string, (a: string[]) => Promise<number>>)[name]!(args),
          [RUN_GLOBAL, [...argv]] as [string, string[]],
        );
        // A page that dies mid-run leaves its evaluate() pending or rejected: the death wins.
        return Promise.race([ran, died]);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
