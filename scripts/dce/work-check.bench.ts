/**
 * The dead-code check's known truth (scripts/dce-check.mjs): ops whose cost is not what a figure
 * per op says, beside ops whose is.
 * - Work nobody observes: a JIT may delete it. The loop around the op stays (V8 and JSC keep a
 *   counted loop), so the time still grows with the number of ops; what gives it away is a time
 *   per op near the empty op's (nearEmptyLoop, under 1 ns).
 * - A cost paid once per turn: a store that renders its subscribers once at the end of the turn
 *   however many updates it got (as UI stores batch updates). A batch of ops runs in one turn, so
 *   twice the updates take the same time (workRatio near 1): the figure "per op" is a render.
 * - The same kinds of work kept, as controls: their time grows with the number of ops.
 */
import { bench } from 'asyncbench';

// biome-ignore lint/correctness/noUnusedVariables: written, never read; a JIT cannot know that.
let sink: unknown;
const words = ['alpha', 'beta', 'gamma', 'delta'];

bench('empty body', () => {});
bench('unused Math.sqrt', () => {
  Math.sqrt(12345.678);
});
bench('unused object', () => {
  const o = { a: 1, b: 2 };
  o.a += o.b;
});
bench('kept arithmetic', () => {
  let s = 0;
  for (let i = 0; i < 16; i++) s += i * i;
  sink = s;
});
bench('kept array map', () => {
  sink = words.map((w) => w.length);
});

/** A store that notifies its subscribers once per turn, after the turn's updates. */
function createStore(render: (state: Map<number, number>) => void) {
  const state = new Map<number, number>();
  let scheduled = false;
  return {
    set(key: number, value: number) {
      state.set(key, value);
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        render(state);
      });
    },
  };
}
// The subscriber renders a 2,500-row list: 0.15-0.25 ms on node, deno and bun here,
// over the 0.1 ms batch target (so a batch is one op) and cheap enough to check in the quick profile.
const rows = Array.from({ length: 2500 }, (_, i) => ({ id: i, label: `row ${i}` }));
const store = createStore((state) => {
  sink = rows.map((r) => `<li id="${r.id}">${r.label}: ${state.get(r.id % 16) ?? 0}</li>`).join('');
});
let tick = 0;
bench('store.set, render once per turn', () => store.set(tick % 16, tick++));
