/**
 * The one set of number formatters: the terminal summary, `compare`, the exports and the report
 * print every figure through these, so 12,345 requests/s, 12.0× and 93% read the same everywhere.
 *
 * formatNumber is also inlined into the report page (its source text, passed to the page script),
 * so it must stay self-contained: no calls to other functions of this module.
 */
import { FIGURE_META, figureUnit } from './figures.ts';
import type { FigureName, UnitNoun } from './schema.ts';

/**
 * A figure for reading: whole numbers with thousands separators from 100 up (16,000), one decimal
 * from 10 (12.0), two from 1 (1.23), three significant digits below 1 (0.410, 0.00123); `—` for nothing.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs === 0) return '0';
  if (abs < 1)
    return value.toLocaleString('en-US', { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A count of things (units, repeats): an integer with thousands separators, "1,200"; `—` for nothing. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.round(value).toLocaleString('en-US');
}

/**
 * A ratio such as a speedup or a run-to-run change: `192×`, `12.0×`, `1.26×`, `0.46×` (two
 * significant digits below 1, so 0.0012× is not shown as zero, three just below 1: 0.996×); `—`
 * for nothing.
 */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value >= 100) return `${Math.round(value).toLocaleString('en-US')}×`;
  if (value >= 10) return `${value.toFixed(1)}×`;
  if (value >= 1) return `${value.toFixed(2)}×`;
  // Just below 1 two digits would round up to "1.0×", which reads as no change beside a verdict
  // that says there is one: three digits then (0.996×).
  const two = value.toPrecision(2);
  return `${two === '1.0' ? value.toPrecision(3) : two}×`;
}

/** A 95% interval of a ratio: `1.02–1.10×`; `—` when there is none (fewer than two repeats a side). */
export function formatRatioInterval(low: number | null | undefined, high: number | null | undefined): string {
  if (low === null || low === undefined || high === null || high === undefined) return '—';
  return `${formatRatio(low).replace(/×$/, '')}–${formatRatio(high)}`;
}

/** A 0..1 fraction as a whole percentage: 0.926 -> `93%`. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Math.round(fraction * 100)}%`;
}

/** A figure's value without its unit, as tables with a unit in the heading show it: `16,000`, `87%`. */
export function formatFigureValue(name: FigureName, value: number | null | undefined): string {
  return name === 'efficiency' ? formatPercent(value) : formatNumber(value);
}

/** A figure with its unit: `16,000 requests/s`, `12.0 ms`, `87%` (efficiency), `±1.20%` (rme). */
export function formatFigure(
  name: FigureName,
  value: number | null | undefined,
  noun?: UnitNoun | null,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (name === 'efficiency') return formatPercent(value);
  // Already a percentage (0-100), shown whole like efficiency.
  if (name === 'inputHandledPct') return formatPercent(value / 100);
  if (name === 'rme') return `±${formatNumber(value)}%`;
  return `${formatNumber(value)} ${figureUnit(name, noun)}`;
}

/** A figure's heading: `Throughput (requests/s)`, `Efficiency (ideal / wall)`. */
export function figureHeading(name: FigureName, noun?: UnitNoun | null): string {
  const meta = FIGURE_META[name];
  if (name === 'efficiency') return meta.label;
  return `${meta.label} (${figureUnit(name, noun)})`;
}

/** Elapsed time: `4.2s`, `42s`, `3m05s`, `1h02m`. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * A size in bytes, binary (IEC) units: `345 B`, `812 KiB`, `51.7 MiB`, `512 MiB`, `8.0 GiB`; `—`
 * for nothing. Memory (host, RSS) and download and cache sizes alike.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KiB`;
  if (bytes < 1024 ** 3) {
    const mib = bytes / 1024 ** 2;
    return `${mib >= 100 ? Math.round(mib) : mib.toFixed(1)} MiB`;
  }
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** `2026-11-25 13:40 UTC` from an ISO timestamp; the raw string when it does not parse. */
export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
