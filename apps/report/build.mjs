// Bundles the report library into one ESM file for Node. Workspace packages (@asyncbench/*) are
// bundled from their TypeScript source via the `source` condition; chart.js stays external because
// the code reads its UMD file from node_modules at run time (to inline it into each report).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [join(here, 'src/index.ts')],
  outfile: join(here, 'dist/index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external: ['chart.js'],
  // No minify and no keepNames: clientMain's source text is inlined into the page as it is, so
  // it must stay readable and must not reference helpers that exist only in the bundle.
  sourcemap: true,
  logLevel: 'warning',
});
