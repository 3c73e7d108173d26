/**
 * Connecting to PostgreSQL for `db-pg` with the pure-JS `postgres` driver (runs on Node, Deno and Bun),
 * and turning connection failures into one line naming host:port. The URL holds a password: it never
 * goes into a message, a param or a label.
 */
import type postgres from 'postgres';

export type Sql = postgres.Sql;

/** host:port of a PostgreSQL URL, for messages; throws a message without the URL when it does not parse. */
export function pgTarget(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('ASYNCBENCH_PG_URL is not a valid URL (expected postgres://user:password@host:port/db)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`ASYNCBENCH_PG_URL must start with postgres://, not ${parsed.protocol}//`);
  }
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
}

/** Removes the URL's password (and the URL itself) from a driver message, whatever the driver put in it. */
export function scrub(message: string, url: string): string {
  let out = message.split(url).join('<ASYNCBENCH_PG_URL>');
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) out = out.split(password).join('***');
  } catch {
    // Not a URL: nothing more to hide than the string itself.
  }
  return out;
}

/** The driver's error in one line: `PostgreSQL at host:port: <code> <message>`, password-free. */
export function describePgError(error: unknown, url: string): Error {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(error);
  const text = code && !message.includes(code) ? `${code} ${message}` : message;
  return new Error(`PostgreSQL at ${pgTarget(url)}: ${scrub(text, url)}`);
}

/**
 * A pool of at most `max` connections. Notices (e.g. from DROP TABLE IF EXISTS) are dropped: the
 * driver would otherwise print them on stdout, which carries the adapter's JSON lines. The driver
 * is imported here, on first use, not when the catalogue loads: its modules use Node's Buffer as
 * they load, and the same scenarios.js must load in a browser page, where db-pg is skipped.
 */
export async function connect(url: string, max: number): Promise<Sql> {
  pgTarget(url);
  const { default: postgres } = await import('postgres');
  return postgres(url, {
    max,
    connect_timeout: 5,
    idle_timeout: 0,
    onnotice: () => {},
  });
}

/** Opens every connection of the pool now (setup), so connecting is not timed as the first queries. */
export async function warmUp(sql: Sql, max: number, url: string): Promise<void> {
  try {
    const opened: Promise<unknown>[] = [];
    for (let i = 0; i < max; i++) opened.push(sql`SELECT 1`);
    await Promise.all(opened);
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw describePgError(error, url);
  }
}
