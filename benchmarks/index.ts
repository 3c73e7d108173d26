/**
 * The asyncbench scenario catalogue: every scenario, visible and hidden, in the order a report
 * shows them. Ids are stable: they name scenarios on the command line and in results files.
 */
import type { Scenario } from '@asyncbench/harness';
import { errors } from './errors.ts';
import { faultCrash, faultGarbage, faultHang, faults, faultThrow } from './faults.ts';
import { files } from './files.ts';
import { http } from './http.ts';
import { queue } from './queue.ts';
import { tasks } from './tasks.ts';
import { timers } from './timers.ts';

export { errors, faultCrash, faultGarbage, faultHang, faultThrow, files, http, queue, tasks, timers };

export const catalogue: readonly Scenario[] = [
  timers,
  tasks,
  queue,
  errors,
  files,
  http,
  // db family (benchmarks/db.ts, its own engineer): add its scenarios here and export them above.
  ...faults,
];
