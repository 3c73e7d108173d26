#!/usr/bin/env node
/**
 * Writes results/schema.json (the JSON Schema of a results file) from the schema in src/schema.ts.
 * Run `npm run schema -w @asyncbench/results` (it builds dist/ first) after changing the schema;
 * src/json-schema.test.ts fails while the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runFileJsonSchemaText } from '../dist/json-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '../../../results/schema.json');
writeFileSync(target, runFileJsonSchemaText());
console.log(`wrote ${target}`);
