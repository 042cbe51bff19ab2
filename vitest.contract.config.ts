import { defineConfig } from 'vitest/config';

/**
 * The contract suites: one file per locked API version, generated into generated/suites/.
 * `npx intercom-conformance run` starts them programmatically; running them directly works too:
 *   INTERCOM_CONFORMANCE_TARGET=mock npx vitest run --config vitest.contract.config.ts
 * (see README for the environment variables), and `--shard i/n` splits them by version.
 */
export default defineConfig({
  test: {
    include: ['generated/suites/*.suite.ts'],
    globalSetup: ['src/suite/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
