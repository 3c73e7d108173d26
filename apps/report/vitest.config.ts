import '../../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

// The source condition makes workspace packages resolve to their TypeScript, as the build does.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Browser tests launch Chromium on a shared, busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
