/**
 * StrykerJS over the emulator's request behaviour and the signer's verify modules, with the
 * contract suite against the in-process emulator as the only test (vitest.stryker.config.ts).
 * Run from the repository root (`pnpm test:mutation`): the mutated files live in other packages,
 * and Stryker only mutates files under its working directory.
 *
 * `inPlace: true`: Stryker's sandbox copies the project but not the nested pnpm `node_modules`
 * symlink farms of each package (packages/emulator/node_modules/ajv and so on), so the copied
 * sources could not resolve their dependencies. In place, the real tree resolves as in any test
 * run; Stryker writes the instrumented files over the sources and restores them when it ends
 * (also on Ctrl-C). Do not build or edit the mutated packages while it runs.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const scope = JSON.parse(readFileSync(new URL('./scope.json', import.meta.url), 'utf8'));
const local = (name) => fileURLToPath(new URL(name, import.meta.url));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: scope.mutate,
  inPlace: true,
  // Vitest strips types without checking them, so nothing needs `// @ts-nocheck` added; left on,
  // Stryker rewrites (and on restore loses the mode bits of) unrelated files such as bin scripts.
  disableTypeChecks: false,
  testRunner: 'vitest',
  vitest: { configFile: 'tools/mutation/vitest.stryker.config.ts', related: false },
  // Each mutant runs only the checks that reach it.
  coverageAnalysis: 'perTest',
  plugins: [
    fileURLToPath(import.meta.resolve('@stryker-mutator/vitest-runner')),
    local('./src/stryker-ignorer.mjs'),
  ],
  ignorers: ['vodkit-scope'],
  incremental: true,
  incrementalFile: 'tools/mutation/reports/stryker-incremental.json',
  reporters: ['progress', 'clear-text', 'html'],
  htmlReporter: { fileName: 'tools/mutation/reports/mutation.html' },
  tempDirName: 'tools/mutation/.stryker-tmp',
  // The suite mostly waits on loopback sockets and timers (a worker uses about a fifth of a
  // core), so three workers fit the two cores of this project's machines.
  concurrency: 3,
  // The throttling check waits out x-acs-retry-after; leave room over the dry run's timings.
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 80, break: null },
  cleanTempDir: 'always',
};
