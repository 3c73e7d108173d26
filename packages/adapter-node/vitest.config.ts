import '../../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Bundles dist/ first: Node 20 cannot start a .ts worker, and main.test.ts runs dist/main.js.
    globalSetup: ['./test-support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
