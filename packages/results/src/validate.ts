/**
 * Runtime validation against the schemas in schema.ts (TypeBox's compiled checker): adapter JSON
 * lines, `--list` lines and whole run files. Every failure is a SchemaError whose message names the
 * source (file path or `adapter line`) and the field path, e.g.
 * `results/x.json: entries[2].cases[0].figures.throughput.median: expected a number, got "fast"`.
 */
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { SCHEMA_VERSION } from './constants.ts';
import {
  type AdapterLine,
  AdapterLineSchemas,
  type CaseResult,
  CaseResultSchema,
  type CatalogueLine,
  CatalogueLineSchema,
  type RunFile,
  RunFileSchema,
} from './schema.ts';
import { SchemaError } from './schema-error.ts';
import { upgradeRunFile } from './upgrade.ts';

/** One error as TypeBox reports it (the shape ajv uses). */
interface ValidationError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

type Checker = { Check(value: unknown): boolean; Errors(value: unknown): ValidationError[] };
const compiled = new Map<TSchema, Checker>();

/** TypeBox's compiled checker for a schema, built once. */
function checkerFor(schema: TSchema): Checker {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = Compile(schema) as unknown as Checker;
    compiled.set(schema, checker);
  }
  return checker;
}

/** `/entries/0/cases/1/figures/throughput` -> `entries[0].cases[1].figures.throughput`. */
export function fieldPath(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(key) ? `[${key}]` : path === '' ? key : `.${key}`;
  }
  return path;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  let at: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'an integer',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** One error in plain words, without the value (added once per path). */
function expectation(error: ValidationError): string {
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return TYPE_WORDS[String(p.type)] ?? String(p.type);
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return JSON.stringify(p.allowedValue);
    case 'minimum':
      return `a number >= ${String(p.limit)}`;
    case 'minLength':
      return 'a non-empty string';
    default:
      return error.message;
  }
}

/**
 * Drops the errors of union branches the data plainly did not mean: a branch whose discriminator
 * (`kind`, `type`) failed a `const` check, as long as some other branch of that union passed its
 * own. Without this, a workload case missing its `workload` field would be reported as a micro
 * case missing `micro`.
 */
function meantBranches(errors: readonly ValidationError[]): ValidationError[] {
  const branchesOf = (e: ValidationError) =>
    [...e.schemaPath.matchAll(/\/anyOf\/\d+/g)].map((m) => e.schemaPath.slice(0, m.index! + m[0].length));
  const unionOf = (branch: string) => branch.replace(/\/\d+$/, '');
  const seen = new Map<string, Set<string>>();
  const dead = new Set<string>();
  for (const e of errors) {
    const branches = branchesOf(e);
    for (const b of branches) {
      if (!seen.has(unionOf(b))) seen.set(unionOf(b), new Set());
      seen.get(unionOf(b))!.add(b);
    }
    if (e.keyword === 'const' && branches.length > 0) dead.add(branches.at(-1)!);
  }
  const hasLive = (union: string) => [...(seen.get(union) ?? [])].some((b) => !dead.has(b));
  return errors.filter((e) => !branchesOf(e).some((b) => dead.has(b) && hasLive(unionOf(b))));
}

/**
 * The most useful reading of a failed check: among the errors of the branches the data meant, the
 * deepest path wins (the further a check got, the more specific its complaint), and every
 * expectation at that path is joined with "or" (`one of "a", "b" or null`).
 */
function firstProblem(errors: readonly ValidationError[], data: unknown): { path: string; problem: string } {
  const meant = meantBranches(errors);
  const concrete = meant.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const pool = concrete.length > 0 ? concrete : errors;
  const located = pool.map((e) => {
    // A missing field is reported at its parent; point at the field itself.
    if (e.keyword === 'required') {
      const missing = (e.params.requiredProperties as string[] | undefined)?.[0] ?? '';
      return { error: e, pointer: `${e.instancePath}/${missing}`, missing: true };
    }
    return { error: e, pointer: e.instancePath, missing: false };
  });
  const depth = (pointer: string) => pointer.split('/').length;
  let best = located[0]!;
  for (const l of located) if (depth(l.pointer) > depth(best.pointer)) best = l;
  const path = fieldPath(best.pointer);
  if (best.missing) return { path, problem: 'missing' };
  // A field the schema does not allow (a misspelt figure) fails the `false` schema of additionalProperties.
  if (best.error.keyword === 'boolean' && best.error.schemaPath.endsWith('/additionalProperties')) {
    return { path, problem: 'unknown field (not one of the names the schema allows)' };
  }
  const words = [
    ...new Set(
      located.filter((l) => l.pointer === best.pointer && !l.missing).map((l) => expectation(l.error)),
    ),
  ];
  const expected = words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words[0];
  return { path, problem: `expected ${expected}, got ${describeValue(valueAt(data, best.pointer))}` };
}

/** Checks data against schema; returns it typed, or throws a SchemaError naming source and field. */
export function check<T>(schema: TSchema, data: unknown, source: string): T {
  const checker = checkerFor(schema);
  if (checker.Check(data)) return data as T;
  const { path, problem } = firstProblem(checker.Errors(data), data);
  throw new SchemaError(source, path, problem);
}

/** Quotes the start of a line for an error message, so garbage is recognisable but bounded. */
function quoteStart(text: string): string {
  const max = 80;
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
}

function parseJsonLine(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SchemaError(source, '', `not a JSON line: ${quoteStart(text)}`);
  }
}

const LINE_TYPES = Object.keys(AdapterLineSchemas) as (keyof typeof AdapterLineSchemas)[];

/**
 * Parses and validates one line an adapter printed. Throws SchemaError: for text that is not JSON
 * (quoting the start of the line), or for a shape that is not an AdapterLine (naming the field
 * path and quoting the line's start). A `hello` with another schemaVersion is rejected, so a
 * stale adapter bundle is caught before its results are trusted.
 */
export function parseAdapterLine(text: string, source = 'adapter line'): AdapterLine {
  const data = parseJsonLine(text, source);
  try {
    const type = (data as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(LINE_TYPES as string[]).includes(type)) {
      throw new SchemaError(
        source,
        'type',
        `expected one of ${LINE_TYPES.map((t) => JSON.stringify(t)).join(', ')}, got ${describeValue(type)}`,
      );
    }
    if (type === 'hello') {
      const version = (data as { schemaVersion?: unknown }).schemaVersion;
      if (version !== SCHEMA_VERSION) {
        throw new SchemaError(
          source,
          'schemaVersion',
          `expected ${SCHEMA_VERSION} (this asyncbench), got ${describeValue(version)}: rebuild the adapters (npm run build)`,
        );
      }
    }
    return check<AdapterLine>(AdapterLineSchemas[type as keyof typeof AdapterLineSchemas], data, source);
  } catch (error) {
    if (error instanceof SchemaError) {
      throw new SchemaError(source, error.path, `${error.problem} (line starts ${quoteStart(text)})`);
    }
    throw error;
  }
}

/** Parses and validates one line of an adapter's `--list` output. Throws SchemaError like parseAdapterLine. */
export function parseCatalogueLine(text: string, source = 'catalogue line'): CatalogueLine {
  return check<CatalogueLine>(CatalogueLineSchema, parseJsonLine(text, source), source);
}

/** Validates one CaseResult (e.g. from a line already parsed). Throws SchemaError. */
export function validateCaseResult(data: unknown, source: string): CaseResult {
  return check<CaseResult>(CaseResultSchema, data, source);
}

/**
 * Validates a parsed results/<run>.json; `source` (usually the file path) starts every error
 * message. A file of schemaVersion 1 is upgraded first (upgrade.ts: d and the scenario's unit are
 * filled in from what the file holds); a newer version is refused in one line. Returns the run,
 * typed (for version 1, an upgraded copy).
 */
export function validateRunFile(data: unknown, source: string): RunFile {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (
    typeof data === 'object' &&
    data !== null &&
    typeof version === 'number' &&
    version !== SCHEMA_VERSION
  ) {
    if (version === 1) return check<RunFile>(RunFileSchema, upgradeRunFile(data), source);
    throw new SchemaError(
      source,
      'schemaVersion',
      `this asyncbench reads versions 1 and ${SCHEMA_VERSION}, the file is version ${version} (written by a newer asyncbench?)`,
    );
  }
  return check<RunFile>(RunFileSchema, data, source);
}
