/**
 * The sweep section in Chromium: the open case's two line charts paint every point, another case's
 * charts draw when its fold opens, no errors, nothing requested. Leaves a screenshot in
 * test-artifacts/.
 */
import { join } from 'node:path';
import { sweepRun } from '@asyncbench/results/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  canvasStats,
  hasChromium,
  launchChromium,
  open,
  settle,
  writeHtml,
} from '../../test-support/browser.ts';
import { renderReport } from '../index.ts';

describe.skipIf(!hasChromium)('sweep section in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws throughput and p99 against the parameter, and another case when it opens', async () => {
    const url = writeHtml(
      'sweep-report.html',
      renderReport([sweepRun()], { generatedAt: '2026-11-25T14:00:00.000Z' }),
    );
    const { page, requests, errors } = await open(browser, url);
    const drawn = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('#sweeps canvas')]
          .filter((c) => (window as any).Chart.getChart(c))
          .map((c) => c.id),
      );
    expect(await drawn()).toEqual([
      'chart-sweep-0-timers-concurrency-5-main',
      'chart-sweep-0-timers-concurrency-5-tail',
    ]);
    await page.locator('#sweeps details.fold > summary', { hasText: 'gather() of all sleeps' }).click();
    await settle(page);
    expect(await drawn()).toHaveLength(4);
    const stats = (await canvasStats(page)).filter((s) => s.id.startsWith('chart-sweep-'));
    expect(stats.length).toBeGreaterThanOrEqual(4);
    for (const s of stats) {
      // node, deno, bun at 6 values, and 6 ideal points on each throughput chart that has an ideal.
      expect(s.bars, s.id).toBeGreaterThanOrEqual(18);
      expect(s.painted, s.id).toBe(s.bars);
    }
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.locator('#sweeps').screenshot({ path: join(artifacts, 'sweep-report.png') });
    await page.context().close();
  });
});
