// Bundles the CLI into one file Node 20 can run (it cannot strip TypeScript). Workspace packages
// (@asyncbench/*) are bundled from their TypeScript source via the `source` condition; every
// other package stays external and is resolved from node_modules at run time.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const external = [];
// The report app may not exist yet while the workspace is being built up; the CLI then notes
// "report skipped" at run time instead of failing to build.
if (!existsSync(join(here, '../report/src/index.ts'))) external.push('@asyncbench/report');

await build({
  entryPoints: [join(here, 'src/main.ts')],
  outfile: join(here, 'dist/asyncbench.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  conditions: ['source'],
  external,
  plugins: [
    {
      // Like `packages: 'external'`, except for @asyncbench/* which are bundled from source.
      name: 'externalise-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('@asyncbench/') && !external.includes(args.path)) return undefined;
          return { path: args.path, external: true };
        });
      },
    },
  ],
  // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __asyncbenchCreateRequire } from 'node:module'; const require = __asyncbenchCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
