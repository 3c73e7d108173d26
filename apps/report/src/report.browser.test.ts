/**
 * The report in a real browser: Debian's Chromium driven by playwright-core, opened from file://
 * with nothing else reachable. Proves the charts draw, nothing is requested, results-file strings
 * stay text, and leaves screenshots in test-artifacts/ for a human to look at.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  canvasStats,
  expectDrawn,
  fullScreenshot,
  hasChromium,
  launchChromium,
  open,
  writeHtml,
} from '../test-support/browser.ts';
import { makeRun } from '../test-support/fixtures.ts';
import { renderReport } from './index.ts';

const HOSTILE = `<script>alert(1)</script> <img src=x onerror=alert(1)>`;
const GENERATED_AT = '2026-11-25T14:00:00.000Z';

describe.skipIf(!hasChromium)('report in Chromium', () => {
  let browser: Browser;
  const single = () => renderReport([makeRun({ failures: true })], { generatedAt: GENERATED_AT });

  beforeAll(async () => {
    browser = await launchChromium();
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
    expect(text.split('\r\n')[0]).toContain('Throughput median (timer waits/s)');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-download="json"]').first().click(),
    ]);
    const parsed = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(parsed.series.length).toBe(3);
    await page.context().close();
  });
});
