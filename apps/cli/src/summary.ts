/**
 * The end-of-run tables: what concurrency bought, per scenario x runtime; input delay per case and
 * runtime (responsiveness); the micro cases; and the runtimes compared, per scenario (results'
 * runtimeRatios).
 * The reading (best cases, speedup and its CI, statuses) is @asyncbench/results' summarizeRun, the
 * same the report and the Markdown export show; this file only lays it out for a terminal.
 */
import {
  busyMachineLine,
  FLAG_MARK,
  formatNumber,
  inputCell,
  microCell,
  precisionNote,
  RUNTIME_RATIOS_NOTE,
  type RunFile,
  runtimeRatioCells,
  runtimeRatios,
  shortFlagLines,
  summarizeRun,
  workloadCells,
} from '@asyncbench/results';
import { formatTable } from './table.ts';

export function formatSummary(run: RunFile): string {
  const summary = summarizeRun(run);
  const parts: string[] = [];
  if (summary.workload.length > 0) {
    parts.push(
      formatTable(
        [
          'scenario',
          'runtime',
          'best sync (units/s)',
          'best concurrent (units/s)',
          'speedup',
          '95% CI',
          'p99',
          'efficiency',
          'status',
        ],
        summary.workload.map((r) => {
          const c = workloadCells(r);
          return [
            r.scenario,
            r.runtime,
            c.sync,
            c.concurrent,
            c.speedup,
            c.interval,
            c.p99,
            c.efficiency,
            c.status,
          ];
        }),
        ['left', 'left', 'figure', 'figure', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  const input = summary.input;
  if (input.rows.length > 0) {
    parts.push(
      formatTable(
        ['scenario', 'case', 'mode', ...input.runtimes.map((r) => `${r} input p99 (handled)`)],
        input.rows.map((r) => [
          r.scenario,
          r.case,
          r.mode ?? '',
          ...input.runtimes.map((rt) => inputCell(r, rt)),
        ]),
        ['left', 'left', 'left', ...input.runtimes.map(() => 'right' as const)],
      ),
    );
  }
  const { runtimes, rows } = summary.micro;
  if (rows.length > 0) {
    parts.push(
      formatTable(
        ['scenario', 'case', ...runtimes.map((r) => `${r} ops/s`)],
        rows.map((r) => [
          r.scenario,
          r.case,
          ...runtimes.map((rt) => microCell(r, rt, (s) => formatNumber(s?.median))),
        ]),
        ['left', 'left', ...runtimes.map(() => 'figure' as const)],
      ),
    );
  }
  const ratios = runtimeRatios(run).map(runtimeRatioCells);
  if (ratios.length > 0) {
    parts.push(
      `Runtimes compared. ${RUNTIME_RATIOS_NOTE}\n${formatTable(
        ['scenario', 'figure', 'runtimes compared', 'CI from'],
        ratios.map((r) => [r.scenario, r.figure, r.comparison, r.method]),
      )}`,
    );
  }
  if (summary.others.length > 0) {
    parts.push(
      formatTable(
        ['scenario', 'runtime', 'status'],
        summary.others.map((o) => [o.scenario, o.runtime, o.status]),
      ),
    );
  }
  if (parts.length === 0) parts.push('no results');
  const wide = precisionNote(run);
  if (wide) parts.push(wide);
  const flags = formatFlags(run);
  if (flags) parts.push(flags);
  return parts.join('\n\n');
}

/**
 * The flags of a run as the summary's last lines, as hyperfine prints its warnings under a result:
 * the busy-machine warning (once for the run), then the flags in short (results' shortFlagLines:
 * one line each, the rest counted); '' when there are none.
 */
export function formatFlags(run: RunFile): string {
  const busy = busyMachineLine(run);
  const lines = shortFlagLines(run);
  return [
    ...(busy ? [`warning: ${busy}`] : []),
    ...(lines.length > 0 ? [`flags (${FLAG_MARK} beside a figure):`, ...lines.map((l) => `  ${l}`)] : []),
  ].join('\n');
}
