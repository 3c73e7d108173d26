/**
 * Subresource Integrity as npm writes it in a version's `dist.integrity` (`sha512-<base64>`, possibly
 * several space-separated entries): the strongest supported entry is the one checked, as npm's ssri
 * does. Written here rather than depending on ssri because only this one check is needed: parse the
 * string, hash the bytes as they stream in, compare.
 */
import { createHash, type Hash, timingSafeEqual } from 'node:crypto';

/** Strongest first; npm publishes sha512 (sha1 only in the old `shasum` field, not used here). */
const ALGORITHMS = ['sha512', 'sha384', 'sha256'] as const;
type Algorithm = (typeof ALGORITHMS)[number];

export interface ExpectedDigest {
  algorithm: Algorithm;
  /** The base64 digest as published. */
  base64: string;
}

/** Picks the strongest supported `alg-base64` entry; null when the string has none. */
export function parseIntegrity(sri: string): ExpectedDigest | null {
  const entries = sri
    .trim()
    .split(/\s+/)
    .map((e) => /^(sha\d+)-([A-Za-z0-9+/]+={0,2})(?:\?.*)?$/.exec(e))
    .filter((m): m is RegExpExecArray => m !== null);
  for (const algorithm of ALGORITHMS) {
    const hit = entries.find((m) => m[1] === algorithm);
    if (hit) return { algorithm, base64: hit[2]! };
  }
  return null;
}

/** Hashes bytes as they arrive; `matches()` once all are in. */
export class IntegrityCheck {
  readonly expected: ExpectedDigest;
  readonly #hash: Hash;
  #actual: string | null = null;

  constructor(expected: ExpectedDigest) {
    this.expected = expected;
    this.#hash = createHash(expected.algorithm);
  }

  update(chunk: Uint8Array): void {
    this.#hash.update(chunk);
  }

  /** The digest of everything seen, as `alg-base64`. Ends hashing. */
  actual(): string {
    this.#actual ??= this.#hash.digest('base64');
    return `${this.expected.algorithm}-${this.#actual}`;
  }

  matches(): boolean {
    const actual = Buffer.from(this.actual().slice(this.expected.algorithm.length + 1), 'base64');
    const expected = Buffer.from(this.expected.base64, 'base64');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }
}
