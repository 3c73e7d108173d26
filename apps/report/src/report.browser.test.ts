/**
 * The report in a real browser: Debian's Chromium driven by playwright-core, opened from file://
 * with nothing else reachable. Proves the charts draw, nothing is requested, results-file strings
 * stay text, and leaves screenshots in test-artifacts/ for a human to look at.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from './index.ts';
import { makeRun } from './test-support/fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `report browser tests SKIPPED: ${CHROMIUM} not found (apt-get install chromium; CI installs it)`,
  );
}

// The repository's test-artifacts/ (git-ignored, and excluded from biome at the root only).
const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-artifacts');
const HOSTILE = `<script>alert(1)</script> <img src=x onerror=alert(1)>`;
const GENERATED_AT = '2026-11-25T14:00:00.000Z';

function writeHtml(name: string, html: string): string {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, name);
  writeFileSync(path, html);
  return pathToFileURL(path).href;
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

/** Opens a report and records every request, console error, page error and dialog. */
async function open(
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

/**
 * A full-page screenshot with the charts in it: Playwright's fullPage mode resizes the viewport
 * just for the capture, Chart.js clears its canvases on resize and redraws a frame later, after the
 * capture. So make the viewport page-tall first, let two frames pass, then capture it as it is.
 */
async function fullScreenshot(page: Page, path: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(100);
  await page.screenshot({ path });
}

/**
 * Per canvas: how many pixels were drawn at all, and how many bars really were: for every bar
 * Chart.js laid out with a value, the pixel at the middle of the bar must be painted. Titles,
 * legends and axes alone pass the first test but not the second.
 */
async function canvasStats(page: Page) {
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
          const x = Math.round((horizontal ? (bar.x + bar.base) / 2 : bar.x) * scale);
          const y = Math.round((horizontal ? bar.y : (bar.y + bar.base) / 2) * scale);
          if (data[(y * canvas.width + x) * 4 + 3]! > 0) painted++;
        });
      });
      return { id: canvas.id, drawn, bars, painted, hasChart: Boolean(chart) };
    });
  });
}

/** Every chart drew a good deal, and every bar with a value is on the canvas. */
function expectDrawn(stats: Awaited<ReturnType<typeof canvasStats>>): void {
  expect(stats.length).toBeGreaterThanOrEqual(8);
  for (const s of stats) {
    expect(s.hasChart, s.id).toBe(true);
    expect(s.drawn, `${s.id} drawn pixels`).toBeGreaterThan(2000);
    expect(s.bars, `${s.id} bars`).toBeGreaterThan(0);
    expect(s.painted, `${s.id} painted bars`).toBe(s.bars);
  }
}

describe.skipIf(!hasChromium)('report in Chromium', () => {
  let browser: Browser;
  const single = () => renderReport([makeRun({ failures: true })], { generatedAt: GENERATED_AT });

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart, requests nothing but the file itself and logs no errors', async () => {
    const url = writeHtml('report.html', single());
    const { page, requests, errors } = await open(browser, url);
    expectDrawn(await canvasStats(page));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await fullScreenshot(page, join(artifacts, 'report.png'));
    await page.context().close();
  });

  it('fits a 375 px phone without horizontal page scroll', async () => {
    const url = writeHtml('report.html', single());
    const { page, errors } = await open(browser, url, { width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expectDrawn(await canvasStats(page));
    expect(errors).toEqual([]);
    await fullScreenshot(page, join(artifacts, 'report-375.png'));
    await page.context().close();
  });

  it('draws in the dark colour scheme too', async () => {
    const url = writeHtml('report.html', single());
    const { page, errors } = await open(browser, url, { width: 1280, height: 900 }, 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).not.toBe('rgb(255, 255, 255)');
    expectDrawn(await canvasStats(page));
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'report-dark.png') });
    await page.context().close();
  });

  it('shows markup from a results file as text and never runs it', async () => {
    const run = makeRun({ hostile: HOSTILE, failures: true, hostname: `host${HOSTILE}` });
    const url = writeHtml('report-hostile.html', renderReport([run], { title: `Title ${HOSTILE}` }));
    const { page, dialogs, errors, requests } = await open(browser, url);
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const dom = await page.evaluate(() => ({
      h1: document.querySelector('h1')!.textContent,
      h2s: [...document.querySelectorAll('h2')].map((h) => h.textContent),
      imgs: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      body: document.body.textContent,
    }));
    expect(dom.h1).toBe(`Title ${HOSTILE}`);
    expect(dom.h2s).toContain(`Timers ${HOSTILE}`);
    expect(dom.imgs).toBe(0);
    expect(dom.scripts).toBe(3);
    expect(dom.body).toContain(`skipped ${HOSTILE}`);
    expect(await page.getByText(`Description ${HOSTILE}`).isVisible()).toBe(true);
    expectDrawn(await canvasStats(page));
    await page.context().close();
  });

  it('compares two runs with a ratio, CI and verdict per figure', async () => {
    const base = makeRun({ hostname: 'laptop', startedAt: '2026-11-24T10:00:00.000Z' });
    const cand = makeRun({ hostname: 'laptop', startedAt: '2026-11-25T10:00:00.000Z', speed: 1.3, seed: 7 });
    const url = writeHtml('report-compare.html', renderReport([base, cand], { generatedAt: GENERATED_AT }));
    const { page, errors, requests } = await open(browser, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    const verdicts = await page.locator('table.comparison td.tone-better').allTextContents();
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((v) => v === 'faster')).toBe(true);
    const headers = await page.locator('table.comparison thead th').first().textContent();
    expect(headers).toBe('Case · runtime');
    expect(await page.getByText('Ratio second / first').first().isVisible()).toBe(true);
    expectDrawn(await canvasStats(page));
    await fullScreenshot(page, join(artifacts, 'report-compare.png'));
    await page.context().close();
  });

  it('shows failed and skipped entries with their reason and stderr, not as zeros', async () => {
    const url = writeHtml('report.html', single());
    const { page } = await open(browser, url);
    const notes = await page.locator('#s1-http .status-notes li').allInnerTexts();
    expect(notes.join('\n')).toContain('timed out after 60000 ms');
    expect(notes.join('\n')).toMatch(/FAILED/i);
    await page.locator('#s1-http details summary').first().click();
    expect(await page.locator('#s1-http pre.stderr').first().textContent()).toContain(
      'server worker stopped answering',
    );
    const bunRow = page.locator('#s1-http table tr', { hasText: 'bun 1.4.5' }).first();
    expect(await bunRow.textContent()).toContain('failed: every repeat failed');
    expect(await bunRow.textContent()).not.toMatch(/>0</);
    const skipped = await page.locator('#s2-gather-micro .status-notes').textContent();
    expect(skipped).toMatch(/skipped/i);
    await page.context().close();
  });

  it('downloads a chart’s figures as CSV and JSON from the page itself', async () => {
    const url = writeHtml('report.html', single());
    const { page } = await open(browser, url);
    const csvButton = page.locator('button[data-download="csv"]').first();
    const [csv] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = await csv.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(csvPath, 'utf8');
    expect(text.split('\r\n')[0]).toContain('Throughput median (units/s)');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-download="json"]').first().click(),
    ]);
    const parsed = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(parsed.series.length).toBe(3);
    await page.context().close();
  });
});
