/**
 * The runtimes of a run, one line each, printed above the summary: label, exact version, where
 * the binary came from, and the SQLite driver its db cases used, so `node@22` in a table always
 * reads as one exact, reproducible runtime.
 */
import type { RunFile } from '@asyncbench/results';

export function formatRuntimeLines(run: RunFile): string {
  const width = Math.max(...run.runtimes.map((r) => r.name.length));
  return run.runtimes
    .map((r) => {
      const where =
        r.source === 'registry'
          ? `registry ${r.package ?? ''}, ${r.path ?? ''}`
          : `${r.source ?? 'unknown source'}${r.path ? ` ${r.path}` : ''}`;
      const version = r.status === 'ok' ? r.version : `missing (${r.note ?? 'not found'})`;
      const drivers = new Set<string>();
      for (const e of run.entries.filter((x) => x.runtime === r.name)) {
        for (const rep of e.repeats)
          for (const c of rep.results) if (c.driver) drivers.add(`${c.driver.name}, ${c.driver.engine}`);
      }
      const sqlite = drivers.size > 0 ? `; db: ${[...drivers].join(' / ')}` : '';
      return `${r.name.padEnd(width)}  ${version}  (${r.status === 'ok' ? where : (r.source ?? '—')})${sqlite}`;
    })
    .join('\n');
}
