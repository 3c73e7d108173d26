/** Small helpers shared by the scenario files: runtime-neutral, no globals beyond the language. */

/** [make(0), make(1), ..., make(n - 1)]. */
export function times<T>(n: number, make: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(i));
  return out;
}

/**
 * mulberry32: tiny and identical on every runtime (32-bit integer arithmetic only), so content made
 * from a seed is byte-for-byte the same on Node, Deno and Bun.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` bytes of printable text drawn from `seed`: the same file on every runtime and every run. */
export function seededBytes(seed: number, size: number): Uint8Array {
  const random = seededRandom(seed);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = 32 + Math.floor(random() * 95);
  return bytes;
}
