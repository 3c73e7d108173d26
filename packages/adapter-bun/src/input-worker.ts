/** Helper thread for Platform.startInputEvents (a Web Worker): posts one input event every interval. */
import { answerInputRequestsInWorker } from '@asyncbench/harness/adapter-kit';

answerInputRequestsInWorker(self);
