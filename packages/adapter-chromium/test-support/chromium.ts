/**
 * What the chromium adapter's tests share: where the browser and the bundles are, the browser's
 * version as `chromium --version` prints it, and a look at the processes a driver leaves (Linux
 * /proc). Test-only.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CHROMIUM } from '../src/args.ts';

export const CHROMIUM = DEFAULT_CHROMIUM;
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `chromium adapter tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium; CI installs it)`,
  );
}

export const dist = fileURLToPath(new URL('../dist', import.meta.url));
export const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
export const root = fileURLToPath(new URL('../../..', import.meta.url));

/** `Chromium 156.0.8078.108 built on Debian ...` -> `156.0.8078.108`. */
export function chromiumVersion(): string {
  const text = execFileSync(CHROMIUM, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const version = /Chromium\s+(\d+(?:\.\d+)+)/.exec(text)?.[1];
  if (!version) throw new Error(`chromium --version printed ${JSON.stringify(text)}`);
  return version;
}

/** Pids of live processes whose command line contains `text` (zombies have none, so they do not count). */
export function processesWith(text: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(text)) out.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** Polls `check` every 50 ms until it returns true or `ms` pass; resolves to its last answer. */
export async function eventually(check: () => boolean, ms = 5_000): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
