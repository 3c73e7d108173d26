import { describe, expect, it } from 'vitest';
import { slug, wrapLabel } from './text.ts';

describe('text helpers', () => {
  it('slug keeps ids to [a-z0-9-]', () => {
    expect(slug('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slug('!!!')).toBe('x');
  });

  it('wrapLabel splits at spaces near the width', () => {
    expect(wrapLabel('await sleep() in a loop')).toEqual(['await sleep() in a loop']);
    expect(wrapLabel('one two three four five six seven', 10)).toEqual([
      'one two',
      'three four',
      'five six',
      'seven',
    ]);
  });
});
