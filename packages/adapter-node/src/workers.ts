import { Worker } from 'node:worker_threads';

/**
 * Starts one of the bundled worker entries. dist/main.js finds them beside itself; from source (tests)
 * Node 20 cannot run .ts in a worker, so the built copies in ../dist are used (vitest's globalSetup
 * builds them first).
 */
export function startWorker(name: 'http-worker' | 'get-worker' | 'sqlite-worker' | 'input-worker'): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  return new Worker(new URL(fromSource ? `../dist/${name}.js` : `./${name}.js`, import.meta.url));
}

/** Waits for the first message from a worker; keeps the process alive meanwhile. */
export function nextMessage<T>(worker: Worker): Promise<T> {
  worker.ref();
  return new Promise<T>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: T) => {
      worker.off('error', onError);
      worker.unref();
      resolve(message);
    });
  });
}
