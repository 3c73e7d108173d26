/** Internal helpers for AbortSignal plumbing shared by the primitives. Not exported. */
import { CancelledError } from './errors.ts';

/** The reason a signal was aborted with, or a CancelledError when it carries none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new CancelledError();
}

/** Throws the signal's reason when it has already been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/**
 * Calls fn once when signal aborts. Returns a function that removes the listener; call it when
 * the wait ends another way, so long-lived signals do not collect listeners.
 */
export function onAbort(signal: AbortSignal | undefined, fn: (reason: unknown) => void): () => void {
  if (!signal) return noop;
  const listener = () => fn(abortReason(signal));
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

function noop(): void {}
