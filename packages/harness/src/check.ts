/**
 * Tiny hand-written checkers for validate.ts. Each takes the value and its field path and either
 * returns the value typed or throws a SchemaError naming the path. Unknown extra fields are
 * allowed so that additive schema changes do not break older readers.
 */
import { SchemaError } from './schema-error.ts';

/** The value under check plus where it sits; `at` builds child paths. */
export class Checker {
  readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  fail(path: string, problem: string): never {
    throw new SchemaError(this.source, path, problem);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      this.fail(path, 'expected an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'expected an array');
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'expected a string');
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'expected a boolean');
    return value;
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'expected a finite number');
    return value;
  }

  nonNegative(value: unknown, path: string): number {
    const n = this.number(value, path);
    if (n < 0) this.fail(path, `expected a number >= 0, got ${n}`);
    return n;
  }

  integer(value: unknown, path: string, min = 0): number {
    const n = this.number(value, path);
    if (!Number.isInteger(n) || n < min) this.fail(path, `expected an integer >= ${min}, got ${n}`);
    return n;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    }
    return value as T;
  }

  nullable<T>(value: unknown, path: string, check: (v: unknown, p: string) => T): T | null {
    return value === null ? null : check(value, path);
  }

  optional<T>(value: unknown, path: string, check: (v: unknown, p: string) => T): T | undefined {
    return value === undefined ? undefined : check(value, path);
  }

  /** Checks every element with check(element, `path[i]`). */
  each<T>(value: unknown, path: string, check: (v: unknown, p: string) => T): T[] {
    return this.array(value, path).map((v, i) => check(v, `${path}[${i}]`));
  }
}

/** Joins a parent path and a key: `a` + `b` -> `a.b`, `` + `b` -> `b`. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
