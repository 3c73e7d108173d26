/**
 * Test support shared with the CLI and the report (`@asyncbench/results/testing`, test-only): the
 * real-run fixtures (written by scripts/make-fixtures.mjs from a real `asyncbench run`, never by
 * hand) and small helpers to derive other runs from them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spreadOf } from '../src/aggregate.ts';
import { FIGURE_META } from '../src/figures.ts';
import type { FigureName, RunFile } from '../src/schema.ts';
import { validateRunFile } from '../src/validate.ts';

const runs = join(dirname(fileURLToPath(import.meta.url)), 'runs');

/** A real quick run (node, deno, bun; timers, tasks, http, files, db-pg skipped), 3 repeats. */
export const REAL_RUN_PATH = join(runs, 'quick.json');
/** A real sweep: timers with --param concurrency=1,2,4,8,16,32 on node, deno, bun; 2 repeats. */
export const SWEEP_RUN_PATH = join(runs, 'sweep.json');
/** A real quick run of responsiveness on node, deno, bun and chromium, 2 repeats (input delay figures). */
export const RESPONSIVENESS_RUN_PATH = join(runs, 'responsiveness.json');
/** A real quick run of the micro scenarios tasks, queue and errors on node, deno, bun; 2 repeats. */
export const MICRO_RUN_PATH = join(runs, 'micro.json');
/**
 * A real quick run of scripts/dce/work-check.bench.ts on node, deno, bun, 2 repeats: ops whose
 * work nobody observes, a cost paid once per turn, and kept work (the dead-code check's known truth).
 */
export const WORK_CHECK_RUN_PATH = join(runs, 'work-check.json');
/** A real run written by asyncbench before schemaVersion 2 (node; timers, tasks, http; 2 repeats). */
export const V1_RUN_PATH = join(runs, 'v1-node.json');

/** The parsed file, unvalidated (for tests that corrupt it). */
export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The real quick run, validated; a fresh copy each call. */
export function realRun(): RunFile {
  return validateRunFile(readJson(REAL_RUN_PATH), REAL_RUN_PATH);
}

/** The real sweep run, validated; a fresh copy each call. */
export function sweepRun(): RunFile {
  return validateRunFile(readJson(SWEEP_RUN_PATH), SWEEP_RUN_PATH);
}

/** The real responsiveness run, validated; a fresh copy each call. */
export function realResponsivenessRun(): RunFile {
  return validateRunFile(readJson(RESPONSIVENESS_RUN_PATH), RESPONSIVENESS_RUN_PATH);
}

/** The real micro run, validated; a fresh copy each call. */
export function microRun(): RunFile {
  return validateRunFile(readJson(MICRO_RUN_PATH), MICRO_RUN_PATH);
}

/** The real work-check run, validated; a fresh copy each call. */
export function workCheckRun(): RunFile {
  return validateRunFile(readJson(WORK_CHECK_RUN_PATH), WORK_CHECK_RUN_PATH);
}

/**
 * A copy of run in which every repeat of every figure is `factor` times slower: rates divided by
 * it, times multiplied (efficiency, a rate against the ideal, divided; rme left alone). Used to
 * test the comparison and the gate against a known change on real data.
 */
export function slowedDown(run: RunFile, factor: number): RunFile {
  const copy = structuredClone(run);
  for (const entry of copy.entries) {
    for (const c of entry.cases) {
      for (const [name, spread] of Object.entries(c.figures) as [FigureName, { values: number[] }][]) {
        if (!FIGURE_META[name].compared) continue;
        const scale = FIGURE_META[name].higherIsBetter ? 1 / factor : factor;
        c.figures[name] = spreadOf(spread.values.map((v) => v * scale));
      }
    }
  }
  return copy;
}
