import { describe, expect, it } from 'vitest';
import { makeRun } from '../../test-support/fixtures.ts';
import { renderReport } from '../index.ts';
import { escapeHtml, jsonForScript, scriptSafe } from './escape.ts';

const HOSTILE = `<script>alert(1)</script> <img src=x onerror=alert(1)>`;

describe('escaping', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('keeps JSON in a script element from closing it, and round-trips', () => {
    const data = { s: '</script><script>alert(1)</script><!--', line: '\u2028' };
    const json = jsonForScript(data);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('defuses a closing script tag inside inlined code', () => {
    expect(scriptSafe('const s = "</script>";')).toBe('const s = "<\\/script>";');
  });
});

describe('renderReport', () => {
  const html = renderReport([makeRun({ hostile: HOSTILE, failures: true, hostname: HOSTILE })], {
    title: `T ${HOSTILE}`,
    generatedAt: '2026-11-25T14:00:00.000Z',
  });

  it('never lets a results-file string into the markup unescaped', () => {
    expect(html).not.toContain('<img');
    expect(html.match(/<script/g)).toHaveLength(3);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
  });

  it('inlines Chart.js, the data and the drawing script; references nothing outside the file', () => {
    expect(html).toContain('<script type="application/json" id="report-data">');
    expect(html).toMatch(/Chart\.js v4\.6\.1/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
    // The drawing script is clientMain's own source, self-contained.
    expect(html).toContain('(function clientMain(');
  });

  it('is one document with semantic structure and labelled charts', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const canvases = html.match(/<canvas [^>]*>/g)!;
    // Timers and HTTP: throughput, tail latency, efficiency; the micro scenario: ops/s; and the
    // runtime ratios.
    expect(canvases).toHaveLength(8);
    for (const c of canvases) expect(c).toMatch(/role="img" aria-label="[^"]+"/);
    expect(html).toContain('<th scope="col">');
    expect(html).toContain('<th scope="row">');
    expect(html).toContain('<caption>');
    expect(html).toContain('prefers-color-scheme: dark');
  });

  it('opens with the overview table, the summary after it, and folds each scenario’s details', () => {
    const overview = html.indexOf('<table class="overview" role="table">');
    expect(overview).toBeGreaterThan(0);
    expect(html.indexOf('class="headline"')).toBeGreaterThan(overview);
    expect(html.indexOf('<nav class="toc"')).toBeGreaterThan(overview);
    expect(html.match(/<details class="fold scenario-fold">/g)).toHaveLength(3);
    // Every canvas sits inside a fold: the scenarios' seven, and the runtime ratios' chart.
    const ratios = html.slice(html.indexOf('id="runtime-ratios"'));
    expect(ratios.split('</section>')[0]!.match(/<details[^>]*>[\s\S]*<canvas /)).not.toBeNull();
    const folds = html
      .split('<details class="fold scenario-fold">')
      .slice(1)
      .map((f) => f.split('</section>')[0]!);
    expect(folds.join('').match(/<canvas /g)).toHaveLength(7);
    // Failures stay in view, above the fold.
    const http = html.slice(html.indexOf('id="s1-http"'));
    expect(http.indexOf('class="status-notes"')).toBeLessThan(http.indexOf('scenario-fold'));
  });

  it('is reproducible for a given generatedAt', () => {
    const again = renderReport([makeRun({ hostile: HOSTILE, failures: true, hostname: HOSTILE })], {
      title: `T ${HOSTILE}`,
      generatedAt: '2026-11-25T14:00:00.000Z',
    });
    expect(again).toBe(html);
  });
});
