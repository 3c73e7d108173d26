import '../../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Bundles dist/ first: the page loads dist/page.js and dist/scenarios.js, and main.test.ts runs
    // dist/main.js as the CLI would.
    globalSetup: ['./test-support/build.ts'],
    // One browser at a time: these files start chromium, and the machine has two cores.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
