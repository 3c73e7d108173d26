/**
 * The ops the micro runner is checked on (vs-mitata.mjs): small, deterministic, one of each
 * shape: an awaited native combinator, a sync throw, one awaited async call, a plain loop.
 */
const TEN = Array.from({ length: 10 }, (_, i) => Promise.resolve(i));

async function asyncOne(): Promise<number> {
  return 1;
}

function fail(): never {
  throw new Error('x');
}

export const OPS: Readonly<Record<string, () => unknown>> = {
  'promise-all-10': () => Promise.all(TEN),
  'throw-catch': () => {
    try {
      fail();
    } catch (error) {
      return error;
    }
  },
  'async-call': () => asyncOne(),
  'loop-100': () => {
    for (let i = 0; i < 100; i++) {
      // intentionally empty: the cost is the loop itself
    }
  },
};
