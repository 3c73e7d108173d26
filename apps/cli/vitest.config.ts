import '../../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

// The source condition makes workspace packages resolve to their TypeScript, as the build does.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Integration tests spawn real runtimes on a shared, busy machine.
    testTimeout: 180_000,
    // One file at a time: cli.integration rebuilds dist/ in its beforeAll while other files spawn
    // it, and every integration file starts real runtimes on a small shared machine.
    fileParallelism: false,
    hookTimeout: 300_000,
    // @actions/workflow-parser imports its schema JSON without an import attribute, which Node's
    // loader refuses; inlined, vite transforms it (bench-matrix.test.ts).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
