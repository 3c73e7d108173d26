/**
 * The sweep chart in Chromium: both canvases draw their lines (a painted pixel at every point),
 * switching the case redraws, no errors, nothing requested. Leaves a screenshot in test-artifacts/.
 */
import { join } from 'node:path';
import { sweepRun } from '@asyncbench/results/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from './index.ts';
import {
  artifacts,
  fullScreenshot,
  hasChromium,
  launchChromium,
  open,
  writeHtml,
} from './test-support/browser.ts';

/** Per sweep canvas: Chart.js's points with a value, and how many of them are painted. */
function pointStats(page: Page) {
  return page.evaluate(() => {
    const g = window as unknown as { Chart: { getChart(c: HTMLCanvasElement): any } };
    return [...document.querySelectorAll<HTMLCanvasElement>('#sweeps canvas')].map((canvas) => {
      const chart = g.Chart.getChart(canvas);
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const scale = canvas.width / canvas.getBoundingClientRect().width;
      let points = 0;
      let painted = 0;
      chart?.data.datasets.forEach((ds: any, di: number) => {
        if (ds.pointRadius === 0) return; // the ideal line has no point markers
        chart.getDatasetMeta(di).data.forEach((p: any) => {
          if (p.skip || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
          points++;
          if (data[(Math.round(p.y * scale) * canvas.width + Math.round(p.x * scale)) * 4 + 3]! > 0)
            painted++;
        });
      });
      return { id: canvas.id, points, painted, title: chart?.options.plugins.title.text as string };
    });
  });
}

describe.skipIf(!hasChromium)('sweep chart in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws throughput and p99 against the parameter, and redraws for another case', async () => {
    const url = writeHtml(
      'sweep-report.html',
      renderReport([sweepRun()], { generatedAt: '2026-11-25T14:00:00.000Z' }),
    );
    const { page, requests, errors } = await open(browser, url);
    const before = await pointStats(page);
    expect(before.map((s) => s.id)).toEqual([
      'sweep-0-timers-concurrency-main',
      'sweep-0-timers-concurrency-tail',
    ]);
    for (const s of before) {
      expect(s.points, s.id).toBe(3 * 6); // node, deno, bun at 6 values
      expect(s.painted, s.id).toBe(s.points);
    }
    expect(before[0]!.title).toBe('sleep-semaphore (semaphore): Throughput (timer waits/s)');
    await page.selectOption('select[data-sweep]', { label: 'gather() of all sleeps' });
    const after = await pointStats(page);
    expect(after[0]!.title).toMatch(/^gather\(\) of all sleeps/);
    expect(after[0]!.painted).toBe(after[0]!.points);
    const visible = await page.locator('#sweeps .sweep-case:not([hidden]) table caption').textContent();
    expect(visible).toMatch(/^gather\(\) of all sleeps/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.selectOption('select[data-sweep]', { index: 0 });
    await fullScreenshot(page, join(artifacts, 'sweep-report.png'));
    await page.context().close();
  });
});
