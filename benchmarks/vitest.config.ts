import '../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

// The `source` condition resolves @asyncbench/core and @asyncbench/harness to their TypeScript
// sources, so the tests run against the code as it is, without a build first.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['*.test.ts'], testTimeout: 60_000 },
});
