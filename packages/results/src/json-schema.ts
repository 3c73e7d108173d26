/**
 * The JSON Schema document of a results file, for tools outside asyncbench: it is the RunFileSchema
 * object itself (TypeBox schemas are JSON Schema), with the document header added. `npm run schema
 * -w @asyncbench/results` writes it to results/schema.json; a test fails when that file is stale.
 */
import { SCHEMA_VERSION } from './constants.ts';
import { RunFileSchema } from './schema.ts';

/** The results/schema.json document (draft-07, which ajv and most validators read by default). */
export function runFileJsonSchema(): Record<string, unknown> {
  // A JSON round trip keeps exactly what JSON Schema sees (TypeBox's own markers are not enumerable).
  const body = JSON.parse(JSON.stringify(RunFileSchema)) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: `Generated from packages/results/src/schema.ts (schemaVersion ${SCHEMA_VERSION}) by npm run schema -w @asyncbench/results; do not edit.`,
    ...body,
  };
}

/** The text of results/schema.json: the document, two-space indented, newline-ended. */
export function runFileJsonSchemaText(): string {
  return `${JSON.stringify(runFileJsonSchema(), null, 2)}\n`;
}
