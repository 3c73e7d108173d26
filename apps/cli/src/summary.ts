/**
 * The end-of-run table: what concurrency bought, per scenario x runtime. Pure: RunFile in, text
 * out, so --json and the report can share the same run record.
 */
import type { CaseAggregate, Entry, RunFile } from '@asyncbench/harness';
import { formatNumber, formatPercent, formatRatio, formatTable } from './table.ts';

export interface WorkloadRow {
  scenario: string;
  runtime: string;
  status: string;
  syncBest: { throughput: number; which: string } | null;
  concurrentBest: {
    throughput: number;
    which: string;
    p99Ms: number | null;
    efficiency: number | null;
  } | null;
  speedup: number | null;
}

const median = (c: CaseAggregate, figure: 'throughput' | 'p99Ms' | 'efficiency' | 'opsPerSec') =>
  c.figures[figure]?.median ?? null;

function best(cases: CaseAggregate[]): CaseAggregate | null {
  let top: CaseAggregate | null = null;
  for (const c of cases) {
    const t = median(c, 'throughput');
    if (t !== null && (top === null || t > median(top, 'throughput')!)) top = c;
  }
  return top;
}

function entryStatus(e: Entry): string {
  if (e.status === 'skipped') return `skipped${e.reason ? `: ${e.reason}` : ''}`;
  const failed = e.repeats.filter((r) => r.status === 'failed');
  // A scenario may decline to run (db-pg without a server): say so rather than show empty figures.
  if (failed.length === 0) return e.cases.length === 0 ? 'ok, no cases ran' : 'ok';
  return `failed ${failed.length}/${e.repeats.length}: ${failed[0]!.reason ?? 'unknown'}`;
}

export function workloadRows(run: RunFile): WorkloadRow[] {
  const rows: WorkloadRow[] = [];
  for (const e of run.entries) {
    const workload = e.cases.filter((c) => c.kind === 'workload');
    const isWorkloadScenario =
      workload.length > 0 || (run.scenarios.find((s) => s.id === e.scenario)?.modes.length ?? 0) > 0;
    if (!isWorkloadScenario) continue;
    const sync = best(workload.filter((c) => c.mode === 'blocking' || c.mode === 'sequential'));
    const conc = best(workload.filter((c) => c.mode === 'concurrent'));
    const syncT = sync ? median(sync, 'throughput') : null;
    const concT = conc ? median(conc, 'throughput') : null;
    rows.push({
      scenario: e.scenario,
      runtime: e.runtime,
      status: entryStatus(e),
      syncBest: sync && syncT !== null ? { throughput: syncT, which: sync.mode ?? sync.variant } : null,
      concurrentBest:
        conc && concT !== null
          ? {
              throughput: concT,
              which: conc.variant,
              p99Ms: median(conc, 'p99Ms'),
              efficiency: median(conc, 'efficiency'),
            }
          : null,
      speedup: syncT && concT !== null ? concT / syncT : null,
    });
  }
  return rows;
}

export interface MicroRow {
  scenario: string;
  case: string;
  label: string;
  /** ops/s per runtime name (median over repeats). */
  opsPerSec: Record<string, number | null>;
}

export function microRows(run: RunFile): { runtimes: string[]; rows: MicroRow[] } {
  const runtimes: string[] = [];
  const rows: MicroRow[] = [];
  for (const e of run.entries) {
    const micro = e.cases.filter((c) => c.kind === 'micro');
    if (micro.length === 0) continue;
    if (!runtimes.includes(e.runtime)) runtimes.push(e.runtime);
    for (const c of micro) {
      let row = rows.find((r) => r.scenario === e.scenario && r.case === c.case);
      if (!row) {
        row = { scenario: e.scenario, case: c.case, label: c.label, opsPerSec: {} };
        rows.push(row);
      }
      row.opsPerSec[e.runtime] = median(c, 'opsPerSec');
    }
  }
  return { runtimes, rows };
}

export function formatSummary(run: RunFile): string {
  const parts: string[] = [];
  const wl = workloadRows(run);
  if (wl.length > 0) {
    parts.push(
      formatTable(
        [
          'scenario',
          'runtime',
          'best sync (units/s)',
          'best concurrent (units/s)',
          'speedup',
          'p99 ms',
          'efficiency',
          'status',
        ],
        wl.map((r) => [
          r.scenario,
          r.runtime,
          r.syncBest ? `${formatNumber(r.syncBest.throughput)} (${r.syncBest.which})` : '—',
          r.concurrentBest ? `${formatNumber(r.concurrentBest.throughput)} (${r.concurrentBest.which})` : '—',
          formatRatio(r.speedup),
          formatNumber(r.concurrentBest?.p99Ms),
          formatPercent(r.concurrentBest?.efficiency),
          r.status,
        ]),
        ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  const micro = microRows(run);
  if (micro.rows.length > 0) {
    parts.push(
      formatTable(
        ['scenario', 'case', ...micro.runtimes.map((r) => `${r} ops/s`)],
        micro.rows.map((r) => [
          r.scenario,
          r.case,
          ...micro.runtimes.map((rt) => formatNumber(r.opsPerSec[rt])),
        ]),
        ['left', 'left', ...micro.runtimes.map(() => 'right' as const)],
      ),
    );
  }
  const others = run.entries.filter(
    (e) => e.cases.length === 0 && !wl.some((r) => r.scenario === e.scenario && r.runtime === e.runtime),
  );
  if (others.length > 0) {
    parts.push(
      formatTable(
        ['scenario', 'runtime', 'status'],
        others.map((e) => [e.scenario, e.runtime, entryStatus(e)]),
      ),
    );
  }
  if (parts.length === 0) parts.push('no results');
  return parts.join('\n\n');
}
