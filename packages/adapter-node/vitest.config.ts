import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    // Node 20 cannot start a .ts worker, so the platform uses the bundled workers in dist/.
    globalSetup: ['./test/build-workers.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
