/**
 * A run as Markdown for a pull-request comment: the same reading as the terminal summary
 * (summary.ts), with intervals: each best case's median and min–max over repeats, the speedup
 * with its 95% CI, per micro case every runtime's ops/s, the runtimes compared per scenario
 * with 95% CIs (runtime-compare.ts), and the flags (flag-rows.ts).
 */
import { busyMachineLine, FLAG_MARK, flagRows, flagRowWhere } from '../flag-rows.ts';
import { formatDate, formatNumber } from '../format.ts';
import { runtimeLabel } from '../labels.ts';
import { formatHalfWidth, precisionNote } from '../precision.ts';
import { RUNTIME_RATIOS_NOTE, runtimeRatioCells, runtimeRatios } from '../runtime-compare.ts';
import type { RunFile, Spread } from '../schema.ts';
import type { BestCase } from '../speedup.ts';
import { inputCell, microCell, summarizeRun, workloadCells } from '../summary.ts';

/** Text safe inside a Markdown table cell: pipes escaped, line breaks flattened. */
export function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table; `right` marks right-aligned (numeric) columns. */
export function markdownTable(headers: string[], rows: string[][], right: boolean[] = []): string {
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (right[i] ? '---:' : '---')).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** `6,960 (6,700–7,100)`: median with min–max over repeats; just the median when they print alike. */
export function medianRange(spread: Spread | null | undefined): string {
  if (!spread) return '—';
  const [min, max] = [formatNumber(spread.min), formatNumber(spread.max)];
  return min === max ? formatNumber(spread.median) : `${formatNumber(spread.median)} (${min}–${max})`;
}

/** The terminal's cell plus the range over repeats: `7,167 (gather) · 7,148–7,185`. */
function bestCell(cell: string, best: BestCase | null): string {
  if (!best) return cell;
  const [min, max] = [formatNumber(best.throughput.min), formatNumber(best.throughput.max)];
  return min === max ? cell : `${cell} · ${min}–${max}`;
}

/** `3 repeats`, or with auto-sampling `3+ repeats (sampled to ±7%, +12 rounds)`. */
function repeatsPhrase(run: RunFile): string {
  const plain = `${run.repeats} repeat${run.repeats === 1 ? '' : 's'}`;
  const s = run.sampling;
  if (!s || s.rounds === 0) return plain;
  return `${run.repeats}+ repeats (sampled to ${formatHalfWidth(s.horizon)}, +${s.rounds} round${s.rounds === 1 ? '' : 's'})`;
}

/** The Markdown export of a run (see the module comment). */
export function toMarkdown(run: RunFile): string {
  const summary = summarizeRun(run);
  const runtimes = run.runtimes.filter((r) => r.status === 'ok').map((r) => runtimeLabel(run, r.name));
  const commit = run.tool.commit ? ` @ ${run.tool.commit.slice(0, 12)}` : '';
  const parts: string[] = [
    `### asyncbench: ${run.profile} profile, ${repeatsPhrase(run)}, ${formatDate(run.startedAt)}`,
    [
      `${runtimes.join(' · ') || 'no runtime'} — ${run.host.cpuModel} (${run.host.cpuCount} cores), `,
      `${run.host.os} ${run.host.release}, host ${run.host.hostname} — asyncbench ${run.tool.version}${commit}`,
      run.status === 'complete' ? '' : ` — **run ${run.status}**`,
    ].join(''),
  ];
  if (summary.workload.length > 0) {
    parts.push(
      '**What concurrency bought.** Speedup = best concurrent ÷ best blocking-or-sequential throughput at ' +
        'the same unit duration d, with its 95% confidence interval; throughputs are medians · min–max over repeats.',
      markdownTable(
        [
          'scenario',
          'runtime',
          'unit',
          'best blocking/sequential',
          'best concurrent',
          'speedup',
          '95% CI',
          'p99',
          'efficiency',
          'status',
        ],
        summary.workload.map((r) => {
          const cells = workloadCells(r);
          return [
            r.scenario,
            runtimeLabel(run, r.runtime),
            `${r.unit.plural}/s`,
            bestCell(cells.sync, r.sync),
            bestCell(cells.concurrent, r.concurrent),
            cells.speedup,
            cells.interval,
            cells.p99,
            cells.efficiency,
            cells.status,
          ];
        }),
        [false, false, false, true, true, true, true, true, true, false],
      ),
    );
  }
  const { runtimes: microRuntimes, rows } = summary.micro;
  if (rows.length > 0) {
    parts.push(
      '**Micro cases**: operations per second, median (min–max over repeats).',
      markdownTable(
        ['scenario', 'case', ...microRuntimes.map((rt) => runtimeLabel(run, rt))],
        rows.map((r) => [r.scenario, r.case, ...microRuntimes.map((rt) => microCell(r, rt, medianRange))]),
        [false, false, ...microRuntimes.map(() => true)],
      ),
    );
  }
  const input = summary.input;
  if (input.rows.length > 0) {
    parts.push(
      '**Input delay**: p99 of the input events that arrived while the work ran (share handled before it ended), median over repeats.',
      markdownTable(
        ['scenario', 'case', 'mode', ...input.runtimes.map((rt) => runtimeLabel(run, rt))],
        input.rows.map((r) => [
          r.scenario,
          r.case,
          r.mode ?? '',
          ...input.runtimes.map((rt) => inputCell(r, rt)),
        ]),
        [false, false, false, ...input.runtimes.map(() => true)],
      ),
    );
  }
  const ratios = runtimeRatios(run).map(runtimeRatioCells);
  if (ratios.length > 0) {
    parts.push(
      `**Runtimes compared.** ${RUNTIME_RATIOS_NOTE}`,
      markdownTable(
        ['scenario', 'figure', 'runtimes compared', 'CI from'],
        ratios.map((r) => [r.scenario, r.figure, r.comparison, r.method]),
      ),
    );
  }
  if (summary.others.length > 0) {
    parts.push(
      markdownTable(
        ['scenario', 'runtime', 'status'],
        summary.others.map((o) => [o.scenario, o.runtime, o.status]),
      ),
    );
  }
  // The busy-machine warning once for the run, then every flag in full (the terminal shortens them).
  const busy = busyMachineLine(run);
  if (busy) parts.push(`**Warning:** ${busy}.`);
  const flags = flagRows(run);
  if (flags.length > 0) {
    parts.push(
      `**Flags** (${FLAG_MARK} beside a figure): what looks wrong in the figures.`,
      flags.map((f) => `- **${f.kind}** — ${flagRowWhere(f)}: ${markdownCell(f.detail)}`).join('\n'),
    );
  }
  const wide = precisionNote(run);
  if (wide) parts.push(wide);
  if (run.notes.length > 0) parts.push(run.notes.map((n) => `- ${n}`).join('\n'));
  return `${parts.join('\n\n')}\n`;
}
