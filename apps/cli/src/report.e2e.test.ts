/**
 * The whole pipeline on all three runtimes: a real `asyncbench run` (quick profile, a few
 * scenarios) on node, deno and bun, its HTML report opened from file:// in Debian's Chromium.
 * Proves the report of a real run draws every chart, requests nothing and logs no errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
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
      [join(appDir, 'bin/asyncbench.js'), ...args, '--profile', 'quick', '--max-time', '0', '--out', out],
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

  it('merges real runs from two differently named hosts side by side', async () => {
    // Two real runs; the second names its host the way a CI matrix does (ASYNCBENCH_HOST).
    const runs: string[] = [];
    for (const host of [null, 'ci-linux-arm64']) {
      const dir = join(out, `host-${host ?? 'os'}`);
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
      delete env.ASYNCBENCH_PG_URL;
      if (host) env.ASYNCBENCH_HOST = host;
      else delete env.ASYNCBENCH_HOST;
      const args = [
        'run',
        '--runtimes',
        'node,bun',
        '--scenarios',
        'timers',
        '--profile',
        'quick',
        '--max-time',
        '0',
        '--repeats',
        '2',
      ];
      const run = spawnSync(process.execPath, [join(appDir, 'bin/asyncbench.js'), ...args, '--out', dir], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(run.status, run.stderr).toBe(0);
      runs.push(join(dir, readdirSync(dir).find((n) => n.endsWith('.json'))!));
    }
    const [mine, ci] = await Promise.all(
      runs.map(async (p) => validateRunFile(JSON.parse(await readFile(p, 'utf8')), p)),
    );
    expect(mine!.host.hostname).toBe(hostname());
    expect(ci!.host.hostname).toBe('ci-linux-arm64');
    expect(ci!.notes).toContain(`host name from ASYNCBENCH_HOST (the OS calls it ${hostname()})`);
    expect(basename(runs[1]!)).toMatch(/-ci-linux-arm64\.json$/);

    const merged = join(out, 'merged.html');
    const report = spawnSync(
      process.execPath,
      [join(appDir, 'bin/asyncbench.js'), 'report', ...runs, '--out', merged],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(report.status, report.stderr).toBe(0);
    const browser = await launchChromium();
    try {
      const url = pathToFileURL(merged).href;
      const { page, requests, errors } = await open(browser, url);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      const version = (r: typeof mine, rt: string) => r!.runtimes.find((x) => x.name === rt)!.version;
      const overview = page.getByRole('table', { name: /At a glance/ });
      expect(await overview.getByRole('columnheader').allInnerTexts()).toEqual([
        'Scenario',
        `node ${version(mine, 'node')} · ${hostname()}`,
        `node ${version(ci, 'node')} · ci-linux-arm64`,
        `bun ${version(mine, 'bun')} · ${hostname()}`,
        `bun ${version(ci, 'bun')} · ci-linux-arm64`,
      ]);
      const hosts = await page.locator('#environment tr', { hasText: /^Host/ }).locator('td').allInnerTexts();
      expect(hosts).toEqual([hostname(), 'ci-linux-arm64']);
      expectDrawn(await canvasStats(page), 3);
      await fullScreenshot(page, join(artifacts, 'report-two-hosts.png'));
      await page.context().close();
    } finally {
      await browser.close();
    }
  }, 300_000);
});
