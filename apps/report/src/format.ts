/**
 * Number and label formatting shared by the model and the headline, so a figure reads the same in
 * a table, a chart tooltip and the summary paragraph.
 */
import type { RunFile } from '@asyncbench/harness';

/** A figure with about four significant digits and thousands separators (tables keep full values in CSV/JSON). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs === 0) return '0';
  return Number(value.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** A ratio such as a speedup: two significant digits past 10x, one decimal below. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 10) return `${Math.round(value).toLocaleString('en-US')}×`;
  return `${value.toFixed(value >= 1 ? 1 : 2)}×`;
}

/** A run-to-run ratio near 1, where the second decimal matters (1.03×). */
export function formatChange(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 10 ? formatRatio(value) : `${value.toFixed(2)}×`;
}

/** A 0..1 fraction as a whole percentage. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${Math.round(fraction * 100)}%`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '—';
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${gib.toFixed(1)} GiB`;
  return `${Math.round(bytes / 1024 ** 2)} MiB`;
}

/** `2026-11-25 13:40 UTC` from an ISO timestamp; the raw string when it does not parse. */
export function formatDate(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** How a run is named wherever several are shown: its date and host. */
export function runLabel(run: RunFile): string {
  return `${formatDate(run.startedAt)} · ${run.host.hostname}`;
}

/** Run labels made unique (two runs started the same minute on one host get #2, #3). */
export function runLabels(runs: readonly RunFile[]): string[] {
  const seen = new Map<string, number>();
  return runs.map((run) => {
    const base = runLabel(run);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}

/** The exact version a run recorded for a runtime, or null when it was missing. */
export function runtimeVersion(run: RunFile, runtime: string): string | null {
  return run.runtimes.find((r) => r.name === runtime)?.version ?? null;
}

/** `node 20.20.2`, or just `node` when the version is unknown. */
export function runtimeLabel(run: RunFile, runtime: string): string {
  const version = runtimeVersion(run, runtime);
  return version ? `${runtime} ${version}` : runtime;
}

const RUNTIME_ORDER = ['node', 'deno', 'bun'];

/** Node, Deno, Bun first (the order the design names them), then anything else alphabetically. */
export function compareRuntimes(a: string, b: string): number {
  const ia = RUNTIME_ORDER.indexOf(a);
  const ib = RUNTIME_ORDER.indexOf(b);
  if (ia !== -1 || ib !== -1) return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib);
  return a.localeCompare(b);
}
