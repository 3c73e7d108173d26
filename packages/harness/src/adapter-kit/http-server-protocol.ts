/** What every adapter's HTTP worker answers: `GET /?delay=<ms>` -> 200 and BODY after ms. */

/** 64 bytes, fixed, so byte counts are comparable across runtimes. */
export const BODY = `${'asyncbench'.padEnd(63, '.')}\n`;

/** The requested delay in ms (0 when absent or not a finite non-negative number). */
export function delayOf(url: string): number {
  const value = Number(new URL(url, 'http://127.0.0.1').searchParams.get('delay') ?? 0);
  return Number.isFinite(value) && value > 0 ? value : 0;
}
