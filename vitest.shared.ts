/**
 * Shared vitest settings. Every package's `vitest.config.ts` builds its config with
 * {@link packageTestConfig}, so that each run also writes a JSON report to
 * `<package>/.reports/vitest[-dist].json`; `.ci/run` sums those reports into the one
 * `N passed, N failed` line CI prints.
 *
 * One switch, `VODKIT_TEST_TARGET=dist`, runs a package's suite against what users install: every
 * import a test makes of `src/<module>` is answered by the built `dist/<module>.js` instead. A
 * bundler can change what an import means (a CommonJS package inlined into an ESM chunk keeps
 * only its default export), so a suite that only ever imports the source cannot see it.
 *
 * Another, `VODKIT_TEST_TIER=unit` (`pnpm test:unit`), leaves out the files a package lists as
 * `notUnit`: those that drive a browser or pack and install tarballs, what a contributor does not
 * need on every change. `pnpm test` runs every tier.
 *
 * A third, `VODKIT_TEST_NODE=<major>` (`pnpm test:node-matrix`, the unit tier on Node 22 and 24),
 * names the Node a run must be on and gives its report a name of its own.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';

/** A vite plugin, as vitest's config takes it (vite itself is not a dependency of the root). */
type PluginOption = NonNullable<ViteUserConfig['plugins']>[number];

/** What the suites run against: the TypeScript source (the default) or the built `dist`. */
export type TestTarget = 'src' | 'dist';

/** The target chosen by `VODKIT_TEST_TARGET` (`src` when unset); anything else is refused. */
export function testTarget(): TestTarget {
  const value = process.env['VODKIT_TEST_TARGET'] ?? 'src';
  if (value !== 'src' && value !== 'dist') {
    throw new Error(`VODKIT_TEST_TARGET must be "src" or "dist", not ${JSON.stringify(value)}`);
  }
  return value;
}

/** Every test file (`all`, the default) or only those a contributor runs while working (`unit`). */
export type TestTier = 'all' | 'unit';

/** The tier chosen by `VODKIT_TEST_TIER` (`all` when unset); anything else is refused. */
export function testTier(): TestTier {
  const value = process.env['VODKIT_TEST_TIER'] ?? 'all';
  if (value !== 'all' && value !== 'unit') {
    throw new Error(`VODKIT_TEST_TIER must be "all" or "unit", not ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * The Node major a run was asked for by `VODKIT_TEST_NODE` (`pnpm test:node-matrix` sets it), or
 * `undefined`. Refused when it is not the Node running, so a matrix run cannot pass on the wrong one.
 */
export function testNode(): string | undefined {
  const value = process.env['VODKIT_TEST_NODE'];
  if (value === undefined || value === '') return undefined;
  const running = process.versions.node.split('.')[0];
  if (value !== running) {
    throw new Error(
      `VODKIT_TEST_NODE=${value}, but this is Node ${process.versions.node}: put that Node first on PATH`,
    );
  }
  return value;
}

/**
 * Where a run writes its JSON report: `.reports/vitest.json`, `vitest-dist.json` for a `dist`
 * run, with `-node<major>` when `VODKIT_TEST_NODE` names the Node (`vitest-node22.json`).
 */
function reportFile(): string {
  const node = testNode();
  return `.reports/vitest${testTarget() === 'dist' ? '-dist' : ''}${node === undefined ? '' : `-node${node}`}.json`;
}

/** The test options every package's config starts from (see {@link packageTestConfig}). */
const sharedTestOptions: NonNullable<ViteUserConfig['test']> = {
  include: ['test/**/*.test.ts'],
  reporters: ['default', 'json'],
  outputFile: { json: reportFile() },
  // Network tests only ever talk to 127.0.0.1 and must end on their own; a hung test fails here.
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

/** Type tests: the `.test-d.ts` files under `test/`, checked by vitest typecheck with the package tsconfig. */
const typeTestOptions: NonNullable<NonNullable<ViteUserConfig['test']>['typecheck']> = {
  enabled: true,
  include: ['test/**/*.test-d.ts'],
  tsconfig: './tsconfig.json',
};

/** How a package's suite is set up; see {@link packageTestConfig}. */
export interface PackageTestOptions {
  /** Run the `.test-d.ts` type tests (in `src` runs; a `dist` run checks behaviour only). */
  readonly typeTests?: boolean;
  /**
   * Test files that test an internal module the build does not ship as a file of its own (a
   * bundled package keeps only its entries), each with the reason. A `dist` run leaves them out;
   * any other import of such a module fails the run, naming the test and the module.
   */
  readonly srcOnly?: Readonly<Record<string, string>>;
  /**
   * Test files outside the unit tier (they drive a browser, or pack and install tarballs), each
   * with the reason. A `VODKIT_TEST_TIER=unit` run leaves them out.
   */
  readonly notUnit?: Readonly<Record<string, string>>;
}

/**
 * The vitest config of one package: the shared options, its type tests, and in a `dist` run the
 * resolver that answers `src` imports from `dist`.
 *
 * @example export default packageTestConfig(import.meta.dirname, { typeTests: true });
 */
export function packageTestConfig(root: string, options: PackageTestOptions = {}): ViteUserConfig {
  const dist = testTarget() === 'dist';
  const exclude = [
    ...(dist ? Object.keys(options.srcOnly ?? {}) : []),
    ...(testTier() === 'unit' ? Object.keys(options.notUnit ?? {}) : []),
  ];
  return {
    plugins: dist ? [distResolver(root)] : [],
    test: {
      ...sharedTestOptions,
      ...(exclude.length > 0 ? { exclude: [...exclude, '**/node_modules/**'] } : {}),
      ...(options.typeTests === true && !dist ? { typecheck: typeTestOptions } : {}),
    },
  };
}

/**
 * Answers every import of `<root>/src/<module>` made from outside `src` with
 * `<root>/dist/<module>.js`, and fails when the build has no such file.
 */
function distResolver(root: string): PluginOption {
  const src = join(root, 'src') + sep;
  return {
    name: 'vodkit:test-against-dist',
    enforce: 'pre',
    resolveId(source: string, importer: string | undefined) {
      if (importer === undefined || !source.startsWith('.')) return null;
      if (importer.startsWith(src)) return null;
      const target = resolve(dirname(importer), source);
      if (!target.startsWith(src)) return null;
      const module = relative(src, target).replace(/\.(?:[cm]?ts|[cm]?js)$/, '');
      const built = join(root, 'dist', `${module}.js`);
      if (existsSync(built)) return built;
      const test = isAbsolute(importer) ? relative(root, importer) : importer;
      throw new Error(
        `${test} imports src/${module}, which the build does not ship as dist/${module}.js: ` +
          'import a public entry instead, or list the test in srcOnly with the reason ' +
          '(or build the package first).',
      );
    },
  };
}
