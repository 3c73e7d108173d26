/**
 * Measures how tall a report is, as a reader opens it: Debian's Chromium (playwright-core, the
 * report tests' launcher), the page loaded from file://, charts drawn. Prints per file and width
 * the page height in CSS px as opened and with every fold open, and saves a PNG of the first
 * screen under test-artifacts/. Run: `npm run measure-page -w @asyncbench/report -- a.html ...`.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, expandAll, launchChromium, open, settle } from '../test-support/browser.ts';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
];

// npm runs workspace scripts in the package folder; paths are meant from where it was called.
const from = process.env.INIT_CWD ?? process.cwd();
const files = process.argv.slice(2).map((f) => resolve(from, f));
if (files.length === 0) {
  console.error('usage: measure-page <report.html> [...]');
  process.exit(2);
}
const absent = files.find((f) => !existsSync(f));
if (absent) {
  console.error(`measure-page: no such file: ${absent}`);
  process.exit(2);
}

const browser = await launchChromium();
try {
  for (const file of files) {
    const url = pathToFileURL(file).href;
    for (const viewport of VIEWPORTS) {
      const { page, errors, requests } = await open(browser, url, viewport);
      await settle(page);
      const opened = await page.evaluate(() => document.documentElement.scrollHeight);
      const shot = resolve(artifacts, `${basename(file, '.html')}-${viewport.name}-first-screen.png`);
      await page.screenshot({ path: shot });
      await expandAll(page);
      const expanded = await page.evaluate(() => document.documentElement.scrollHeight);
      const canvases = await page.evaluate(() => document.querySelectorAll('canvas').length);
      const foreign = requests.filter((r) => r !== url);
      console.log(
        `${basename(file)}  ${viewport.name} ${viewport.width} px: ${opened} px tall as opened, ` +
          `${expanded} px with every fold open; ${canvases} charts; first screen: ${shot}` +
          (errors.length > 0 ? `; page errors: ${errors.join(' | ')}` : '') +
          (foreign.length > 0 ? `; requests: ${foreign.join(' ')}` : ''),
      );
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
