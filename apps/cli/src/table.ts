/** Plain-text tables for the terminal: padded columns, numbers right-aligned. Numbers come formatted from @asyncbench/results. */

/**
 * left, right, or figure: a number and what follows it (`7,167 ? (gather) !`, `1,234 ? !`), the
 * numbers right-aligned on one edge and what follows left-aligned after them, so the digits line
 * up whichever marks (`?`, `!`) a cell carries.
 */
export type Align = 'left' | 'right' | 'figure';

/** A figure column's cells padded so their first words (the numbers) end on one edge. */
function alignFigures(cells: readonly string[]): string[] {
  const split = cells.map((c) => {
    const at = c.indexOf(' ');
    return at < 0 ? [c, ''] : [c.slice(0, at), c.slice(at)];
  });
  const number = Math.max(...split.map(([n]) => n!.length));
  const rest = Math.max(...split.map(([, r]) => r!.length));
  return split.map(([n, r]) => n!.padStart(number) + r!.padEnd(rest));
}

export function formatTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const body = rows.map((r) => [...r]);
  align.forEach((a, i) => {
    if (a !== 'figure' || body.length === 0) return;
    const aligned = alignFigures(body.map((r) => r[i] ?? ''));
    body.forEach((r, j) => {
      r[i] = aligned[j]!;
    });
  });
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === 'left' || !align[i] ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .replace(/\s+$/, '');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
