/**
 * Series and palette: who gets a bar (or a line) in every chart. A series is one runtime in one
 * shown run: with one machine that is simply the runtime; with several, host × runtime; with two
 * runs of one machine, runtime × run. One hue per runtime in every chart and every report
 * (Okabe-Ito, colour-blind safe); a runtime's other series are paler shades of its hue.
 */
import { byRuntimeOrder, type RunFile, runtimeLabel } from '@asyncbench/results';
import type { Machine } from './machines.ts';

export interface Series {
  runtime: string;
  /** Index into the runs given. */
  runIndex: number;
  machine: Machine;
  /** `node 20.20.2`, plus the host (several machines) or the run (two runs of one machine). */
  label: string;
  /** Index into the Okabe-Ito palette (CSS variables --c0..--c7): one hue per runtime. */
  colour: number;
  /** Fill opacity, 0..1: a runtime's series other than its last are paler, so bars stay apart. */
  shade: number;
}

/** Fixed Okabe-Ito slots per runtime, so node is the same colour in every chart and every report. */
const RUNTIME_COLOUR: Record<string, number> = { node: 2, deno: 1, bun: 0 };
/** Slots the fixed runtimes leave for any other (a registry version label, chromium, a canary). */
const FREE_COLOURS = [3, 4, 5, 6, 7];

/** Every runtime a run names: those it resolved and those with entries. */
export function runtimesOf(run: RunFile): string[] {
  return [...new Set([...run.runtimes.map((r) => r.name), ...run.entries.map((e) => e.runtime)])];
}

/**
 * The series of the shown runs (machines.ts' shownRunIndexes), ordered by runtime (node, deno,
 * bun, others), then machine, then run date, so each runtime's bars stand side by side.
 */
export function buildSeries(
  runs: readonly RunFile[],
  machines: readonly Machine[],
  shown: readonly number[],
  runLabels: readonly string[],
): Series[] {
  const series: Series[] = [];
  for (const machine of machines) {
    const ofMachine = shown.filter((i) => machine.runIndexes.includes(i));
    for (const runIndex of ofMachine) {
      const run = runs[runIndex]!;
      const which = ofMachine.length > 1 ? runLabels[runIndex] : machines.length > 1 ? machine.label : null;
      for (const runtime of runtimesOf(run)) {
        const base = runtimeLabel(run, runtime);
        series.push({
          runtime,
          runIndex,
          machine,
          label: which ? `${base} · ${which}` : base,
          colour: 0,
          shade: 1,
        });
      }
    }
  }
  const order = (s: Series) => machines.indexOf(s.machine) * 1e6 + s.machine.runIndexes.indexOf(s.runIndex);
  series.sort((a, b) => byRuntimeOrder(a.runtime, b.runtime) || order(a) - order(b));
  const others = [...new Set(series.map((s) => s.runtime).filter((r) => !(r in RUNTIME_COLOUR)))];
  for (const s of series) {
    s.colour = RUNTIME_COLOUR[s.runtime] ?? FREE_COLOURS[others.indexOf(s.runtime) % FREE_COLOURS.length]!;
    const same = series.filter((o) => o.runtime === s.runtime);
    const i = same.indexOf(s);
    s.shade = same.length > 1 ? 0.35 + (0.65 * i) / (same.length - 1) : 1;
  }
  return series;
}
