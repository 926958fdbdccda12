/**
 * What each packed tarball holds (see src/tarball-contents.ts for the rule): only built code,
 * declarations, bins, exported data files and the documents; no `.tsbuildinfo`, no test, no map
 * without its sources; the same LICENSE as the repository's; the metadata a registry page shows.
 * The rule itself is checked first against files it must refuse.
 */
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packPackage } from '../src/pack.ts';
import { ALLOWED_PATTERNS, unexpectedFiles, unpackTarball } from '../src/tarball-contents.ts';
import type { UnpackedTarball } from '../src/tarball-contents.ts';
import { binTargets, publishablePackages, repoRoot } from '../src/workspace-packages.ts';
import type { PackageManifest } from '../src/workspace-packages.ts';

const REPOSITORY = 'https://github.com/vodkit/vodkit';
const packages = publishablePackages();
const unpacked = new Map<string, UnpackedTarball>();

beforeAll(async () => {
  const destination = await mkdtemp(join(tmpdir(), 'vodkit-pack-contents-'));
  for (const pkg of packages) {
    const { tarball } = await packPackage(pkg.dir, destination);
    unpacked.set(pkg.manifest.name, await unpackTarball(tarball));
  }
}, 120_000);

describe('the file rule', () => {
  const manifest: PackageManifest = {
    name: '@vodkit/example',
    version: '0.0.0',
    bin: { example: './bin/example.js' },
    exports: { '.': { default: './dist/index.js' }, './openapi.json': './dist/openapi.json' },
  };
  const withSources = JSON.stringify({
    version: 3,
    sources: ['../src/a.ts'],
    sourcesContent: ['x'],
  });
  const withoutSources = JSON.stringify({ version: 3, sources: ['../src/a.ts'] });

  it('allows code, declarations, bins, exported data, documents and maps with their sources', () => {
    const allowed = [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'bin/example.js',
      'dist/index.js',
      'dist/chunk-ABC.js',
      'dist/node/index.d.ts',
      'dist/openapi.json',
    ].map((path) => ({ path }));
    expect(
      unexpectedFiles([...allowed, { path: 'dist/index.js.map', text: withSources }], manifest),
    ).toEqual([]);
  });

  it('refuses build state, tests, sources, declaration maps and maps without their sources', () => {
    const refused = unexpectedFiles(
      [
        { path: 'dist/.tsbuildinfo' },
        { path: 'dist/.web.tsbuildinfo' },
        { path: 'dist/index.test.js' },
        { path: 'dist/types.test-d.d.ts' },
        { path: 'test/a.test.ts' },
        { path: 'src/index.ts' },
        { path: 'dist/index.d.ts.map' },
        { path: 'dist/index.js.map', text: withoutSources },
        { path: 'dist/other.json' },
        { path: 'tsconfig.json' },
      ],
      manifest,
    );
    expect(refused.map((file) => file.path)).toEqual([
      'dist/.tsbuildinfo',
      'dist/.web.tsbuildinfo',
      'dist/index.test.js',
      'dist/types.test-d.d.ts',
      'test/a.test.ts',
      'src/index.ts',
      'dist/index.d.ts.map',
      'dist/index.js.map',
      'dist/other.json',
      'tsconfig.json',
    ]);
    expect(refused.find((file) => file.path === 'dist/index.js.map')?.reason).toMatch(
      /sourcesContent/,
    );
  });
});

describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))(
  '%s tarball',
  (name, pkg) => {
    const contents = (): UnpackedTarball => {
      const found = unpacked.get(name);
      if (found === undefined) throw new Error(`${name} was not packed`);
      return found;
    };

    it(`holds only ${ALLOWED_PATTERNS.join('; ')}`, () => {
      const { files } = contents();
      const paths = files.map((file) => file.path);
      expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE']));
      expect(paths.some((path) => path.endsWith('.d.ts'))).toBe(true);
      // A bin is a small committed file outside dist/ (pnpm links bins before any build).
      for (const bin of binTargets(pkg.manifest))
        expect(paths, `${name} lacks ${bin}`).toContain(bin);
      expect(unexpectedFiles(files, pkg.manifest)).toEqual([]);
      console.log(`${name}: ${files.length} files`);
    });

    it('ships the repository LICENSE (MIT, vodkit contributors)', async () => {
      const root = await readFile(join(repoRoot, 'LICENSE'), 'utf8');
      expect(root).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} vodkit contributors\n/);
      expect(await readFile(join(contents().root, 'LICENSE'), 'utf8')).toBe(root);
    });

    it('names its repository folder, homepage, issue tracker, keywords, engines and side effects', async () => {
      const manifest = JSON.parse(
        await readFile(join(contents().root, 'package.json'), 'utf8'),
      ) as {
        license?: string;
        repository?: { type?: string; url?: string; directory?: string };
        homepage?: string;
        bugs?: { url?: string };
        keywords?: string[];
        engines?: Record<string, string>;
        sideEffects?: boolean | string[];
      };
      const folder = pkg.dir.slice(repoRoot.length).replace(/\/$/, '');
      expect(manifest.license).toBe('MIT');
      expect(manifest.repository).toEqual({
        type: 'git',
        url: `git+${REPOSITORY}.git`,
        directory: folder,
      });
      expect(manifest.homepage).toBe(`${REPOSITORY}/tree/main/${folder}#readme`);
      expect(manifest.bugs).toEqual({ url: `${REPOSITORY}/issues` });
      expect(manifest.keywords?.length).toBeGreaterThanOrEqual(3);
      expect(manifest.engines?.['node']).toBe('^20.19.0 || >=22.12.0');
      // No entry runs code on import; only the CLI modules (reached through bin/, never through an
      // export) may be listed.
      const sideEffects = manifest.sideEffects;
      if (Array.isArray(sideEffects)) {
        for (const file of sideEffects) expect(file).toMatch(/^\.\/(bin\/|dist\/(bin|cli)\.js$)/);
      } else {
        expect(sideEffects).toBe(false);
      }
    });
  },
);
