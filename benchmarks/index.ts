/**
 * The asyncbench scenario catalogue: every scenario, visible and hidden, in the order a report
 * shows them. Ids are stable: they name scenarios on the command line and in results files.
 */
import type { Scenario } from '@asyncbench/harness';
import { db } from './db.ts';
import { dbPg } from './db-pg.ts';
import { errors } from './errors.ts';
import { faultCrash, faultGarbage, faultHang, faults, faultThrow } from './faults.ts';
import { files } from './files.ts';
import { http, httpRaw } from './http.ts';
import { queue } from './queue.ts';
import { responsiveness } from './responsiveness.ts';
import { tasks } from './tasks.ts';
import { timers } from './timers.ts';

export {
  db,
  dbPg,
  errors,
  faultCrash,
  faultGarbage,
  faultHang,
  faultThrow,
  files,
  http,
  httpRaw,
  queue,
  responsiveness,
  tasks,
  timers,
};

export const catalogue: readonly Scenario[] = [
  timers,
  tasks,
  queue,
  errors,
  responsiveness,
  files,
  http,
  httpRaw,
  db,
  // Needs ASYNCBENCH_PG_URL (--pg-url); without it db-pg has no cases, so it is skipped.
  dbPg,
  ...faults,
];
