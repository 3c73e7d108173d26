/**
 * Runtime specs for `--runtimes`: `node@22`, `bun@1.2`, `deno@2.4.3`, `node@^22.12`, `bun@latest`.
 * The part after `@` is a semver range (npm's `semver`, the parser npm itself uses) or a dist-tag.
 * The spec as written is the runtime's label in results, the summary and the report, so
 * `--runtimes node,node@22` shows two columns, `node` and `node@22`, each with its exact version.
 */
import semver from 'semver';
import { UsageError } from '../errors.ts';
import type { RuntimeKind } from '../runtime-kind.ts';

/** Runtime kinds whose official binaries come from the npm registry. */
export const REGISTRY_KINDS = ['node', 'deno', 'bun'] as const satisfies readonly RuntimeKind[];

export interface RuntimeSpec {
  /** The spec as written, e.g. `node@22`: the label a run records. */
  label: string;
  kind: (typeof REGISTRY_KINDS)[number];
  /** What follows `@`: a semver range (`22`, `^1.2`, `2.4.3`) or a dist-tag (`latest`). */
  range: string;
  /** True for a dist-tag, false for a semver range. */
  isTag: boolean;
}

/** Whether a --runtimes name is a registry spec (has `@`); parseRuntimeSpec checks the rest. */
export function isRuntimeSpec(name: string): boolean {
  return name.includes('@');
}

/** An exact version (`22.12.0`): once installed it needs no registry at all. */
export function exactVersion(spec: RuntimeSpec): string | null {
  return spec.isTag ? null : semver.valid(spec.range);
}

/** `node@22` -> a RuntimeSpec; a name without `@` -> null. Throws UsageError naming what is wrong. */
export function parseRuntimeSpec(text: string): RuntimeSpec | null {
  const at = text.indexOf('@');
  if (at < 0) return null;
  const kind = text.slice(0, at);
  const range = text.slice(at + 1).trim();
  if (!(REGISTRY_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(
      `unknown runtime "${kind}" in "${text}" (versions come from the npm registry for ${REGISTRY_KINDS.join(', ')}: e.g. node@22, bun@1.2, deno@2.4)`,
    );
  }
  if (range === '') {
    throw new UsageError(`"${text}" names no version (write e.g. ${kind}@latest or ${kind}@22)`);
  }
  if (semver.validRange(range) !== null) {
    return { label: text, kind: kind as RuntimeSpec['kind'], range, isTag: false };
  }
  // npm's dist-tags are free-form but never look like versions; these are the names in use.
  if (/^[a-z][a-z0-9._-]*$/i.test(range)) {
    return { label: text, kind: kind as RuntimeSpec['kind'], range, isTag: true };
  }
  throw new UsageError(
    `"${text}": "${range}" is neither a semver range (22, 22.12, ^1.2, 2.4.3) nor a dist-tag (latest)`,
  );
}
