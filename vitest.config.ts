import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The plain "N passed, N failed" line lets CI read the result without knowing vitest.
    reporters: ['default', './tests/plain-summary-reporter.ts'],
    testTimeout: 60_000,
  },
});
