/**
 * HttpSession — an aiohttp.ClientSession-shaped client on the global fetch: a base URL, default
 * headers, at most `concurrency` requests in flight, per-request timeouts, and close().
 */
import { abortReason, onAbort } from './abort.ts';
import { CancelledError, InvalidStateError, TimeoutError } from './errors.ts';
import { type Limiter, limit } from './limit.ts';

/** Options of an HttpSession. */
export interface HttpSessionOptions {
  /** Relative request URLs resolve against it (as `new URL(url, baseUrl)`). */
  baseUrl?: string | URL;
  /** Most requests in flight at once; the rest wait in arrival order. Default 100 (aiohttp's default). */
  concurrency?: number;
  /** Default per-request deadline in ms, counted from the call (so it includes waiting for a slot). */
  timeoutMs?: number;
  /** Headers sent with every request; per-request headers override them. */
  headers?: HeadersInit;
}

/** Options of one request. */
export interface RequestOptions {
  /** Request body, as fetch takes it. */
  body?: BodyInit | null;
  /** Extra headers, overriding the session's. */
  headers?: HeadersInit;
  /** Aborting it abandons the request; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Deadline for this request in ms (overrides the session's); it rejects with TimeoutError. */
  timeoutMs?: number;
}

/** A response with a non-2xx status. Its body has been cancelled, so the connection is not leaked. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  /** HTTP status code, e.g. 404. */
  readonly status: number;
  /** HTTP status text, e.g. "Not Found" (may be empty, as HTTP/2 has none). */
  readonly statusText: string;
  /** The URL that answered (after redirects). */
  readonly url: string;

  constructor(status: number, statusText: string, url: string, options?: ErrorOptions) {
    super(`HTTP ${status}${statusText ? ` ${statusText}` : ''} from ${url}`, options);
    this.status = status;
    this.statusText = statusText;
    this.url = url;
  }
}

const DEFAULT_CONCURRENCY = 100;

function readNothing(res: Response): Response {
  return res;
}

function readText(res: Response): Promise<string> {
  return res.text();
}

function readJson(res: Response): Promise<unknown> {
  return res.json();
}

/**
 * A reusable HTTP client. request() resolves with the Response once its headers arrived (body
 * unread; the slot, timeout and close() cover the request up to that point); text() and json()
 * cover the whole exchange including the body. Non-2xx answers reject with HttpError.
 *
 * @example
 * const session = new HttpSession({ baseUrl: 'https://api.example.com/', concurrency: 10, timeoutMs: 5000 });
 * const user = await session.json<User>('users/1');
 * session.close();
 */
export class HttpSession {
  readonly #baseUrl: string | URL | undefined;
  readonly #timeoutMs: number | undefined;
  readonly #headers: Headers;
  readonly #slots: Limiter;
  // The controllers of requests in flight or waiting, aborted by close(). A set rather than one
  // shared signal with a listener per request: Node warns (MaxListenersExceededWarning) past ten
  // listeners on one AbortSignal, and a session routinely has more requests than that.
  readonly #open = new Set<AbortController>();
  #closed = false;

  constructor(options: HttpSessionOptions = {}) {
    this.#baseUrl = options.baseUrl;
    this.#timeoutMs = options.timeoutMs;
    this.#headers = new Headers(options.headers);
    this.#slots = limit(options.concurrency ?? DEFAULT_CONCURRENCY);
  }

  /** True after close(). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Requests currently in flight (holding a slot). */
  get activeCount(): number {
    return this.#slots.activeCount;
  }

  /** Sends a request and resolves with its Response (2xx only), body unread. */
  request(method: string, url: string | URL, options: RequestOptions = {}): Promise<Response> {
    return this.#send(method, url, options, readNothing);
  }

  /** GET, resolving with the Response (2xx only), body unread. */
  get(url: string | URL, options: RequestOptions = {}): Promise<Response> {
    return this.#send('GET', url, options, readNothing);
  }

  /** GET and read the body as text. */
  text(url: string | URL, options: RequestOptions = {}): Promise<string> {
    return this.#send('GET', url, options, readText);
  }

  /** GET and parse the body as JSON (the type parameter is trusted, not checked). */
  json<T = unknown>(url: string | URL, options: RequestOptions = {}): Promise<T> {
    return this.#send('GET', url, options, readJson) as Promise<T>;
  }

  /**
   * Aborts every request in flight or waiting (they reject with CancelledError); later requests
   * reject with InvalidStateError. Requests waiting for a slot reject at once; requests in flight
   * reject when the runtime's fetch reports the abort, which Node does at once but Deno and Bun do
   * a macrotask later. So attach a handler to every request's promise when you make it (e.g.
   * Promise.allSettled), not only after awaiting an earlier one, or the runtime may report a
   * waiting request's rejection as unhandled.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    const reason = new CancelledError('HttpSession closed');
    for (const controller of this.#open) controller.abort(reason);
    this.#open.clear();
  }

  async #send<R>(
    method: string,
    url: string | URL,
    options: RequestOptions,
    read: (res: Response) => R | Promise<R>,
  ): Promise<R> {
    if (this.closed) throw new InvalidStateError('HttpSession is closed');
    if (options.signal?.aborted) throw abortReason(options.signal);
    const href = this.#baseUrl === undefined ? String(url) : new URL(url, this.#baseUrl).href;
    // One controller per request merges the caller's signal, close() and the deadline.
    const controller = new AbortController();
    const signal = controller.signal;
    const abort = (reason: unknown) => controller.abort(reason);
    this.#open.add(controller);
    const detachCaller = onAbort(options.signal, abort);
    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => abort(new TimeoutError(`${method} ${href} timed out after ${timeoutMs} ms`)),
            timeoutMs,
          );
    try {
      return await this.#slots(() => this.#exchange(method, href, options, signal, read), { signal });
    } catch (err) {
      // fetch and body readers may wrap or replace the abort reason; report the reason itself.
      if (signal.aborted) throw signal.reason;
      throw err;
    } finally {
      clearTimeout(timer);
      this.#open.delete(controller);
      detachCaller();
    }
  }

  async #exchange<R>(
    method: string,
    href: string,
    options: RequestOptions,
    signal: AbortSignal,
    read: (res: Response) => R | Promise<R>,
  ): Promise<R> {
    const headers = new Headers(this.#headers);
    if (options.headers) {
      for (const [key, value] of new Headers(options.headers)) headers.set(key, value);
    }
    const res = await fetch(href, { method, headers, body: options.body ?? null, signal });
    if (!res.ok) {
      // Cancel the unread body so the runtime can release the connection.
      await res.body?.cancel().catch(() => {});
      throw new HttpError(res.status, res.statusText, res.url || href);
    }
    return read(res);
  }
}
