/**
 * Scenarios from users' benchmark files (`asyncbench run my.bench.ts`). The CLI bundles the files
 * into one module whose entry hands each file's lazy import to loadUserFiles; every runtime then
 * loads that same bundle. A file default-exports a scenario (defineScenario) or an array of them,
 * and may call bench(name, fn), as in mitata, for plain micro-benchmarks: those calls become one
 * micro scenario per file, named after the file.
 */
import { defineScenario, isKebabCase } from './define-scenario.ts';
import { runMain } from './main.ts';
import type { Platform } from './platform.ts';
import type { MicroCase, Scenario } from './scenario.ts';

/** One user file in a bundle: the path as the user gave it, and its module, imported on demand. */
export interface UserFile {
  file: string;
  load: () => Promise<unknown>;
}

/** The scenarios of a bundle's files, or what is wrong with them (one line per problem, naming the file). */
export interface UserCatalogue {
  catalogue: Scenario[];
  errors: string[];
}

interface BenchCall {
  name: string;
  fn: () => unknown;
}

// Shared through a global so that a second copy of this module (a user file that bundles its own)
// still reports to the loader that is listening.
const COLLECTOR = Symbol.for('asyncbench.bench-collector');
type Collector = { calls: BenchCall[] | null };
function collector(): Collector {
  const g = globalThis as { [COLLECTOR]?: Collector };
  g[COLLECTOR] ??= { calls: null };
  return g[COLLECTOR];
}

/**
 * Registers a micro-benchmark, as mitata's `bench(name, fn)`: `fn` is one operation (return a
 * promise for an async one), measured like the catalogue's micro cases (tinybench, ops/s, the
 * timer's cost amortised). Call it at the top level of a benchmark file; the file's calls become one
 * scenario, its id the file name (`json.bench.ts` -> `json`). Throws a TypeError when name is not
 * a non-empty string or fn is not a function.
 */
export function bench(name: string, fn: () => unknown): void {
  if (typeof name !== 'string' || name.trim() === '')
    throw new TypeError('bench(name, fn): name must be a non-empty string');
  if (typeof fn !== 'function') throw new TypeError(`bench("${name}", fn): fn must be a function`);
  const c = collector();
  // Outside a loading benchmark file (imported by a script of the user's): nothing collects it.
  c.calls?.push({ name, fn });
}

/** `src/JSON Parse.bench.ts` -> `json-parse`: a file's scenario id, kebab-case. */
export function fileScenarioId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const stem = base.replace(/(\.bench)?\.[cm]?[jt]sx?$/i, '');
  const id = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'bench' : id;
}

/** Unique kebab-case case ids from bench names: `JSON.parse` -> `json-parse`, twice -> `json-parse-2`. */
function caseIds(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const base = fileScenarioId(`${name}.ts`);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

function benchScenario(file: string, calls: readonly BenchCall[]): Scenario {
  const ids = caseIds(calls.map((c) => c.name));
  const cases: MicroCase[] = calls.map((c, i) => ({
    kind: 'micro',
    id: ids[i]!,
    label: c.name,
    variant: '',
    fn: c.fn,
  }));
  const base = file.split(/[\\/]/).pop() ?? file;
  return defineScenario({
    id: fileScenarioId(file),
    label: base,
    description: `bench() calls in ${file}`,
    cases: () => cases,
  });
}

function message(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split('\n')[0] ?? text;
}

/** A default export: one scenario or an array of them, each checked again by defineScenario. */
function exported(file: string, value: unknown): Scenario[] | string {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) return `${file}: the default export is an empty array`;
  const out: Scenario[] = [];
  for (const [i, item] of items.entries()) {
    const where = Array.isArray(value) ? `default export [${i}]` : 'default export';
    if (typeof item !== 'object' || item === null || typeof (item as Scenario).cases !== 'function') {
      return `${file}: the ${where} is not a scenario (export default defineScenario({ id, cases, ... }))`;
    }
    try {
      out.push(defineScenario(item as Scenario));
    } catch (error) {
      return `${file}: ${where}: ${message(error).replace(/^Error: /, '')}`;
    }
  }
  return out;
}

/**
 * In a package with `"type": "commonjs"` (what `npm init -y` writes), esbuild bundles a file with
 * no exports of its own (only bench() calls) as CommonJS, and importing it yields
 * `{ default: module.exports }`, an empty object. That is no default export, not a bad one.
 */
function isEmptyCommonJsExports(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length === 0
  );
}

/**
 * Loads user files one after another: each file's default export, plus one micro scenario for its
 * bench() calls. A file that throws while loading, exports nothing usable or declares an id
 * another file (or itself) already uses gives one line in `errors`, naming the file.
 */
export async function loadUserFiles(files: readonly UserFile[]): Promise<UserCatalogue> {
  const catalogue: Scenario[] = [];
  const errors: string[] = [];
  const owner = new Map<string, string>();
  const c = collector();
  for (const { file, load } of files) {
    let mod: unknown;
    const calls: BenchCall[] = [];
    c.calls = calls;
    try {
      mod = await load();
    } catch (error) {
      errors.push(`${file}: throws while loading: ${message(error)}`);
      continue;
    } finally {
      c.calls = null;
    }
    const def = (mod as { default?: unknown } | null)?.default;
    const found: Scenario[] = [];
    if (def !== undefined && !isEmptyCommonJsExports(def)) {
      const scenarios = exported(file, def);
      if (typeof scenarios === 'string') {
        errors.push(scenarios);
        continue;
      }
      found.push(...scenarios);
    }
    if (calls.length > 0) found.push(benchScenario(file, calls));
    if (found.length === 0) {
      errors.push(
        `${file}: exports nothing usable (export default defineScenario({...}) or an array of them, or call bench(name, fn))`,
      );
      continue;
    }
    for (const s of found) {
      const first = owner.get(s.id);
      if (first !== undefined) {
        errors.push(
          `${file}: scenario id "${s.id}" is already used${first === file ? ' in this file' : ` by ${first}`} (ids must be unique in a run)`,
        );
        continue;
      }
      if (!isKebabCase(s.id)) continue; // defineScenario refused it already
      owner.set(s.id, file);
      catalogue.push(s);
    }
  }
  return { catalogue, errors };
}

/**
 * The runMain of a user bundle: runMain over the files' scenarios, or, when any file had a problem,
 * a `fatal` line listing them and exit code 2 (for `--list` as for a run), so nothing runs.
 */
export function userMain(loaded: UserCatalogue) {
  return async (
    platform: Platform,
    _catalogue: readonly Scenario[],
    argv: string[],
    write: (line: string) => void,
  ): Promise<number> => {
    if (loaded.errors.length === 0) return runMain(platform, loaded.catalogue, argv, write);
    write(JSON.stringify({ type: 'fatal', message: loaded.errors.join('\n') }));
    return 2;
  };
}
