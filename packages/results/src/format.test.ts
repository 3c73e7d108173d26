import { describe, expect, it } from 'vitest';
import {
  figureHeading,
  formatBytes,
  formatCount,
  formatDate,
  formatDuration,
  formatFigure,
  formatFigureValue,
  formatNumber,
  formatPercent,
  formatRatio,
  formatRatioInterval,
} from './format.ts';
import { byRuntimeOrder } from './labels.ts';

describe('format', () => {
  it('formatCount: a count is an integer with separators, never "40.0"', () => {
    expect(formatCount(40)).toBe('40');
    expect(formatCount(1200)).toBe('1,200');
  });

  it('formatNumber: whole from 100, one decimal from 10, two from 1, three significant below', () => {
    expect(formatNumber(1_213_902.4)).toBe('1,213,902');
    expect(formatNumber(16_000)).toBe('16,000');
    expect(formatNumber(195.4)).toBe('195');
    expect(formatNumber(12)).toBe('12.0');
    expect(formatNumber(97.0712)).toBe('97.1');
    expect(formatNumber(5.355)).toBe('5.36');
    expect(formatNumber(0.00123456)).toBe('0.00123');
    expect(formatNumber(0.41)).toBe('0.410');
    expect(formatNumber(-42.25)).toBe('-42.3');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('formatNumber is self-contained, so the report page can run its source text', () => {
    const inPage = new Function(`return (${formatNumber.toString()})`)() as typeof formatNumber;
    for (const v of [0, 0.00123, 5.355, 97.07, 1_213_902.4]) expect(inPage(v)).toBe(formatNumber(v));
  });

  it('ratios in one style: 192×, 12.0×, 1.26×, 0.46×, and their intervals', () => {
    expect(formatRatio(192.4)).toBe('192×');
    expect(formatRatio(12)).toBe('12.0×');
    expect(formatRatio(1.26)).toBe('1.26×');
    expect(formatRatio(1.034)).toBe('1.03×');
    expect(formatRatio(0.456)).toBe('0.46×');
    expect(formatRatio(0.7)).toBe('0.70×');
    expect(formatRatio(0.996)).toBe('0.996×'); // not "1.0×" beside a verdict of "faster"
    expect(formatRatio(0.994)).toBe('0.99×');
    expect(formatRatio(0.0012)).toBe('0.0012×');
    expect(formatRatio(null)).toBe('—');
    expect(formatRatioInterval(33.04, 37.91)).toBe('33.0–37.9×');
    expect(formatRatioInterval(null, 2)).toBe('—');
  });

  it('percentages, figures with units and headings', () => {
    expect(formatPercent(0.926)).toBe('93%');
    expect(formatPercent(null)).toBe('—');
    const noun = { singular: 'request', plural: 'requests' };
    expect(formatFigure('throughput', 1048.2, noun)).toBe('1,048 requests/s');
    expect(formatFigure('throughput', 1048.2)).toBe('1,048 units/s');
    expect(formatFigure('p99Ms', 35.12)).toBe('35.1 ms');
    expect(formatFigure('efficiency', 0.52)).toBe('52%');
    expect(formatFigureValue('efficiency', 0.974)).toBe('97%');
    expect(formatFigureValue('p99Ms', 5.355)).toBe('5.36');
    expect(formatFigure('rme', 1.2)).toBe('±1.20%');
    expect(formatFigure('opsPerSec', undefined)).toBe('—');
    expect(figureHeading('throughput', noun)).toBe('Throughput (requests/s)');
    expect(figureHeading('efficiency')).toBe('Efficiency (ideal / wall)');
  });

  it('bytes, dates and durations', () => {
    expect(formatBytes(8 * 1024 ** 3)).toBe('8.0 GiB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MiB');
    expect(formatBytes(51.7 * 1024 ** 2)).toBe('51.7 MiB');
    expect(formatBytes(812 * 1024)).toBe('812 KiB');
    expect(formatBytes(345)).toBe('345 B');
    expect(formatBytes(Number.NaN)).toBe('—');
    expect(formatDate('2026-11-25T13:40:12.345Z')).toBe('2026-11-25 13:40 UTC');
    expect(formatDate('yesterday')).toBe('yesterday');
    expect(formatDuration(4200)).toBe('4.2s');
    expect(formatDuration(185_000)).toBe('3m05s');
    expect(formatDuration(3_720_000)).toBe('1h02m');
  });

  it('orders runtimes node, deno, bun, then others alphabetically', () => {
    expect(['zig', 'bun', 'alpha', 'node', 'deno'].sort(byRuntimeOrder)).toEqual([
      'node',
      'deno',
      'bun',
      'alpha',
      'zig',
    ]);
  });
});
