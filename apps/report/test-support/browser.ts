/**
 * Test support for opening reports in a real browser: Debian's Chromium driven by playwright-core,
 * from file:// with nothing else reachable. Shared by the report's browser tests and the CLI's
 * end-to-end test of a real run (exported as @asyncbench/report/testing; not part of the build).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OFFLINE_FLAGS } from '@asyncbench/adapter-chromium/flags';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium; CI installs it)`);
}

/** The repository root: the nearest folder up with turbo.json (this file may run bundled, from dist/). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'turbo.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

// The repository's test-artifacts/ (git-ignored, and excluded from biome at the root only).
export const artifacts = join(repoRoot(), 'test-artifacts');

export function writeHtml(name: string, html: string): string {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, name);
  writeFileSync(path, html);
  return pathToFileURL(path).href;
}

export interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

/** Opens a report and records every request, console error, page error and dialog. */
export async function open(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Opened> {
  const context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const opened: Opened = { page, requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(String(e)));
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** Two animation frames and a little more: Chart.js has drawn what a resize or a toggle asked for. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(100);
}

/** Opens every fold (details element) of the page, as a reader clicking each would, and lets charts draw. */
export async function expandAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await settle(page);
}

/**
 * A full-page screenshot with the charts in it: Playwright's fullPage mode resizes the viewport
 * just for the capture, Chart.js clears its canvases on resize and redraws a frame later, after the
 * capture. So make the viewport page-tall first, let two frames pass, then capture it as it is.
 */
export async function fullScreenshot(page: Page, path: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await settle(page);
  await page.screenshot({ path });
}

/**
 * Per canvas: how many pixels were drawn at all, and how many bars (or points) really were: for
 * every bar Chart.js laid out with a value, the pixel at the middle of the bar must be painted.
 * Titles, legends and axes alone pass the first test but not the second. Charts in closed folds
 * are drawn when a fold opens, so every fold is opened first.
 */
export async function canvasStats(page: Page) {
  await expandAll(page);
  return page.evaluate(() => {
    const g = window as unknown as { Chart: { getChart(c: HTMLCanvasElement): any } };
    return [...document.querySelectorAll('canvas')].map((canvas) => {
      const ctx = canvas.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let drawn = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
      const chart = g.Chart.getChart(canvas);
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      const horizontal = chart?.options.indexAxis === 'y';
      let bars = 0;
      let painted = 0;
      chart?.data.datasets.forEach((ds: any, di: number) => {
        chart.getDatasetMeta(di).data.forEach((bar: any, i: number) => {
          if (ds.data[i] == null) return;
          bars++;
          // A bar is checked half way along its length; a point of a line chart (no base) where it is.
          const base = bar.base ?? (horizontal ? bar.x : bar.y);
          const x = Math.round((horizontal ? (bar.x + base) / 2 : bar.x) * scale);
          const y = Math.round((horizontal ? bar.y : (bar.y + base) / 2) * scale);
          if (data[(y * canvas.width + x) * 4 + 3]! > 0) painted++;
        });
      });
      return { id: canvas.id, drawn, bars, painted, hasChart: Boolean(chart) };
    });
  });
}

/** Every chart (at least `atLeast` of them) drew a good deal, and every bar with a value is on the canvas. */
export function expectDrawn(stats: Awaited<ReturnType<typeof canvasStats>>, atLeast = 5): void {
  expect(stats.length).toBeGreaterThanOrEqual(atLeast);
  for (const s of stats) {
    expect(s.hasChart, s.id).toBe(true);
    expect(s.drawn, `${s.id} drawn pixels`).toBeGreaterThan(2000);
    expect(s.bars, `${s.id} bars`).toBeGreaterThan(0);
    expect(s.painted, `${s.id} painted bars`).toBe(s.bars);
  }
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...OFFLINE_FLAGS],
  });
}
