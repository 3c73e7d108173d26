import '../../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    sequence: { shuffle: false },
    testTimeout: 10_000,
  },
});
