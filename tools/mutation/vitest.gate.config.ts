/**
 * The gate on the committed report (gate/*.test.ts): it is current (no mutated file or part of
 * the run changed since it was measured) and its aim score is at least 90%. `pnpm test:mutation`
 * runs it after Stryker. It is not part of `pnpm test` while issue 17's full run is being fixed:
 * since the signer's V2 entry moved, a full run reports most mutants as surviving that a run
 * restricted to their file (and the suite run by hand with the mutant active) kills, so no full
 * run's figures can be trusted yet (see README.md, "Status").
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { root: import.meta.dirname, include: ['gate/**/*.test.ts'] },
});
