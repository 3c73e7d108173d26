/** Small helpers shared by the scenario files: runtime-neutral, no globals beyond the language. */
import { mulberry32 } from '@asyncbench/harness';

/** The harness's seeded PRNG (mulberry32): the same numbers from the same seed on every runtime. */
export const seededRandom = mulberry32;

/** [make(0), make(1), ..., make(n - 1)]. */
export function times<T>(n: number, make: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(i));
  return out;
}

/** `size` bytes of printable text drawn from `seed`: the same file on every runtime and every run. */
export function seededBytes(seed: number, size: number): Uint8Array {
  const random = seededRandom(seed);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = 32 + Math.floor(random() * 95);
  return bytes;
}

/** `--param` rules: a count of things (units, requests, workers) is a whole number from 1. */
export const COUNT = { integer: true, min: 1 } as const;
/** `--param` rules: a duration in ms (d), fractions allowed (the A/B check raises d by 15%). */
export const MILLISECONDS = { min: 0 } as const;
