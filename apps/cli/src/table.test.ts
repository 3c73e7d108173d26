import { describe, expect, it } from 'vitest';
import { formatTable } from './table.ts';

describe('formatTable', () => {
  it('lines up the digits of a figure column whatever marks follow them', () => {
    const text = formatTable(
      ['case', 'ops/s'],
      [
        ['aaaa', '1,181,730,687 ? !'],
        ['bbbb', '532,260,454 !'],
        ['cccc', '8,991,029'],
        ['dddd', '—'],
      ],
      ['left', 'figure'],
    );
    const lines = text.split('\n');
    // Every number ends in the same column: the marks sit after that edge, left-aligned.
    const ends = lines.slice(2).map((l) => l.search(/[\d—](?=( |$))/));
    expect(new Set(ends).size).toBe(1);
    expect(lines[2]).toBe('aaaa  1,181,730,687 ? !');
    expect(lines[3]).toBe('bbbb    532,260,454 !');
    expect(lines[5]).toBe('dddd              —');
    // The heading sits right-aligned over the column, as over any number column.
    expect(lines[0]).toBe(`case${' '.repeat(lines[2]!.length - 'case'.length - 'ops/s'.length)}ops/s`);
  });
});
