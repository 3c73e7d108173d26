/** `asyncbench list [--json]`: the catalogue as the node adapter reports it. */
import { existsSync } from 'node:fs';
import { REQUIREMENT_META } from '@asyncbench/results';
import type { ListArgs } from './args.ts';
import { type ListedScenario, listScenarios } from './catalogue.ts';
import { CliError } from './errors.ts';
import type { Io } from './io.ts';
import { adapterBundle, cliLayout, missingBundleHint } from './paths.ts';

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
    ]
      .filter((l) => l !== null)
      .join('\n'),
  );
  return blocks.join('\n\n');
}

export async function listCommand(args: ListArgs, io: Io): Promise<number> {
  const layout = cliLayout();
  const bundle = adapterBundle(layout, 'node');
  if (!existsSync(bundle)) throw new CliError(`${bundle} is missing: ${missingBundleHint(layout)}`);
  // Hidden scenarios are test fixtures: runnable by name, never listed.
  const all = await listScenarios('node', process.execPath, layout, { ...io.env, NO_COLOR: '1' });
  const scenarios = all.filter((s) => !s.hidden);
  if (args.json) io.stdout.write(`${JSON.stringify(scenarios, null, 2)}\n`);
  else io.stdout.write(`${formatList(scenarios)}\n`);
  return 0;
}
