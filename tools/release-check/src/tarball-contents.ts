/**
 * What a packed tarball may hold, as one rule: the built code and its declarations, the bins,
 * the data files the `exports` map names, and the four documents npm always ships. Anything else
 * (a `.tsbuildinfo`, a test, a declaration map, a source map without the sources it points at)
 * is named by {@link unexpectedFiles} with the reason.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { binTargets } from './workspace-packages.ts';
import type { PackageManifest } from './workspace-packages.ts';

const run = promisify(execFile);

/** The patterns a tarball's files must match, in words, for failure messages and the README. */
export const ALLOWED_PATTERNS: readonly string[] = [
  'dist/**/*.js',
  'dist/**/*.d.ts',
  'dist/**/*.js.map, only with sourcesContent for every source',
  "the package's bins (bin/)",
  'data files its exports map names (dist/openapi.json)',
  'README.md',
  'LICENSE',
  'package.json',
  'CHANGELOG.md',
];

/** A file of an unpacked tarball: its path inside the package and, for maps, its text. */
export interface TarballFile {
  readonly path: string;
  readonly text?: string;
}

/** An unpacked tarball: where it was unpacked and its files, relative to `package/`. */
export interface UnpackedTarball {
  readonly root: string;
  readonly files: readonly TarballFile[];
}

/** A file that is not allowed, with the reason. */
export interface UnexpectedFile {
  readonly path: string;
  readonly reason: string;
}

const DOCUMENTS = new Set(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']);
/** Test files and folders, by the names this repo and its tools use. */
const TEST_FILE = /(^|\/)(test|tests|__tests__)\/|\.(test|spec)(-d)?\./;

/** Files the `exports` map names directly that are not modules (`./openapi.json`). */
function exportedDataFiles(manifest: PackageManifest): Set<string> {
  const targets = Object.values(manifest.exports ?? {}).filter(
    (target): target is string => typeof target === 'string',
  );
  return new Set(
    targets
      .filter((target) => !/\.[cm]?js$/.test(target) && target !== './package.json')
      .map((target) => target.replace(/^\.\//, '')),
  );
}

/** Why a source map is not allowed, or undefined when it carries every source it names. */
function mapProblem(text: string | undefined): string | undefined {
  if (text === undefined) return 'source map not read';
  let map: { sources?: unknown; sourcesContent?: unknown };
  try {
    map = JSON.parse(text) as typeof map;
  } catch {
    return 'source map is not JSON';
  }
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const contents = Array.isArray(map.sourcesContent) ? (map.sourcesContent as unknown[]) : [];
  if (sources.length > 0 && contents.length !== sources.length) {
    return 'source map without sourcesContent (it points at sources the package does not ship)';
  }
  if (contents.some((content) => typeof content !== 'string')) {
    return 'source map with a source missing from sourcesContent';
  }
  return undefined;
}

/** The files of `files` that the rule above does not allow, each with the reason. */
export function unexpectedFiles(
  files: readonly TarballFile[],
  manifest: PackageManifest,
): UnexpectedFile[] {
  const bins = new Set(binTargets(manifest));
  const data = exportedDataFiles(manifest);
  const unexpected: UnexpectedFile[] = [];
  for (const { path, text } of files) {
    if (TEST_FILE.test(path)) {
      unexpected.push({ path, reason: 'a test file' });
    } else if (DOCUMENTS.has(path) || bins.has(path) || data.has(path)) {
      continue;
    } else if (!path.startsWith('dist/')) {
      unexpected.push({ path, reason: 'outside dist/ and not a bin or document' });
    } else if (path.endsWith('.d.ts.map')) {
      unexpected.push({ path, reason: 'a declaration map (it points at src/, not shipped)' });
    } else if (path.endsWith('.js.map')) {
      const problem = mapProblem(text);
      if (problem !== undefined) unexpected.push({ path, reason: problem });
    } else if (!path.endsWith('.js') && !path.endsWith('.d.ts')) {
      unexpected.push({ path, reason: 'in dist/ but not .js, .d.ts or a map' });
    }
  }
  return unexpected;
}

/** Unpacks `tarball` into a fresh temporary folder and reads its file list (and its maps). */
export async function unpackTarball(tarball: string): Promise<UnpackedTarball> {
  const root = await mkdtemp(join(tmpdir(), 'vodkit-unpacked-'));
  await run('tar', ['-xzf', tarball, '-C', root], { timeout: 30_000 });
  const { stdout } = await run('tar', ['-tzf', tarball], { timeout: 30_000 });
  const paths = stdout
    .trim()
    .split('\n')
    .filter((entry) => !entry.endsWith('/'))
    .map((entry) => entry.replace(/^package\//, ''));
  const files = await Promise.all(
    paths.map(async (path) =>
      path.endsWith('.map')
        ? { path, text: await readFile(join(root, 'package', path), 'utf8') }
        : { path },
    ),
  );
  return { root: join(root, 'package'), files };
}
