import { type Params, PROFILES, type ProfileName } from './scenario.ts';

/** What an adapter was asked to do, parsed from its command line. */
export type AdapterRequest =
  | { kind: 'list' }
  | {
      kind: 'run';
      /** Scenario ids in the order given; null when --scenarios was not given (run all visible ones). */
      scenarios: string[] | null;
      profile: ProfileName;
      seed: number;
      /** Parameter values replacing the profile's (`--params '{"concurrency":8}'`); null: none. */
      params: Params | null;
      /** `--cases id,id`: only these cases of the one scenario named run; null: all of them. */
      cases: string[] | null;
      /**
       * `--micro-alone`: a micro case runs only when nothing was measured before it in this process;
       * the others are named in the `done` line (`deferred`) for the caller to run one per process.
       */
      microAlone: boolean;
    };

/** Seed used when --seed is not given, so two runs without flags see the same inputs. */
export const DEFAULT_SEED = 1;

/** Thrown for a malformed command line; the message is one line meant for the user. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses `--scenarios id,id --profile quick|default|full --seed N --params JSON --cases id,id
 * --micro-alone` (also `--flag=value`) and `--list`. Throws UsageError on unknown flags, missing
 * values, an unknown profile, a seed that is not an integer in 0..2^32-1, params that are not a
 * JSON object of finite numbers, strings and booleans, or --cases without exactly one scenario.
 */
export function parseAdapterArgs(argv: readonly string[]): AdapterRequest {
  let list = false;
  let scenarios: string[] | null = null;
  let profile: ProfileName = 'default';
  let seed = DEFAULT_SEED;
  let params: Params | null = null;
  let cases: string[] | null = null;
  let microAlone = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--list':
        if (inline !== undefined) throw new UsageError('--list takes no value');
        list = true;
        break;
      case '--scenarios':
        scenarios = addIds(flag, scenarios, value());
        break;
      case '--profile': {
        const p = value();
        if (!(PROFILES as readonly string[]).includes(p)) {
          throw new UsageError(`unknown profile "${p}" (expected ${PROFILES.join(', ')})`);
        }
        profile = p as ProfileName;
        break;
      }
      case '--seed': {
        const s = value();
        const n = Number(s);
        if (!/^\d+$/.test(s) || !Number.isSafeInteger(n) || n > 0xffffffff) {
          throw new UsageError(`--seed must be an integer from 0 to 4294967295, got "${s}"`);
        }
        seed = n;
        break;
      }
      case '--params':
        params = parseParamsJson(value());
        break;
      case '--cases':
        cases = addIds(flag, cases, value());
        break;
      case '--micro-alone':
        if (inline !== undefined) throw new UsageError('--micro-alone takes no value');
        microAlone = true;
        break;
      default:
        throw new UsageError(
          `unknown argument "${arg}" (expected --scenarios, --profile, --seed, --params, --cases, --micro-alone or --list)`,
        );
    }
  }
  if (list) return { kind: 'list' };
  // Case ids belong to one scenario: with several, an id could name a case in each.
  if (cases && scenarios?.length !== 1)
    throw new UsageError('--cases needs exactly one scenario in --scenarios');
  return { kind: 'run', scenarios, profile, seed, params, cases, microAlone };
}

/** The ids so far plus those of a comma-separated value, each once; throws when it names none. */
function addIds(flag: string, ids: string[] | null, text: string): string[] {
  const more = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (more.length === 0) throw new UsageError(`${flag} needs at least one id`);
  return [...new Set([...(ids ?? []), ...more])];
}

function parseParamsJson(text: string): Params {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--params must be a JSON object, got ${JSON.stringify(text.slice(0, 60))}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError('--params must be a JSON object of parameter values');
  }
  for (const [name, v] of Object.entries(parsed)) {
    const ok =
      typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
    if (!ok) throw new UsageError(`--params: ${name} must be a finite number, a string or a boolean`);
  }
  return parsed as Params;
}
