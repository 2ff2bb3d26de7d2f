import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-cli.ts'],
    // Property tests and subprocess CLI tests take longer than the default 5 s on a 2-core machine.
    testTimeout: 30_000,
  },
});
