/**
 * Writes the HTML report for runs: <dir>/<name>.html plus a copy as <dir>/latest.html (or just
 * the file given with --out). The report app is loaded lazily, so a checkout where it is not built
 * yet still runs benchmarks: the report is then skipped with a note.
 */
import { basename, dirname, join } from 'node:path';
import type { RunFile } from '@asyncbench/results';
import type { Io } from './io.ts';
import { writeFileAtomic } from './results-file.ts';

type RenderReport = (runs: RunFile[], options?: { title?: string }) => string;

export async function loadRenderer(): Promise<RenderReport | string> {
  try {
    const mod = (await import('@asyncbench/report')) as { renderReport?: RenderReport };
    if (typeof mod.renderReport !== 'function') return '@asyncbench/report has no renderReport export';
    return mod.renderReport;
  } catch (err) {
    return `@asyncbench/report is not built yet (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
}

/** Returns the written path, or null when the report was skipped (a note says why). */
export async function writeReport(
  runs: RunFile[],
  dir: string,
  name: string,
  io: Io,
  outFile: string | null = null,
): Promise<string | null> {
  const render = await loadRenderer();
  if (typeof render === 'string') {
    io.stderr.write(`asyncbench: report skipped: ${render}\n`);
    return null;
  }
  const html = render(runs, { title: reportTitle(runs) });
  if (outFile) {
    await writeFileAtomic(outFile, html);
    return outFile;
  }
  const path = join(dir, `${name}.html`);
  await writeFileAtomic(path, html);
  await writeFileAtomic(join(dir, 'latest.html'), html);
  return path;
}

/**
 * The report's title: the run's id, two runs as `a vs b`; more as a count with their hosts, since
 * a history of ten run ids is no heading.
 */
export function reportTitle(runs: readonly RunFile[]): string {
  if (runs.length <= 2) return `asyncbench ${runs.map((r) => r.id).join(' vs ')}`;
  const hosts = [...new Set(runs.map((r) => r.host.hostname))];
  return `asyncbench: ${runs.length} runs on ${hosts.length > 3 ? `${hosts.length} hosts` : hosts.join(', ')}`;
}

/** `results/2026-...-host.json` -> directory and base name for the report beside it. */
export function reportTarget(jsonPath: string): { dir: string; name: string } {
  return { dir: dirname(jsonPath), name: basename(jsonPath).replace(/\.json$/i, '') };
}
