/**
 * What each requirement a scenario can declare means, as data: the words a note uses and, where
 * the environment must provide it, the variable. The CLI skips a scenario whose requirement is
 * unmet with a note built from this and the scenario's own declaration, never from its id.
 */
import type { Requirement } from './schema.ts';

export interface RequirementMeta {
  /** What is needed, in words: `a PostgreSQL URL`. */
  what: string;
  /** The environment variable that must hold it; null when the CLI provides it itself. */
  env: string | null;
  /** How to provide it. */
  hint: string;
}

export const REQUIREMENT_META: Readonly<Record<Requirement, RequirementMeta>> = {
  sqlite: {
    what: 'an embedded SQLite driver',
    env: null,
    hint: 'node:sqlite, bun:sqlite, or a better-sqlite3 the CLI builds for that Node',
  },
  postgres: {
    what: 'a PostgreSQL URL',
    env: 'ASYNCBENCH_PG_URL',
    hint: '--pg-url or ASYNCBENCH_PG_URL; `npm run pg:up` starts a throwaway server',
  },
  files: {
    what: 'a file system',
    env: null,
    hint: 'every runtime but a browser page has one',
  },
  'input-events': {
    what: 'input events from outside the measured thread',
    env: null,
    hint: 'a worker thread on Node, Deno and Bun; real keyboard and mouse input in Chromium',
  },
};

/**
 * The declared requirements that `env` does not meet (an environment variable unset or empty), in
 * words: `needs a PostgreSQL URL (--pg-url or ASYNCBENCH_PG_URL; ...)`; null when all are met.
 */
export function unmetRequirements(
  requires: readonly Requirement[],
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const unmet = requires.map((r) => REQUIREMENT_META[r]).filter((m) => m.env !== null && !env[m.env]);
  if (unmet.length === 0) return null;
  return `needs ${unmet.map((m) => `${m.what} (${m.hint})`).join(' and ')}`;
}
