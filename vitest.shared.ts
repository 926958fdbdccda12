/**
 * Shared vitest settings. Every package's `vitest.config.ts` spreads these so that each run also
 * writes a JSON report to `<package>/.reports/vitest.json`; `.ci/run` sums those reports into the
 * one `N passed, N failed` line CI prints.
 */
import type { ViteUserConfig } from 'vitest/config';

/** Test options shared by every package; packages add their own `include` and extras. */
export const sharedTestOptions: NonNullable<ViteUserConfig['test']> = {
  include: ['test/**/*.test.ts'],
  reporters: ['default', 'json'],
  outputFile: { json: '.reports/vitest.json' },
  // Network tests only ever talk to 127.0.0.1 and must end on their own; a hung test fails here.
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

/** Type tests: the `.test-d.ts` files under `test/`, checked by vitest typecheck with the package tsconfig. */
export const typeTestOptions: NonNullable<NonNullable<ViteUserConfig['test']>['typecheck']> = {
  enabled: true,
  include: ['test/**/*.test-d.ts'],
  tsconfig: './tsconfig.json',
};
