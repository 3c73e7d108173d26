/**
 * Input delay, for a scenario whose cases were measured with input events arriving (by the data:
 * cases carrying input figures, e.g. responsiveness): how to read it, per runtime the newest run's
 * worst blocking p99 against its best yielding or concurrent one, and one chart of every case's
 * input delay p99 per runtime on a log axis (a blocked thread's 200 ms beside a yielding one's
 * 0.1 ms), with the percentiles, the share of events handled during the work and the work's own
 * throughput in the table beneath: the trade-off on one row.
 */
import { type CaseAggregate, caseLabel, formatFigure, formatNumber, formatRatio } from '@asyncbench/results';
import type { ReportContext, ScenarioContext } from '../context.ts';
import { type CaseInfo, findEntry } from '../lookup.ts';
import type { ReportPart } from '../parts.ts';
import { dash, mainFigureNum, num } from '../text.ts';
import type { Block, ChartView } from '../view.ts';
import { barChart, datasetsFor, modeCaseAxisLabel, modeCaseLabel, rowsFor } from './bars.ts';

/** How to read input delay: the same words wherever a scenario's cases carry input figures. */
export const INPUT_READING: readonly string[] = [
  'Input delay is how long an input event waited for the thread: from the moment it was sent (a worker thread’s message on Node, Deno and Bun; a real keyboard or mouse event, stamped by the browser, in Chromium) to the moment the thread ran its handler. Events arrive at a steady rate whatever the thread does, so a busy thread cannot hide its backlog: an event that waited for the work to end counts with its whole wait.',
  'A blocking case holds every event until it is done: its p99 is about the length of the block, and none of the events sent during the work is handled before it ends. Awaited sleeps, sleeps in flight together, and a CPU job cut into ~1 ms slices that yield between them answer within a slice: p99 drops by orders of magnitude (hence the log axis) and nearly every event is handled during the work. Compare the throughput column: each yield is a trip through the event loop (setTimeout(0) is clamped to 1 ms on Node and Bun, to 4 ms in a browser), so yielding costs the work some throughput, the price of responsiveness. How soon a yield lets input in differs by runtime and method; a yielder a runtime lacks has no bar.',
];

const p99 = (c: CaseAggregate) => c.figures.inputP99Ms?.median ?? null;

/** The workload cases some series measured with input events; [] for every other scenario. */
export function inputCases(ctx: ReportContext, scenario: ScenarioContext): CaseInfo[] {
  return scenario.workload.filter((c) =>
    scenario.series.some((s) => ctx.lookup(s, scenario.id, c.id).aggregate?.figures.inputP99Ms),
  );
}

/** Per series of a newest run: its worst blocking input p99 against its best non-blocking one. */
export function inputLines(ctx: ReportContext, scenario: ScenarioContext): { lead: string; text: string }[] {
  const lines: { lead: string; text: string }[] = [];
  for (const s of scenario.series) {
    if (!ctx.newest.includes(s.runIndex)) continue;
    const entry = findEntry(ctx.runs[s.runIndex]!, s.runtime, scenario.id);
    const measured = (entry?.status === 'skipped' ? [] : (entry?.cases ?? [])).filter((c) => p99(c) !== null);
    const blocking = measured.filter((c) => c.mode === 'blocking');
    const others = measured.filter((c) => c.mode !== 'blocking');
    if (blocking.length === 0 || others.length === 0) continue;
    const worst = blocking.reduce((a, b) => (p99(b)! > p99(a)! ? b : a));
    const best = others.reduce((a, b) => (p99(b)! < p99(a)! ? b : a));
    const ms = (c: CaseAggregate) => `${formatNumber(p99(c))} ms (${caseLabel(c)})`;
    lines.push({
      lead: s.label,
      text: `input delay p99 ${ms(worst)} blocking, against ${ms(best)}: ${formatRatio(p99(worst)! / p99(best)!)} longer`,
    });
  }
  return lines;
}

export function inputDelayChart(
  ctx: ReportContext,
  scenario: ScenarioContext,
  cases: readonly CaseInfo[],
): ChartView {
  const title = `${scenario.label}: input delay (p99)`;
  return barChart({
    id: `${scenario.anchor}-input-delay`,
    title,
    titleLines: [scenario.label, 'input delay (p99)'],
    summary: `Bar chart of the 99th percentile of input delay in milliseconds for every case of ${scenario.label}, blocking, then sequential, then concurrent, one bar per runtime, on a logarithmic scale, lower is better. p50, p90, max, the share of events handled during the work and the work's throughput are in the table below.`,
    xTitle: 'mode: case',
    yTitle: 'input delay p99, ms (log scale), lower is better',
    labels: cases.map(modeCaseAxisLabel),
    datasets: datasetsFor(ctx, scenario, cases, 'inputP99Ms'),
    logScale: true,
    table: {
      caption: `${title}: medians over repeats (ms), the share of events handled before the work ended, and the work's throughput`,
      rowHeading: 'Mode: case · runtime',
      columns: [
        'p50 (ms)',
        'p90 (ms)',
        'p99 (ms)',
        'max (ms)',
        'Handled during the work',
        `Throughput (${scenario.unit.plural}/s)`,
        'Status',
      ],
      rows: rowsFor(
        ctx,
        scenario,
        cases,
        (a) => {
          const handled = a.figures.inputHandledPct?.median;
          return [
            num(a.figures.inputP50Ms?.median),
            num(a.figures.inputP90Ms?.median),
            num(a.figures.inputP99Ms?.median),
            num(a.figures.inputMaxMs?.median),
            handled === undefined ? dash : { text: formatFigure('inputHandledPct', handled), value: handled },
            mainFigureNum(a, a.figures.throughput?.median),
          ];
        },
        6,
        modeCaseLabel,
      ),
    },
  });
}

export const inputDelayPart: ReportPart = {
  id: 'input-delay',
  scenario(ctx, scenario) {
    const cases = inputCases(ctx, scenario);
    if (cases.length === 0) return [];
    const lines = inputLines(ctx, scenario);
    const blocks: Block[] = [
      { kind: 'heading', text: 'Input delay: how long input waited for the thread' },
      ...INPUT_READING.map((text): Block => ({ kind: 'text', text })),
      ...(lines.length > 0 ? [{ kind: 'list', items: lines } as Block] : []),
      { kind: 'chart', chart: inputDelayChart(ctx, scenario, cases) },
    ];
    return blocks;
  },
};
