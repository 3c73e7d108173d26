/** What every adapter's HTTP worker answers: `GET /?delay=<ms>` -> 200 and BODY after ms. */

/** 64 bytes, fixed, so byte counts are comparable across runtimes. */
export const BODY = `${'asyncbench'.padEnd(63, '.')}\n`;

/**
 * The requested delay in ms: the number after the first `delay=` in the URL, 0 when absent, not
 * a number, or not positive. Read by hand rather than with `new URL(...).searchParams`: the
 * server runs beside the client on a 2-core machine, so its cost per request lowers the client's
 * raw rate, and parsing a URL object per request was a measurable part of it (issue 9).
 */
export function delayOf(url: string): number {
  const at = url.indexOf('delay=');
  if (at < 0) return 0;
  const value = Number.parseFloat(url.slice(at + 'delay='.length));
  return Number.isFinite(value) && value > 0 ? value : 0;
}
