/**
 * Command-line parsing: argv -> a typed command, or a UsageError whose message is one line naming
 * the valid choices. Nothing here touches the disk or spawns anything, so it is cheap to test.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from '@asyncbench/harness';
import {
  EXPORT_FORMATS,
  type ExportFormat,
  GAB_DIRECTIONS,
  type GabDirection,
  PROFILES,
  type ProfileName,
} from '@asyncbench/results';
import { choices, UsageError } from './errors.ts';
import { parseRuntimeSpec, type RuntimeSpec } from './runtime-cache/spec.ts';
import { parseDuration, parseHorizon } from './sampling.ts';

export const COMMANDS = ['run', 'report', 'list', 'doctor', 'compare', 'export', 'runtimes'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** The runtimes asyncbench knows by name; others can be added with --runtime label=/path. */
export const KNOWN_RUNTIMES = ['node', 'deno', 'bun', 'chromium'] as const;

/**
 * What `run` uses without --runtimes. Chromium is opt-in (`--runtimes node,deno,bun,chromium`):
 * it runs only the web-standard scenarios, adds a browser start per process to every run, and a
 * user comparing server runtimes should not get a browser they did not ask for.
 */
export const DEFAULT_RUNTIMES = ['node', 'deno', 'bun'] as const;

export interface RuntimeFlag {
  name: string;
  path: string;
}

/** One `--param name=value[,value...]`: several values sweep the parameter. */
export interface ParamArg {
  name: string;
  /** The values as written, checked against the scenario's parameter once it is listed. */
  values: string[];
}

export interface RunArgs {
  command: 'run';
  /** User benchmark files and globs, as written (`asyncbench run a.bench.ts "bench/*.ts"`); empty: the catalogue. */
  files: string[];
  /** `--param` overrides, in the order given; at most one with several values (the sweep). */
  params: ParamArg[];
  /**
   * null: the default set (node, deno, bun and any --runtime labels). Names with `@` (node@22) are
   * registry specs, already checked by parseRuntimeSpec.
   */
  runtimes: string[] | null;
  /** null: every catalogue scenario that is not hidden. */
  scenarios: string[] | null;
  profile: ProfileName;
  /** Minimum processes per runtime x scenario; null: the profile's default (sampling.ts). */
  repeats: number | null;
  /** Target relative half-width of main figures' 95% CI (0.07 = ±7%); null: the profile's default. */
  horizon: number | null;
  /** Whole-run time budget for auto-sampling, ms (0: minimum repeats only); null: the profile's default. */
  maxTimeMs: number | null;
  seed: number;
  /** null: <repo>/results. */
  out: string | null;
  json: boolean;
  runtimeFlags: RuntimeFlag[];
  /** null: the profile's default. */
  timeoutMs: number | null;
  pgUrl: string | null;
  report: boolean;
  /** CPU list for taskset (e.g. "1" or "0-1"); null: not pinned. */
  pin: string | null;
  /** Runtime cache for registry specs; null: the XDG cache directory. */
  cacheDir: string | null;
  /** Also write the Markdown export of the run here (for CI); null: not written. */
  exportMarkdown: string | null;
}

export interface ReportArgs {
  command: 'report';
  files: string[];
  out: string | null;
}

export interface ListArgs {
  command: 'list';
  /** Benchmark files and globs whose scenarios to list; empty: the catalogue. */
  files: string[];
  json: boolean;
}

export interface DoctorArgs {
  command: 'doctor';
  pgUrl: string | null;
  runtimeFlags: RuntimeFlag[];
  cacheDir: string | null;
}

/** `asyncbench runtimes`: list the cache, install or remove specs, or clear it. */
export interface RuntimesArgs {
  command: 'runtimes';
  action: 'list' | 'install' | 'rm' | 'clear';
  /** install / rm: the specs named (node@22, bun@1.2.23). */
  specs: RuntimeSpec[];
  cacheDir: string | null;
  json: boolean;
}

export interface CompareArgs {
  command: 'compare';
  /** A results file, or a folder of baseline runs to pool. */
  base: string;
  candidate: string;
  json: boolean;
  /** `slower`: exit 1 when a figure is conclusively slower by more than `threshold`. */
  failOn: 'slower' | null;
  /** Fraction (0.05 for 5%). */
  threshold: number;
  /** Compare cases by id even where their parameters differ (noted in the output). */
  ignoreParams: boolean;
}

export interface ExportArgs {
  command: 'export';
  file: string;
  format: ExportFormat;
  /** github-action-benchmark only: which figures go in the file. */
  direction: GabDirection;
  /** null: stdout. */
  out: string | null;
}

/** The gate's threshold when --threshold is not given: 5%, about the noise of repeated runs here. */
export const DEFAULT_THRESHOLD = 0.05;

export type ParsedArgs =
  | RunArgs
  | ReportArgs
  | ListArgs
  | DoctorArgs
  | CompareArgs
  | RuntimesArgs
  | ExportArgs
  | { command: 'help'; topic: CommandName | null }
  | { command: 'version' };

type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

const RUN_OPTIONS = {
  runtimes: { type: 'string' },
  scenarios: { type: 'string' },
  profile: { type: 'string' },
  repeats: { type: 'string' },
  horizon: { type: 'string' },
  'max-time': { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  runtime: { type: 'string', multiple: true },
  'timeout-ms': { type: 'string' },
  'pg-url': { type: 'string' },
  'no-report': { type: 'boolean' },
  pin: { type: 'string' },
  'cache-dir': { type: 'string' },
  'export-markdown': { type: 'string' },
  param: { type: 'string', multiple: true },
} satisfies Record<string, OptionSpec>;

const OPTIONS: Record<CommandName, Record<string, OptionSpec>> = {
  run: RUN_OPTIONS,
  report: { out: { type: 'string' } },
  list: { json: { type: 'boolean' } },
  doctor: {
    'pg-url': { type: 'string' },
    runtime: { type: 'string', multiple: true },
    'cache-dir': { type: 'string' },
  },
  compare: {
    json: { type: 'boolean' },
    'fail-on': { type: 'string' },
    threshold: { type: 'string' },
    'ignore-params': { type: 'boolean' },
  },
  export: { format: { type: 'string' }, out: { type: 'string' }, direction: { type: 'string' } },
  runtimes: { 'cache-dir': { type: 'string' }, clear: { type: 'boolean' }, json: { type: 'boolean' } },
};

/** Parses the whole argv (without node and script). Throws UsageError. */
export function parseCli(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && rest[0] !== undefined ? asCommand(rest[0]) : null;
    return { command: 'help', topic };
  }
  if (first === '--version' || first === '-v') return { command: 'version' };
  const command = asCommand(first);
  if (rest.includes('--help') || rest.includes('-h')) return { command: 'help', topic: command };
  const { values, positionals } = parseFlags(command, rest);
  switch (command) {
    case 'run':
      return runArgs(values, positionals);
    case 'report':
      return { command, files: positionals, out: str(values.out) };
    case 'list':
      return { command, files: positionals, json: values.json === true };
    case 'doctor':
      noPositionals(command, positionals);
      return {
        command,
        pgUrl: str(values['pg-url']),
        runtimeFlags: runtimeFlags(values.runtime),
        cacheDir: str(values['cache-dir']),
      };
    case 'runtimes':
      return runtimesArgs(values, positionals);
    case 'compare': {
      if (positionals.length !== 2) {
        throw new UsageError(
          `compare needs exactly two results files, or a folder of baseline runs and a file (asyncbench compare a.json b.json), got ${positionals.length}`,
        );
      }
      const failOn = str(values['fail-on']);
      if (failOn !== null && failOn !== 'slower') {
        throw new UsageError(`unknown --fail-on "${failOn}" (choose slower)`);
      }
      const threshold = str(values.threshold);
      if (threshold !== null && failOn === null) {
        throw new UsageError('--threshold applies to --fail-on slower (add --fail-on slower)');
      }
      return {
        command,
        base: positionals[0]!,
        candidate: positionals[1]!,
        json: values.json === true,
        failOn,
        threshold: threshold === null ? DEFAULT_THRESHOLD : parseThreshold(threshold),
        ignoreParams: values['ignore-params'] === true,
      };
    }
    case 'export':
      return exportArgs(values, positionals);
  }
}

/** `5%`, `5` (percent) or `0%`: a fraction in [0, 10]; anything else is a usage error. */
export function parseThreshold(text: string): number {
  const m = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  const percent = m ? Number(m[1]) : Number.NaN;
  if (!Number.isFinite(percent) || percent > 1000) {
    throw new UsageError(`bad --threshold "${text}" (a percentage from 0% to 1000%, e.g. 5%)`);
  }
  return percent / 100;
}

function exportArgs(values: Values, positionals: string[]): ExportArgs {
  if (positionals.length !== 1) {
    throw new UsageError(
      `export needs exactly one results file (asyncbench export run.json --format markdown), got ${positionals.length}`,
    );
  }
  const format = str(values.format);
  if (format === null) throw new UsageError(`export needs --format (choose ${choices(EXPORT_FORMATS)})`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (choose ${choices(EXPORT_FORMATS)})`);
  }
  const direction = str(values.direction) ?? 'bigger';
  if (!(GAB_DIRECTIONS as readonly string[]).includes(direction)) {
    throw new UsageError(`unknown --direction "${direction}" (choose ${choices(GAB_DIRECTIONS)})`);
  }
  if (values.direction !== undefined && format !== 'gab') {
    throw new UsageError('--direction applies to --format gab only');
  }
  return {
    command: 'export',
    file: positionals[0]!,
    format: format as ExportFormat,
    direction: direction as GabDirection,
    out: str(values.out),
  };
}

function asCommand(word: string): CommandName {
  if ((COMMANDS as readonly string[]).includes(word)) return word as CommandName;
  if (word.startsWith('-')) {
    throw new UsageError(`unknown flag "${word}" before a command (choose a command: ${choices(COMMANDS)})`);
  }
  throw new UsageError(`unknown command "${word}" (choose ${choices(COMMANDS)})`);
}

type Values = Record<string, string | boolean | string[] | boolean[] | undefined>;

function parseFlags(command: CommandName, args: string[]): { values: Values; positionals: string[] } {
  const options = OPTIONS[command];
  try {
    const parsed = parseArgs({
      args: joinNegativeValues(args, options),
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: parsed.values as Values, positionals: parsed.positionals };
  } catch (err) {
    throw flagError(command, options, err);
  }
}

/**
 * `--seed -5` -> `--seed=-5`: parseArgs takes a value that starts with a dash for another flag,
 * so a negative number would read as "needs a value". Joined, it reaches the number check, which
 * says what range the flag allows.
 */
function joinNegativeValues(args: readonly string[], options: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const spec = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
    if (spec?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Turns node:util parseArgs errors into one line that names the valid flags. */
function flagError(command: CommandName, options: Record<string, OptionSpec>, err: unknown): UsageError {
  const flags = Object.keys(options).map((k) => `--${k}`);
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    const valid = flags.length > 0 ? choices(flags) : 'none';
    return new UsageError(`unknown flag "${flag}" for ${command} (choose ${valid})`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--[\w-]+)/.exec(message)?.[1] ?? 'a flag';
    const spec = options[flag.replace(/^--/, '')];
    if (spec?.type === 'boolean') return new UsageError(`flag ${flag} takes no value`);
    return new UsageError(`flag ${flag} needs a value`);
  }
  return new UsageError(`${command}: ${message}`);
}

function noPositionals(command: CommandName, positionals: string[]): void {
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}" for ${command} (it takes flags only)`);
  }
}

function str(v: Values[string]): string | null {
  return typeof v === 'string' ? v : null;
}

function runArgs(values: Values, files: string[]): RunArgs {
  const flags = runtimeFlags(values.runtime);
  const profile = parseProfile(str(values.profile) ?? 'default');
  const runtimes = list('--runtimes', str(values.runtimes));
  if (runtimes) {
    const known = [...KNOWN_RUNTIMES, ...flags.map((f) => f.name).filter((n) => !isKnownRuntime(n))];
    for (const name of runtimes) {
      // node@22, bun@1.2: checked here, resolved against the registry before anything runs.
      if (parseRuntimeSpec(name)) continue;
      if (!known.includes(name)) {
        throw new UsageError(
          `unknown runtime "${name}" (choose ${choices(known)}, a version from the npm registry such as node@22 or bun@1.2, or name one with --runtime label=/path)`,
        );
      }
    }
  }
  const seed = str(values.seed);
  const repeats = str(values.repeats);
  const timeout = str(values['timeout-ms']);
  const horizon = str(values.horizon);
  const maxTime = str(values['max-time']);
  return {
    command: 'run',
    files,
    params: paramArgs(values.param),
    runtimes,
    scenarios: list('--scenarios', str(values.scenarios)),
    profile,
    repeats: repeats === null ? null : parseInteger('--repeats', repeats, 1, 1000),
    horizon: horizon === null ? null : horizonArg(horizon),
    maxTimeMs: maxTime === null ? null : maxTimeArg(maxTime),
    seed: seed === null ? DEFAULT_SEED : parseInteger('--seed', seed, 0, 2 ** 32 - 1),
    out: str(values.out),
    json: values.json === true,
    runtimeFlags: flags,
    timeoutMs: timeout === null ? null : parseInteger('--timeout-ms', timeout, 100, 24 * 3600 * 1000),
    pgUrl: str(values['pg-url']),
    report: values['no-report'] !== true,
    pin: pinList(str(values.pin)),
    cacheDir: str(values['cache-dir']),
    exportMarkdown: str(values['export-markdown']),
  };
}

/**
 * `--param name=value` (repeatable), `--param concurrency=1,2,4,8` (a sweep). Names and values are
 * checked against the scenarios once they are listed (param-plan.ts); here only the form: a name,
 * at least one value, each name once, and one swept parameter at most.
 */
function paramArgs(v: Values[string]): ParamArg[] {
  const items = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  const out: ParamArg[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq).trim() : '';
    const values =
      eq > 0
        ? item
            .slice(eq + 1)
            .split(',')
            .map((x) => x.trim())
        : [];
    if (!/^[A-Za-z_$][\w$]*$/.test(name) || values.length === 0 || values.some((x) => x === '')) {
      throw new UsageError(
        `bad --param "${item}" (write name=value, or name=v1,v2,... to sweep it, e.g. --param concurrency=1,2,4,8)`,
      );
    }
    if (out.some((p) => p.name === name)) throw new UsageError(`--param ${name} given twice`);
    if (new Set(values).size !== values.length) throw new UsageError(`--param ${name} lists a value twice`);
    out.push({ name, values });
  }
  const swept = out.filter((p) => p.values.length > 1);
  if (swept.length > 1) {
    throw new UsageError(
      `only one --param can sweep at a time (${swept.map((p) => p.name).join(' and ')} both list several values)`,
    );
  }
  return out;
}

const RUNTIMES_ACTIONS = ['install', 'rm'] as const;

/** `runtimes`, `runtimes --clear`, `runtimes install node@22 ...`, `runtimes rm node@22 ...`. */
function runtimesArgs(values: Values, positionals: string[]): RuntimesArgs {
  const cacheDir = str(values['cache-dir']);
  const json = values.json === true;
  const [action, ...rest] = positionals;
  if (values.clear === true) {
    if (action !== undefined) throw new UsageError(`runtimes --clear takes no argument, got "${action}"`);
    return { command: 'runtimes', action: 'clear', specs: [], cacheDir, json };
  }
  if (action === undefined) return { command: 'runtimes', action: 'list', specs: [], cacheDir, json };
  if (!(RUNTIMES_ACTIONS as readonly string[]).includes(action)) {
    throw new UsageError(
      `unknown runtimes action "${action}" (choose ${choices(RUNTIMES_ACTIONS)}, or --clear)`,
    );
  }
  if (rest.length === 0) throw new UsageError(`runtimes ${action} needs at least one spec such as node@22`);
  const specs = rest.map((text) => {
    const spec = parseRuntimeSpec(text);
    if (!spec)
      throw new UsageError(`runtimes ${action}: "${text}" is not a spec (write kind@version, e.g. node@22)`);
    return spec;
  });
  return { command: 'runtimes', action: action as 'install' | 'rm', specs, cacheDir, json };
}

function horizonArg(text: string): number {
  const h = parseHorizon(text);
  if (h === null)
    throw new UsageError(
      `bad --horizon "${text}" (a percentage above 0% up to 100%, e.g. 10%; a bare number is percent, 1 or more)`,
    );
  return h;
}

function maxTimeArg(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) {
    throw new UsageError(
      `bad --max-time "${text}" (a duration such as 90s, 8m or 1h; 0 runs the minimum repeats only)`,
    );
  }
  return ms;
}

export function parseProfile(text: string): ProfileName {
  if ((PROFILES as readonly string[]).includes(text)) return text as ProfileName;
  throw new UsageError(`unknown profile "${text}" (choose ${choices(PROFILES)})`);
}

/** A whole number in [min, max]; anything else (1.5, 1e3, -1, "", 0x10) is a usage error. */
export function parseInteger(flag: string, text: string, min: number, max: number): number {
  const n = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`bad number for ${flag}: "${text}" (choose a whole number from ${min} to ${max})`);
  }
  return n;
}

/** `a,b , c` -> ['a','b','c'], duplicates dropped; empty -> usage error. */
function list(flag: string, text: string | null): string[] | null {
  if (text === null) return null;
  const items = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  if (items.length === 0) throw new UsageError(`flag ${flag} needs at least one name (comma-separated)`);
  return items;
}

export function isKnownRuntime(name: string): name is (typeof KNOWN_RUNTIMES)[number] {
  return (KNOWN_RUNTIMES as readonly string[]).includes(name);
}

/** `--runtime name=/path` (repeatable): a custom binary for a known runtime, or a new label. */
function runtimeFlags(v: Values[string]): RuntimeFlag[] {
  const items = Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];
  const out: RuntimeFlag[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    const name = eq > 0 ? item.slice(0, eq) : '';
    const path = eq > 0 ? item.slice(eq + 1) : '';
    if (!/^[a-z][a-z0-9._-]*$/.test(name) || path === '') {
      throw new UsageError(
        `bad --runtime "${item}" (write name=/path/to/binary, name lowercase, e.g. deno=/opt/deno or deno-canary=/opt/deno-canary)`,
      );
    }
    if (out.some((f) => f.name === name)) throw new UsageError(`--runtime ${name} given twice`);
    out.push({ name, path });
  }
  return out;
}

/** A taskset CPU list: digits, commas and ranges ("1", "0,2", "0-3"). */
function pinList(value: string | null): string | null {
  if (value === null) return null;
  if (!/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(value)) {
    throw new UsageError(`invalid --pin "${value}" (a CPU list such as 1, 0,2 or 0-3)`);
  }
  return value;
}
