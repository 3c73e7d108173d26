/**
 * Runtime validation of the results schema, hand-written (no dependency): adapter JSON lines
 * and whole run files. Errors are SchemaError with the source and field path in the message.
 */
import { Checker, join } from './check.ts';
import { MICRO_FIGURES, WORKLOAD_FIGURES } from './figures.ts';
import type { CatalogueLine } from './main.ts';
import { MODES, PROFILES, REQUIREMENTS } from './scenario.ts';
import type { AdapterLine, CaseResult, FigureName, RunFile } from './schema.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { SchemaError } from './schema-error.ts';

const RUNTIMES = ['node', 'deno', 'bun'] as const;
const KINDS = ['micro', 'workload'] as const;
// Every aggregated figure name, from the lists the runner and report use, so they cannot drift.
const FIGURES: readonly FigureName[] = [...WORKLOAD_FIGURES, ...MICRO_FIGURES];

function checkParams(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  for (const [key, v] of Object.entries(o)) {
    const p = join(path, key);
    if (typeof v === 'number') c.number(v, p);
    else if (typeof v !== 'string' && typeof v !== 'boolean')
      c.fail(p, 'expected a number, string or boolean');
  }
}

function checkMicro(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  for (const key of ['opsPerSec', 'meanNs', 'p50Ns', 'p99Ns', 'rme'] as const)
    c.nonNegative(o[key], join(path, key));
  c.integer(o.samples, join(path, 'samples'), 1);
  c.integer(o.batch, join(path, 'batch'), 1);
}

function checkWorkload(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.integer(o.units, join(path, 'units'), 1);
  c.integer(o.concurrency, join(path, 'concurrency'), 1);
  c.nullable(o.unitMs, join(path, 'unitMs'), (v, p) => c.nonNegative(v, p));
  c.nonNegative(o.wallMs, join(path, 'wallMs'));
  c.nonNegative(o.throughput, join(path, 'throughput'));
  const lat = c.object(o.latencyMs, join(path, 'latencyMs'));
  for (const key of ['mean', 'p50', 'p90', 'p99', 'max'] as const) {
    c.nonNegative(lat[key], join(path, `latencyMs.${key}`));
  }
  c.nullable(o.idealMs, join(path, 'idealMs'), (v, p) => c.nonNegative(v, p));
  c.nullable(o.efficiency, join(path, 'efficiency'), (v, p) => c.nonNegative(v, p));
  c.nonNegative(o.rssBytes, join(path, 'rssBytes'));
  c.nonNegative(o.heapUsedBytes, join(path, 'heapUsedBytes'));
}

function checkCaseResult(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.string(o.scenario, join(path, 'scenario'));
  c.string(o.case, join(path, 'case'));
  c.string(o.label, join(path, 'label'));
  const kind = c.oneOf(o.kind, join(path, 'kind'), KINDS);
  c.string(o.variant, join(path, 'variant'));
  checkParams(c, o.params, join(path, 'params'));
  if (kind === 'micro') {
    if (o.mode !== null) c.fail(join(path, 'mode'), 'expected null for a micro case');
    checkMicro(c, o.micro, join(path, 'micro'));
  } else {
    c.oneOf(o.mode, join(path, 'mode'), MODES);
    checkWorkload(c, o.workload, join(path, 'workload'));
  }
  c.optional(o.driver, join(path, 'driver'), (v, p) => {
    const d = c.object(v, p);
    c.string(d.name, join(p, 'name'));
    c.string(d.engine, join(p, 'engine'));
  });
}

function checkAdapterLine(c: Checker, value: unknown): AdapterLine {
  const o = c.object(value, '');
  const type = c.oneOf(o.type, 'type', ['hello', 'result', 'scenario-error', 'done', 'fatal'] as const);
  switch (type) {
    case 'hello':
      c.integer(o.schemaVersion, 'schemaVersion', 1);
      if (o.schemaVersion !== SCHEMA_VERSION) {
        c.fail('schemaVersion', `expected ${SCHEMA_VERSION} (this harness), got ${String(o.schemaVersion)}`);
      }
      c.oneOf(o.runtime, 'runtime', RUNTIMES);
      c.string(o.version, 'version');
      break;
    case 'result':
      checkCaseResult(c, o.result, 'result');
      break;
    case 'scenario-error':
      c.string(o.scenario, 'scenario');
      c.string(o.message, 'message');
      c.optional(o.stack, 'stack', (v, p) => c.string(v, p));
      break;
    case 'done':
      c.string(o.scenario, 'scenario');
      c.nonNegative(o.elapsedMs, 'elapsedMs');
      break;
    case 'fatal':
      c.string(o.message, 'message');
      break;
  }
  return value as AdapterLine;
}

/** Quotes the start of a line for an error message, so garbage is recognisable but bounded. */
function quoteStart(text: string): string {
  const max = 80;
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);
}

/**
 * Parses and validates one line an adapter printed. Throws SchemaError: for text that is not
 * JSON (quoting the start of the line), or for a shape that is not an AdapterLine (naming the
 * field path). A `hello` with another schemaVersion is rejected.
 */
export function parseAdapterLine(text: string, source = 'adapter line'): AdapterLine {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SchemaError(source, '', `not a JSON line: ${quoteStart(text)}`);
  }
  try {
    return checkAdapterLine(new Checker(source), data);
  } catch (error) {
    if (error instanceof SchemaError) {
      throw new SchemaError(source, error.path, `${error.problem} (line starts ${quoteStart(text)})`);
    }
    throw error;
  }
}

/**
 * Parses and validates one line of an adapter's `--list` output (a CatalogueLine: params for
 * every profile). Throws SchemaError like parseAdapterLine.
 */
export function parseCatalogueLine(text: string, source = 'catalogue line'): CatalogueLine {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SchemaError(source, '', `not a JSON line: ${quoteStart(text)}`);
  }
  const c = new Checker(source);
  const o = c.object(data, '');
  c.string(o.id, 'id');
  c.string(o.label, 'label');
  c.string(o.description, 'description');
  c.each(o.modes, 'modes', (v, p) => c.oneOf(v, p, MODES));
  const params = c.object(o.params, 'params');
  for (const profile of PROFILES) checkParams(c, params[profile], `params.${profile}`);
  c.boolean(o.hidden, 'hidden');
  c.optional(o.requires, 'requires', (v, p) => c.each(v, p, (r, rp) => c.oneOf(r, rp, REQUIREMENTS)));
  return data as CatalogueLine;
}

/** Validates one CaseResult (e.g. from a line already parsed). Throws SchemaError. */
export function validateCaseResult(data: unknown, source: string): CaseResult {
  checkCaseResult(new Checker(source), data, '');
  return data as CaseResult;
}

function checkSpread(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.number(o.median, join(path, 'median'));
  c.number(o.min, join(path, 'min'));
  c.number(o.max, join(path, 'max'));
  c.each(o.values, join(path, 'values'), (v, p) => c.number(v, p));
}

function checkAggregate(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.string(o.case, join(path, 'case'));
  c.string(o.label, join(path, 'label'));
  c.oneOf(o.kind, join(path, 'kind'), KINDS);
  c.nullable(o.mode, join(path, 'mode'), (v, p) => c.oneOf(v, p, MODES));
  c.string(o.variant, join(path, 'variant'));
  checkParams(c, o.params, join(path, 'params'));
  c.nullable(o.idealMs, join(path, 'idealMs'), (v, p) => c.nonNegative(v, p));
  c.nullable(o.units, join(path, 'units'), (v, p) => c.integer(v, p, 1));
  c.nullable(o.concurrency, join(path, 'concurrency'), (v, p) => c.integer(v, p, 1));
  const figures = c.object(o.figures, join(path, 'figures'));
  for (const [name, spread] of Object.entries(figures)) {
    const p = join(path, `figures.${name}`);
    c.oneOf(name, p, FIGURES);
    checkSpread(c, spread, p);
  }
}

function checkRepeat(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.integer(o.index, join(path, 'index'));
  c.oneOf(o.status, join(path, 'status'), ['ok', 'failed'] as const);
  c.nonNegative(o.durationMs, join(path, 'durationMs'));
  c.optional(o.reason, join(path, 'reason'), (v, p) => c.string(v, p));
  c.optional(o.stderrTail, join(path, 'stderrTail'), (v, p) => c.string(v, p));
  c.each(o.results, join(path, 'results'), (v, p) => checkCaseResult(c, v, p));
}

function checkEntry(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.string(o.runtime, join(path, 'runtime'));
  c.string(o.scenario, join(path, 'scenario'));
  c.oneOf(o.status, join(path, 'status'), ['ok', 'failed', 'skipped'] as const);
  c.optional(o.reason, join(path, 'reason'), (v, p) => c.string(v, p));
  c.each(o.repeats, join(path, 'repeats'), (v, p) => checkRepeat(c, v, p));
  c.each(o.cases, join(path, 'cases'), (v, p) => checkAggregate(c, v, p));
}

function checkHost(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  for (const key of ['hostname', 'os', 'release', 'arch', 'cpuModel'] as const)
    c.string(o[key], join(path, key));
  c.integer(o.cpuCount, join(path, 'cpuCount'));
  c.nonNegative(o.memoryBytes, join(path, 'memoryBytes'));
  c.boolean(o.pinned, join(path, 'pinned'));
  c.optional(o.pinning, join(path, 'pinning'), (v, p) => c.string(v, p));
}

function checkRuntimeInfo(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.string(o.name, join(path, 'name'));
  c.oneOf(o.status, join(path, 'status'), ['ok', 'missing'] as const);
  c.nullable(o.version, join(path, 'version'), (v, p) => c.string(v, p));
  c.nullable(o.path, join(path, 'path'), (v, p) => c.string(v, p));
  c.nullable(o.source, join(path, 'source'), (v, p) =>
    c.oneOf(v, p, ['devDependency', 'path', 'flag', 'registry'] as const),
  );
  c.optional(o.package, join(path, 'package'), (v, p) => c.string(v, p));
  c.optional(o.note, join(path, 'note'), (v, p) => c.string(v, p));
}

function checkScenarioInfo(c: Checker, value: unknown, path: string): void {
  const o = c.object(value, path);
  c.string(o.id, join(path, 'id'));
  c.string(o.label, join(path, 'label'));
  c.string(o.description, join(path, 'description'));
  c.each(o.modes, join(path, 'modes'), (v, p) => c.oneOf(v, p, MODES));
  checkParams(c, o.params, join(path, 'params'));
}

/**
 * Validates a parsed results/<run>.json. `source` (usually the file path) starts every error
 * message. Checks schemaVersion equals SCHEMA_VERSION, then every field down to each case's
 * figures. Returns the same object, typed.
 */
export function validateRunFile(data: unknown, source: string): RunFile {
  const c = new Checker(source);
  const o = c.object(data, '');
  const version = c.integer(o.schemaVersion, 'schemaVersion', 1);
  if (version !== SCHEMA_VERSION) {
    c.fail(
      'schemaVersion',
      `expected ${SCHEMA_VERSION}, got ${version} (written by another asyncbench version)`,
    );
  }
  c.string(o.id, 'id');
  const tool = c.object(o.tool, 'tool');
  c.oneOf(tool.name, 'tool.name', ['asyncbench'] as const);
  c.string(tool.version, 'tool.version');
  c.nullable(tool.commit, 'tool.commit', (v, p) => c.string(v, p));
  c.oneOf(o.status, 'status', ['running', 'complete', 'interrupted'] as const);
  c.string(o.startedAt, 'startedAt');
  c.nullable(o.finishedAt, 'finishedAt', (v, p) => c.string(v, p));
  c.nonNegative(o.elapsedMs, 'elapsedMs');
  c.oneOf(o.profile, 'profile', PROFILES);
  c.integer(o.seed, 'seed');
  c.integer(o.repeats, 'repeats');
  checkHost(c, o.host, 'host');
  c.each(o.runtimes, 'runtimes', (v, p) => checkRuntimeInfo(c, v, p));
  c.each(o.scenarios, 'scenarios', (v, p) => checkScenarioInfo(c, v, p));
  c.each(o.entries, 'entries', (v, p) => checkEntry(c, v, p));
  c.each(o.notes, 'notes', (v, p) => c.string(v, p));
  return data as RunFile;
}
