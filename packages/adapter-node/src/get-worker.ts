/** Helper thread for Platform.blockingGet: receives the shared buffer once, then one URL per GET. */
import { parentPort } from 'node:worker_threads';
import { answerGet } from '@asyncbench/harness/adapter-kit';

let sab: SharedArrayBuffer | undefined;
parentPort!.on('message', (message: SharedArrayBuffer | string) => {
  if (typeof message === 'string') void answerGet(sab!, message);
  else sab = message;
});
