import { describe, expect, it } from 'vitest';
import {
  compareRuntimes,
  formatBytes,
  formatChange,
  formatDate,
  formatNumber,
  formatPercent,
  formatRatio,
} from './format.ts';

describe('format', () => {
  it('formatNumber: four significant digits, separators, a dash for nothing', () => {
    expect(formatNumber(1_213_902.4)).toBe('1,213,902');
    expect(formatNumber(97.0712)).toBe('97.07');
    expect(formatNumber(0.00123456)).toBe('0.001235');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
  it('ratios, changes and percentages', () => {
    expect(formatRatio(192.4)).toBe('192×');
    expect(formatRatio(1.26)).toBe('1.3×');
    expect(formatRatio(0.456)).toBe('0.46×');
    expect(formatChange(1.034)).toBe('1.03×');
    expect(formatPercent(0.926)).toBe('93%');
    expect(formatPercent(null)).toBe('—');
  });
  it('bytes and dates', () => {
    expect(formatBytes(8 * 1024 ** 3)).toBe('8.0 GiB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512 MiB');
    expect(formatDate('2026-11-25T13:40:12.345Z')).toBe('2026-11-25 13:40 UTC');
    expect(formatDate('yesterday')).toBe('yesterday');
  });
  it('orders runtimes node, deno, bun, then others alphabetically', () => {
    expect(['zig', 'bun', 'alpha', 'node', 'deno'].sort(compareRuntimes)).toEqual([
      'node',
      'deno',
      'bun',
      'alpha',
      'zig',
    ]);
  });
});
