/**
 * The report in a real browser: Debian's Chromium driven by playwright-core, opened from file://
 * with nothing else reachable. Proves the charts draw, nothing is requested, results-file strings
 * stay text, and leaves screenshots in test-artifacts/ for a human to look at.
 */
import { join } from 'node:path';
import { runtimeRatios, runtimeRatioText } from '@asyncbench/results';
import { realResponsivenessRun } from '@asyncbench/results/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifacts,
  canvasStats,
  expandAll,
  expectDrawn,
  fullScreenshot,
  hasChromium,
  launchChromium,
  open,
  settle,
  writeHtml,
} from '../test-support/browser.ts';
import { makeRun } from '../test-support/fixtures.ts';
import { PARTS, type ReportPart, renderReport } from './index.ts';

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

  it('renders input delay from a real responsiveness run: how to read it, and every chart drawn', async () => {
    const url = writeHtml('report-responsiveness.html', renderReport([realResponsivenessRun()]));
    const { page, requests, errors } = await open(browser, url);
    const stats = await canvasStats(page);
    expectDrawn(stats, 4);
    expect(stats.map((s) => s.id)).toContain('chart-s0-responsiveness-input-delay');
    await expect(
      page.getByRole('heading', { name: 'Input delay: how long input waited for the thread' }).isVisible(),
    ).resolves.toBe(true);
    const reading = (await page.locator('main').textContent()) ?? '';
    expect(reading).toContain('Input delay is how long an input event waited for the thread');
    expect(reading).toMatch(/chromium 1\d\d\.[\d.]+\s*:?\s*input delay p99 \S+ ms/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await fullScreenshot(page, join(artifacts, 'report-responsiveness.png'));
    await page.context().close();
  });

  it('shows runtimes compared: how to read it, the ratio chart drawn, each ratio in words', async () => {
    const run = makeRun({ failures: true });
    const url = writeHtml('report-runtime-ratios.html', renderReport([run], { generatedAt: GENERATED_AT }));
    const { page, requests, errors } = await open(browser, url);
    const stats = await canvasStats(page);
    const chart = stats.find((s) => s.id.includes('runtime-ratios'));
    expect(chart, stats.map((s) => s.id).join(', ')).toBeDefined();
    expectDrawn([chart!], 1);
    const section = page.locator('#runtime-ratios');
    await expect(
      section.getByRole('heading', { name: 'Runtimes compared', exact: true }).isVisible(),
    ).resolves.toBe(true);
    const reading = (await section.textContent()) ?? '';
    expect(reading).toContain(
      'An interval that holds 1× (a whisker across the line) means no significant difference',
    );
    const ratios = runtimeRatios(run);
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) expect(reading).toContain(runtimeRatioText(r));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await section.screenshot({ path: join(artifacts, 'report-runtime-ratios.png') });
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

  it('answers on the first screen: the overview fits a 1280 × 900 screen, charts wait folded', async () => {
    const url = writeHtml('report.html', single());
    const { page, errors } = await open(browser, url);
    const table = page.getByRole('table', { name: /At a glance/ });
    const box = (await table.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    // A real table to assistive technology: one row header per scenario, one column per runtime.
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual([
      expect.stringMatching(/^Timers\n/),
      expect.stringMatching(/^HTTP\n/),
      expect.stringMatching(/^Tasks\n/),
    ]);
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Scenario',
      'node 20.20.2',
      'deno 2.9.6',
      'bun 1.4.5',
    ]);
    expect(await table.locator('.ov-best').count()).toBe(3);
    // Nothing below is drawn until its fold opens; opening one draws its charts.
    const drawn = () =>
      page.evaluate(
        () =>
          [...document.querySelectorAll('canvas')].filter((c) => (window as any).Chart.getChart(c)).length,
      );
    expect(await drawn()).toBe(0);
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.locator('#s0-timers .scenario-fold > summary').click();
    await settle(page);
    expect(await drawn()).toBe(3);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(folded + 1000);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'report-first-screen.png') });
    await page.context().close();
  });

  it('keeps the overview readable on a phone and in the dark', async () => {
    const url = writeHtml('report.html', single());
    const phone = await open(browser, url, { width: 375, height: 812 }, 'dark');
    const table = phone.page.getByRole('table', { name: /At a glance/ });
    // Still a table to screen readers after the stylesheet stacks it, every runtime in view.
    expect(await table.getByRole('row').count()).toBe(4);
    const first = table.getByRole('row').nth(1);
    for (const cell of await first.getByRole('cell').all()) {
      const b = (await cell.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(375);
      expect(b.y + b.height).toBeLessThanOrEqual(812);
    }
    expect(await first.getByRole('cell').allInnerTexts()).toEqual([
      expect.stringMatching(/^node 20\.20\.2\n[\d,]+ (gather|createTask|taskgroup)\n/),
      expect.stringMatching(/^deno 2\.9\.6\n/),
      expect.stringMatching(/^bun 1\.4\.5\n/),
    ]);
    // Dark scheme: shaded cells keep light text on a dark, tinted background.
    const colours = await phone.page.evaluate(() => {
      const cell = document.querySelector('.overview .heat-5')!;
      return {
        bg: getComputedStyle(cell).backgroundColor,
        fg: getComputedStyle(cell).color,
        body: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(colours.bg).not.toBe(colours.body);
    expect(colours.fg).toBe('rgb(230, 237, 243)');
    expect(phone.errors).toEqual([]);
    await phone.page.screenshot({ path: join(artifacts, 'report-first-screen-375-dark.png') });
    await phone.page.context().close();
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
    await expandAll(page);
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

  it('draws the history of one machine as trends, and hosts side by side', async () => {
    const days = [1, 2, 3, 4].map((d) => {
      const run = makeRun({ startedAt: `2026-11-2${d}T10:00:00.000Z`, seed: d, speed: 1 + d / 10 });
      run.tool.commit = `c0ffee${d}${'0'.repeat(33)}`;
      return run;
    });
    const other = makeRun({ hostname: 'macos-latest', startedAt: '2026-11-24T11:00:00.000Z', speed: 0.8 });
    const html = renderReport([...days, other], { generatedAt: GENERATED_AT });
    const url = writeHtml('report-history.html', html);
    const { page, errors, requests } = await open(browser, url);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    // The history is open: its trends draw at once.
    const trends = await page.locator('#history canvas').count();
    expect(trends).toBe(3);
    const columns = await page
      .getByRole('table', { name: /At a glance/ })
      .getByRole('columnheader')
      .allInnerTexts();
    expect(columns).toEqual([
      'Scenario',
      'node 20.20.2 · bench-host',
      'node 20.20.2 · macos-latest',
      'deno 2.9.6 · bench-host',
      'deno 2.9.6 · macos-latest',
      'bun 1.4.5 · bench-host',
      'bun 1.4.5 · macos-latest',
    ]);
    const stats = await canvasStats(page);
    expectDrawn(stats, 10);
    expect(stats.filter((s) => s.id.startsWith('chart-history-')).every((s) => s.bars === 12)).toBe(true);
    await fullScreenshot(page, join(artifacts, 'report-history.png'));
    await page.context().close();
  });

  it('draws a line chart a new part adds, on a numeric log x axis with a dashed reference', async () => {
    // What a parameter-sweep part would add: throughput against a swept c, and the ideal line.
    const sweep: ReportPart = {
      id: 'sweep',
      scenario(_ctx, scenario) {
        if (scenario.id !== 'timers') return [];
        const c = [1, 2, 4, 8, 16, 32];
        const table = { caption: 'sweep', rowHeading: 'c', columns: ['units/s'], rows: [] };
        const line = (label: string, colour: number, values: number[], dashed = false) => ({
          label,
          colour,
          shade: 1,
          values,
          low: values.map((v) => (dashed ? null : v * 0.9)),
          high: values.map((v) => (dashed ? null : v * 1.1)),
          missing: values.map(() => null),
          dashed,
        });
        return [
          {
            kind: 'chart',
            chart: {
              id: `${scenario.anchor}-sweep`,
              kind: 'line',
              title: 'sweep',
              titleLines: ['sweep'],
              summary: 'sweep',
              xTitle: 'concurrency c',
              yTitle: 'units/s',
              labels: c.map(String),
              xValues: c,
              xLog: true,
              datasets: [
                line('node', 2, [95, 180, 350, 640, 1100, 1500]),
                line(
                  'ideal',
                  6,
                  c.map((x) => 100 * x),
                  true,
                ),
              ],
              logScale: true,
              interval: 'min–max over repeats',
              refLine: null,
              horizontal: false,
              height: null,
              table,
            },
          },
        ];
      },
    };
    const url = writeHtml(
      'report-sweep.html',
      renderReport([makeRun()], { generatedAt: GENERATED_AT, parts: [...PARTS, sweep] }),
    );
    const { page, errors } = await open(browser, url);
    const stats = await canvasStats(page);
    expect(errors).toEqual([]);
    const drawn = stats.find((x) => x.id === 'chart-s0-timers-sweep')!;
    expect(drawn).toMatchObject({ hasChart: true, bars: 12, painted: 12 });
    const axis = await page.evaluate(() => {
      const chart = (window as any).Chart.getChart(document.getElementById('chart-s0-timers-sweep'));
      return {
        x: chart.scales.x.type,
        y: chart.scales.y.type,
        dash: chart.data.datasets[1].borderDash,
        ticks: chart.scales.x.ticks.map((t: { value: number }) => t.value),
      };
    });
    // Ticks at the swept values only.
    expect(axis).toEqual({ x: 'logarithmic', y: 'logarithmic', dash: [6, 4], ticks: [1, 2, 4, 8, 16, 32] });
    await page
      .locator('#chart-s0-timers-sweep')
      .screenshot({ path: join(artifacts, 'report-sweep-line.png') });
    await page.context().close();
  });

  it('shows failed and skipped entries with their reason and stderr, not as zeros', async () => {
    const url = writeHtml('report.html', single());
    const { page } = await open(browser, url);
    const notes = await page.locator('#s1-http .status-notes li').allInnerTexts();
    expect(notes.join('\n')).toContain('timed out after 60000 ms');
    expect(notes.join('\n')).toMatch(/FAILED/i);
    // The failure is in view without opening the scenario's details; its stderr is one click away.
    await page.locator('#s1-http .status-notes details summary').first().click();
    expect(await page.locator('#s1-http pre.stderr').first().textContent()).toContain(
      'server worker stopped answering',
    );
    await page.locator('#s1-http .scenario-fold > summary').click();
    const bunRow = page.locator('#s1-http figure table tr', { hasText: 'bun 1.4.5' }).first();
    expect(await bunRow.textContent()).toContain('failed: every repeat failed');
    expect(await bunRow.textContent()).not.toMatch(/>0</);
    const skipped = await page.locator('#s2-gather-micro .status-notes').textContent();
    expect(skipped).toMatch(/skipped/i);
    await page.context().close();
  });

  it('downloads a chart’s figures as CSV and JSON from the page itself', async () => {
    const url = writeHtml('report.html', single());
    const { page } = await open(browser, url);
    await page.locator('#s0-timers .scenario-fold > summary').click();
    const csvButton = page.locator('#s0-timers button[data-download="csv"]').first();
    const [csv] = await Promise.all([page.waitForEvent('download'), csvButton.click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = await csv.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(csvPath, 'utf8');
    expect(text.split('\r\n')[0]).toContain('Throughput median (timer waits/s)');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#s0-timers button[data-download="json"]').first().click(),
    ]);
    const parsed = JSON.parse(readFileSync(await json.path(), 'utf8'));
    expect(parsed.series.length).toBe(3);
    await page.context().close();
  });
});
