/**
 * `asyncbench list [files...] [--json]`: the catalogue, or the scenarios of benchmark files, as the
 * node adapter reports them, with each parameter and what `--param` accepts for it.
 */
import { existsSync } from 'node:fs';
import { describeParam } from '@asyncbench/harness';
import { REQUIREMENT_META } from '@asyncbench/results';
import type { ListArgs } from './args.ts';
import { type ListedScenario, listScenarios } from './catalogue.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { adapterBundle, cliLayout, missingBundleHint } from './paths.ts';
import { bundleUserFiles } from './user-bundle.ts';
import { expandUserFiles } from './user-files.ts';

function formatParams(p: Record<string, unknown>): string {
  const parts = Object.entries(p).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(' ') : '—';
}

export function formatList(scenarios: ListedScenario[]): string {
  const blocks = scenarios.map((s) =>
    [
      `${s.id} — ${s.label}`,
      s.description ? `  ${s.description}` : null,
      `  modes:   ${s.modes.length > 0 ? s.modes.join(', ') : 'micro only'}`,
      `  unit:    ${s.unit.singular} (throughput in ${s.unit.plural}/s)`,
      ...s.requires.map((r) => `  needs:   ${REQUIREMENT_META[r].what} (${REQUIREMENT_META[r].hint})`),
      `  quick:   ${formatParams(s.params.quick)}`,
      `  default: ${formatParams(s.params.default)}`,
      `  full:    ${formatParams(s.params.full)}`,
      Object.keys(s.params.default).length > 0
        ? `  --param: ${Object.entries(s.params.default)
            .map(([k, v]) => `${k} (${describeParam(v, s.paramRules?.[k])})`)
            .join(', ')}`
        : null,
    ]
      .filter((l) => l !== null)
      .join('\n'),
  );
  return blocks.join('\n\n');
}

export async function listCommand(args: ListArgs, io: Io): Promise<number> {
  const layout = cliLayout();
  const main = adapterBundle(layout, 'node');
  if (!existsSync(main)) throw new CliError(`${main} is missing: ${missingBundleHint(layout)}`);
  const files =
    args.files.length > 0 ? await bundleUserFiles(await expandUserFiles(args.files), layout) : null;
  // Hidden scenarios are test fixtures: runnable by name, never listed.
  const env = { ...io.env, NO_COLOR: '1' };
  const all = await listScenarios('node', process.execPath, layout, env, undefined, files?.adapterArgs ?? []);
  const scenarios = all.filter((s) => !s.hidden);
  if (args.json) io.stdout.write(`${JSON.stringify(scenarios, null, 2)}\n`);
  else io.stdout.write(`${formatList(scenarios)}\n`);
  return 0;
}
