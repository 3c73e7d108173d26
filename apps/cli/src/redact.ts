/**
 * Keeps the PostgreSQL password out of everything printed or stored: reasons, stderr tails, notes.
 */

/** `postgres://u:secret@h:5432/db` -> `postgres://u:***@h:5432/db`; text without a URL is unchanged. */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]*@/gi, '$1***@');
}

/** A redactor that also removes the literal password of `url`, wherever it shows up. */
export function makeRedactor(url: string | null): (text: string) => string {
  let secret: string | null = null;
  if (url) {
    try {
      const u = new URL(url);
      secret = u.password ? decodeURIComponent(u.password) : null;
    } catch {
      secret = null;
    }
  }
  return (text) => {
    let out = redactUrls(text);
    if (secret && secret.length >= 3) out = out.split(secret).join('***');
    return out;
  };
}

/** host:port of a PostgreSQL URL (default port 5432), never the credentials; null if unparseable. */
export function pgHostPort(url: string): { host: string; port: number } | null {
  try {
    const u = new URL(url);
    if (!u.hostname) return null;
    return { host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port ? Number(u.port) : 5432 };
  } catch {
    return null;
  }
}
