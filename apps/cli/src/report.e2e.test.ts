/**
 * The whole pipeline on all three runtimes: a real `asyncbench run` (quick profile, a few
 * scenarios) on node, deno and bun, its HTML report opened from file:// in Debian's Chromium.
 * Proves the report of a real run draws every chart, requests nothing and logs no errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  artifacts,
  canvasStats,
  expectDrawn,
  fullScreenshot,
  hasChromium,
  launchChromium,
  open,
} from '@asyncbench/report/testing';
import { validateRunFile } from '@asyncbench/results';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(appDir, '../..');
const RUNTIMES = ['node', 'deno', 'bun'];
const SCENARIOS = ['timers', 'tasks', 'http'];

describe.skipIf(!hasChromium)('a real run on node, deno and bun, reported in Chromium', () => {
  let out: string;

  beforeAll(async () => {
    for (const rt of RUNTIMES) {
      const bundle = join(root, `packages/adapter-${rt}/dist/main.js`);
      if (!existsSync(bundle)) throw new Error(`${bundle} missing: run \`npm run build\` first`);
    }
    out = await mkdtemp(join(tmpdir(), 'asyncbench-e2e-'));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('measures every scenario on every runtime and its report draws every chart', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.ASYNCBENCH_PG_URL;
    const args = ['run', '--runtimes', RUNTIMES.join(','), '--scenarios', SCENARIOS.join(',')];
    const run = spawnSync(
      process.execPath,
      [join(appDir, 'bin/asyncbench.js'), ...args, '--profile', 'quick', '--out', out],
      { cwd: root, env, encoding: 'utf8', timeout: 240_000 },
    );
    expect(run.status, run.stderr).toBe(0);

    const jsonName = readdirSync(out).find((n) => n.endsWith('.json'))!;
    const results = validateRunFile(JSON.parse(await readFile(join(out, jsonName), 'utf8')), jsonName);
    expect(results.status).toBe('complete');
    const measured = results.entries
      .filter((e) => e.status === 'ok')
      .map((e) => `${e.runtime}/${e.scenario}`);
    expect(measured.sort()).toEqual(RUNTIMES.flatMap((rt) => SCENARIOS.map((s) => `${rt}/${s}`)).sort());

    const latest = join(out, 'latest.html');
    expect(existsSync(latest)).toBe(true);
    const browser = await launchChromium();
    try {
      const url = pathToFileURL(latest).href;
      const { page, requests, errors } = await open(browser, url);
      expectDrawn(await canvasStats(page));
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      // Every runtime's exact version is in the header.
      const text = await page.evaluate(() => document.body.textContent ?? '');
      for (const r of results.runtimes) expect(text).toContain(r.version!);
      await fullScreenshot(page, join(artifacts, 'report-real-run.png'));
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 300_000);
});
