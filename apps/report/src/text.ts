/** Small text helpers every part uses: element-id slugs, wrapped axis labels, number cells. */
import { type CaseAggregate, formatNumber, inconclusiveMark } from '@asyncbench/results';
import type { Cell } from './view.ts';

/** Lower-case [a-z0-9-] only, for element ids built from results-file strings; `x` when nothing is left. */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'x';
}

/** Splits a long axis label into lines of about `width` characters, at spaces. */
export function wrapLabel(text: string, width = 26): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [text];
}

/** The empty cell: no figure. */
export const dash: Cell = { text: '—', value: null };

/** A number cell, formatted as everywhere (results' formatNumber), with the raw value for downloads. */
export function num(value: number | null | undefined, suffix = ''): Cell {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return { text: `${formatNumber(value)}${suffix}`, value };
}

/**
 * A case's main figure (throughput, ops/s) as a number cell, with ` ?` when it stayed wider than
 * the run's horizon: results' inconclusiveMark, the terminal summary's mark, so every inconclusive
 * figure can be found in the tables and not just the overview's headline ones.
 */
export function mainFigureNum(aggregate: CaseAggregate, value: number | null | undefined): Cell {
  return num(value, inconclusiveMark(aggregate));
}

/** A text cell. */
export const text = (value: string): Cell => ({ text: value, value: null });

/** `units=200, unitMs=10`. */
export function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}
