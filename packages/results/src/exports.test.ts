import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { realRun } from '../test-support/index.ts';
import {
  CSV_COLUMNS,
  csvField,
  EXPORT_FORMATS,
  exportRun,
  markdownCell,
  toBmf,
  toGab,
  type toJsonExport,
  toMarkdown,
} from './exports/index.ts';
import { figureRows } from './figure-rows.ts';
import { FIGURE_META } from './figures.ts';
import { formatRatio, formatRatioInterval } from './format.ts';
import { runtimeRatioCells, runtimeRatios } from './runtime-compare.ts';
import { summarizeRun, workloadCells } from './summary.ts';

const run = realRun();
const summary = summarizeRun(run);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Bencher's published JSON Schema of BMF (bencher.dev/docs/reference/bencher-metric-format). */
const BMF_SCHEMA = {
  type: 'object',
  patternProperties: {
    '.+': {
      type: 'object',
      patternProperties: {
        '.+': {
          type: 'object',
          properties: {
            value: { type: 'number' },
            lower_value: { type: 'number' },
            upper_value: { type: 'number' },
          },
          required: ['value'],
        },
      },
    },
  },
};

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      field += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('exports of a real run', () => {
  it('markdown: every workload row with its best cases, speedup and 95% CI, and every micro case', () => {
    const md = toMarkdown(run);
    expect(md).toMatch(/^### asyncbench: quick profile, 3 repeats, /);
    expect(md).toContain('node 20.20.2');
    for (const r of summary.workload) {
      const line = md.split('\n').find((l) => l.startsWith(`| ${r.scenario} | ${r.runtime} `))!;
      expect(line, `${r.scenario} ${r.runtime}`).toBeDefined();
      if (r.speedup) {
        expect(line).toContain(
          `| ${formatRatio(r.speedup.ratio)} | ${formatRatioInterval(r.speedup.ciLow, r.speedup.ciHigh)} |`,
        );
        const cells = workloadCells(r);
        // The terminal's own cells, followed by the range over repeats where it is not one value.
        expect(line).toMatch(
          new RegExp(`\\| ${r.unit.plural}/s \\| ${escapeRegExp(cells.sync)}( · \\S+)? \\|`),
        );
        expect(line).toMatch(new RegExp(`\\| ${escapeRegExp(cells.concurrent)}( · \\S+)? \\|`));
      } else {
        expect(line).toContain(r.status);
      }
    }
    for (const r of summary.micro.rows) expect(md).toContain(`| ${r.scenario} | ${r.case} |`);
    expect(markdownCell('a | b\nc')).toBe('a \\| b c');
  });

  it('markdown: a "runtimes compared" row per scenario and runtime pair, as the terminal prints it', () => {
    const md = toMarkdown(run);
    expect(md).toContain('**Runtimes compared.** Per scenario, each runtime against the fastest');
    const ratios = runtimeRatios(run);
    expect(ratios.length).toBeGreaterThan(0);
    for (const r of ratios) {
      const c = runtimeRatioCells(r);
      expect(md).toContain(`| ${c.scenario} | ${c.figure} | ${c.comparison} | ${c.method} |`);
    }
  });

  it('csv: one row per runtime x scenario x case x figure, with median, CI, min, max and n', () => {
    const rows = parseCsv(exportRun(run, 'csv'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const figures = run.entries.reduce(
      (n, e) => n + e.cases.reduce((m, c) => m + Object.keys(c.figures).length, 0),
      0,
    );
    expect(rows).toHaveLength(figures + 1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    for (const r of rows.slice(1)) {
      expect(r).toHaveLength(CSV_COLUMNS.length);
      expect(Number(r[col('n')])).toBe(3);
      expect(Number(r[col('min')])).toBeLessThanOrEqual(Number(r[col('median')]));
      expect(Number(r[col('median')])).toBeLessThanOrEqual(Number(r[col('max')]));
      expect(Number(r[col('ciLow')])).toBeLessThanOrEqual(Number(r[col('mean')]));
    }
    expect(csvField('=cmd()')).toBe("'=cmd()");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });

  it('json: the summary and every figure, unrounded', () => {
    const json = JSON.parse(exportRun(run, 'json')) as ReturnType<typeof toJsonExport>;
    expect(json.format).toBe('asyncbench-export');
    expect(json.figures).toEqual(JSON.parse(JSON.stringify(figureRows(run))));
    const timers = json.speedups.find((s) => s.scenario === 'timers' && s.runtime === 'node')!;
    const row = summary.workload.find((s) => s.scenario === 'timers' && s.runtime === 'node')!;
    expect(timers.speedup).toBe(row.speedup!.ratio);
    expect(timers.concurrent!.case).toBe(row.concurrent!.aggregate.case);
  });

  it('bmf: valid against Bencher’s schema, one benchmark per runtime x case, medians with min/max', () => {
    const bmf = toBmf(run);
    expect(new Ajv().validate(BMF_SCHEMA, bmf)).toBe(true);
    const cases = run.entries.reduce((n, e) => n + e.cases.length, 0);
    expect(Object.keys(bmf)).toHaveLength(cases);
    const gather = run.entries
      .find((e) => e.runtime === 'deno' && e.scenario === 'timers')!
      .cases.find((c) => c.case === 'sleep-gather')!;
    expect(bmf['timers/sleep-gather [deno]']!.throughput).toEqual({
      value: gather.figures.throughput!.median,
      lower_value: gather.figures.throughput!.min,
      upper_value: gather.figures.throughput!.max,
    });
    expect(Object.keys(bmf['tasks/gather-10 [bun]']!).sort()).toEqual([
      'latency',
      'p50-ns',
      'p99-ns',
      'throughput',
    ]);
  });

  it('gab: one direction per file, name/unit/value with range and extra', () => {
    const bigger = toGab(run, 'bigger');
    const smaller = toGab(run, 'smaller');
    const rows = figureRows(run).filter((r) => FIGURE_META[r.figure].compared);
    expect(bigger.length + smaller.length).toBe(rows.length);
    expect(new Set(bigger.map((b) => b.unit))).toEqual(
      new Set(rows.filter((r) => r.higherIsBetter).map((r) => r.unit)),
    );
    expect(smaller.every((b) => ['ms', 'ns'].includes(b.unit))).toBe(true);
    for (const b of [...bigger, ...smaller]) {
      expect(typeof b.value).toBe('number');
      expect(b.range).toMatch(/^± /);
      expect(b.extra).toMatch(/^median of 3 repeats/);
    }
    expect(new Set(bigger.map((b) => b.name)).size).toBe(bigger.length);
    expect(JSON.parse(exportRun(run, 'gab', { direction: 'smaller' }))).toEqual(smaller);
  });

  it('every format renders', () => {
    for (const format of EXPORT_FORMATS) expect(exportRun(run, format).length, format).toBeGreaterThan(100);
  });
});
