/** Helper thread for Platform.startInputEvents: posts one input event every interval between start and stop. */
import { parentPort } from 'node:worker_threads';
import { answerInputRequests, type InputRequest } from '@asyncbench/harness/adapter-kit';

answerInputRequests(
  (message) => parentPort!.postMessage(message),
  (onRequest) => parentPort!.on('message', (request: InputRequest) => onRequest(request)),
);
