import { describe, expect, it } from 'vitest';
import { Progress } from './progress.ts';

/** A sink that keeps what was written, as a pipe (not a terminal) gets it. */
function sink() {
  const lines: string[] = [];
  return { lines, write: (t: string) => lines.push(...t.split('\n').filter(Boolean)) };
}

describe('Progress', () => {
  it('says once why the total grew: on the next finished process, not after', () => {
    const out = sink();
    const p = new Progress(out, 2);
    p.finish('node × timers #1/1', 'ok', 1000);
    p.grow(3);
    p.finish('deno × timers #1/1', 'ok', 1000);
    p.finish('node × timers #2', 'ok', 1000);
    p.stop();
    expect(out.lines).toEqual([
      '[1/2] node × timers #1/1: ok (1.0s)',
      '[2/5, +3 processes: sampling] deno × timers #1/1: ok (1.0s)',
      '[3/5] node × timers #2: ok (1.0s)',
    ]);
  });

  it('on a terminal, shows the reason on the redrawn line until a process ends', () => {
    const out = { ...sink(), isTTY: true };
    const p = new Progress(out, 1);
    p.grow(1);
    p.start('bun × queue #2');
    const drawn = out.lines.at(-1)!;
    p.finish('bun × queue #2', 'ok', 1000);
    p.start('node × queue #3');
    p.stop();
    const erase = '\r\x1b[2K'; // back to the line's start, clear it
    expect(drawn.startsWith(`${erase}[0/2, +1 process: sampling] bun × queue #2  elapsed`)).toBe(true);
    expect(out.lines.at(-2)?.startsWith(`${erase}[1/2] node × queue #3  elapsed`)).toBe(true);
  });
});
