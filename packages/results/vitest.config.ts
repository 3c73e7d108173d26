import '../../scripts/vitest-node20.ts';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], testTimeout: 20_000 },
});
