/**
 * The blocking GET protocol: the main thread posts a URL to a helper worker and Atomics.wait()s on a
 * SharedArrayBuffer; the worker fetches, writes status / byte count (or an error message) into it
 * and Atomics.notify()s. Runtime-neutral: each adapter supplies only how the worker is started and
 * how its messages arrive.
 */

const STATE = 0; // 0 pending, 1 done, 2 failed
const STATUS = 1;
const BYTES = 2;
const MESSAGE_LENGTH = 3;
const HEADER_BYTES = 16;
const MESSAGE_BYTES = 1024;
/** Generous: a unit is a server delay of at most seconds; never hang a run forever. */
const TIMEOUT_MS = 120_000;

export function createGetBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER_BYTES + MESSAGE_BYTES);
}

/** Worker side: performs one GET and wakes the waiting thread. */
export async function answerGet(sab: SharedArrayBuffer, url: string): Promise<void> {
  const control = new Int32Array(sab, 0, 4);
  try {
    const response = await fetch(url);
    const body = await response.arrayBuffer();
    Atomics.store(control, STATUS, response.status);
    Atomics.store(control, BYTES, body.byteLength);
    Atomics.store(control, STATE, 1);
  } catch (error) {
    const encoded = new TextEncoder().encode(String(error)).slice(0, MESSAGE_BYTES);
    new Uint8Array(sab, HEADER_BYTES, MESSAGE_BYTES).set(encoded);
    Atomics.store(control, MESSAGE_LENGTH, encoded.length);
    Atomics.store(control, STATE, 2);
  }
  Atomics.notify(control, STATE);
}

/** Main side: a blocking GET over a worker that `post(url)` reaches (the worker already holds sab). */
export function blockingGetVia(
  sab: SharedArrayBuffer,
  post: (url: string) => void,
  url: string,
): { status: number; bytes: number } {
  const control = new Int32Array(sab, 0, 4);
  Atomics.store(control, STATE, 0);
  post(url);
  const deadline = performance.now() + TIMEOUT_MS;
  while (Atomics.load(control, STATE) === 0) {
    const left = deadline - performance.now();
    if (left <= 0) throw new Error(`blockingGet ${url}: no answer within ${TIMEOUT_MS} ms`);
    Atomics.wait(control, STATE, 0, left);
  }
  if (Atomics.load(control, STATE) === 2) {
    const length = Atomics.load(control, MESSAGE_LENGTH);
    const message = new TextDecoder().decode(new Uint8Array(sab, HEADER_BYTES, length).slice());
    throw new Error(`blockingGet ${url}: ${message}`);
  }
  return { status: Atomics.load(control, STATUS), bytes: Atomics.load(control, BYTES) };
}

/** What blockingGet needs of its helper worker, whatever the runtime's Worker looks like. */
export interface GetWorker {
  postMessage(message: SharedArrayBuffer | string): void;
}

/**
 * Platform.blockingGet over a helper worker that `start` launches on first use and that is reused
 * afterwards: the worker gets the shared buffer once, then one URL per GET (see answerGet).
 */
export function lazyBlockingGet(start: () => GetWorker): (url: string) => { status: number; bytes: number } {
  let helper: { worker: GetWorker; sab: SharedArrayBuffer } | undefined;
  return (url) => {
    if (!helper) {
      const worker = start();
      const sab = createGetBuffer();
      worker.postMessage(sab);
      helper = { worker, sab };
    }
    const { worker, sab } = helper;
    return blockingGetVia(sab, (target) => worker.postMessage(target), url);
  };
}
