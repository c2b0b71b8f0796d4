import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Bounds for a hung test, not timings: on a loaded 2-core machine (load 10-15 seen) a
    // PGlite set-up with a seeded dataset took over a minute, and a test 30 s.
    testTimeout: 90_000,
    hookTimeout: 240_000,
    // Two cores on the CI machines: more workers only add contention.
    maxWorkers: 2,
    pool: 'forks',
  },
});
