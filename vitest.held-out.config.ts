import { defineConfig } from 'vitest/config';

// Only the held-out verdict stories (see vitest.config.ts for why they are not in `npm test`).
export default defineConfig({
  test: {
    include: ['test/verdict/stories-held-out.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/each-file.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
