/** Helper thread for Platform.blockingGet: receives the shared buffer once, then one URL per GET. */
import { answerGet } from '@asyncbench/harness/adapter-kit';

/** Bun's own typing for a Web Worker's global scope (bun-types recommends this declaration). */
declare var self: Worker;

let sab: SharedArrayBuffer | undefined;
self.onmessage = (event: MessageEvent<SharedArrayBuffer | string>) => {
  if (typeof event.data === 'string') void answerGet(sab!, event.data);
  else sab = event.data;
};
