import { defineConfig } from 'vitest/config';
import { writeSuiteFiles } from './src/suite/files.ts';

/**
 * The contract suites: a thin vitest adapter over the run engine, one file per locked API version
 * (generated/suites/<v>.suite.ts, written here so that they exist before vitest looks for them). Configured by
 * the environment variables of `run`'s flags (the option table; see README):
 *   INTERCOM_CONFORMANCE_TARGET=mock npx vitest run --config vitest.contract.config.ts [--shard 1/2]
 *   npx intercom-conformance report merge reports/parts/*.json --out reports
 */
writeSuiteFiles();

export default defineConfig({
  test: {
    include: ['generated/suites/*.suite.ts'],
    globalSetup: ['src/suite/global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
