/**
 * Checks every publishable package as users receive it: the packed tarball passes publint and
 * attw (ESM-only profile), and a clean npm install of all tarballs imports every entry point.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import type { Problem } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { packPackage } from '../src/pack.ts';
import type { PackedPackage } from '../src/pack.ts';
import { binTargets, moduleEntrypoints, publishablePackages } from '../src/workspace-packages.ts';
import releaseCheckManifest from '../package.json' with { type: 'json' };

const run = promisify(execFile);
/**
 * Entries that need an optional peer the install leaves out: `@vodkit/contract/vitest` registers
 * vitest tests, so it imports vitest, which a user of the CLI or `runContract` does not install.
 */
const NEEDS_OPTIONAL_PEER = new Set(['@vodkit/contract/vitest']);
const packages = publishablePackages();
const packed = new Map<string, PackedPackage>();
let scratch = '';

beforeAll(async () => {
  const destination = await mkdtemp(join(tmpdir(), 'vodkit-pack-'));
  for (const pkg of packages) {
    packed.set(pkg.manifest.name, await packPackage(pkg.dir, destination));
  }
}, 120_000);

/** ESM-only packages: resolution failures under CommonJS-era modes are expected, not problems. */
function esmProblems(problems: readonly Problem[]): Problem[] {
  return problems.filter(
    (problem) =>
      !('resolutionKind' in problem) ||
      problem.resolutionKind === 'node16-esm' ||
      problem.resolutionKind === 'bundler',
  );
}

describe('publishable packages', () => {
  it('are all built before this suite runs (listed as dev dependencies)', () => {
    const checked = Object.keys(releaseCheckManifest.devDependencies);
    expect(packages.length).toBeGreaterThan(0);
    for (const pkg of packages) expect(checked, pkg.manifest.name).toContain(pkg.manifest.name);
  });

  describe.each(packages.map((pkg) => [pkg.manifest.name, pkg] as const))('%s', (name, pkg) => {
    it('passes publint (warnings count as errors)', async () => {
      expect(pkg.dir).toContain('/packages/');
      const tarball = packed.get(name);
      if (tarball === undefined) throw new Error(`${name} was not packed`);
      const { messages } = await publint({
        pack: { tarball: tarball.bytes.slice().buffer },
        level: 'warning',
        strict: true,
      });
      expect(messages).toEqual([]);
    });

    it('has types that resolve for ESM consumers (attw)', async () => {
      const tarball = packed.get(name);
      if (tarball === undefined) throw new Error(`${name} was not packed`);
      const result = await checkPackage(createPackageFromTarballData(tarball.bytes), {
        excludeEntrypoints: [/\.ya?ml$/],
      });
      if (result.types === false) throw new Error(`${name} ships no types`);
      expect(esmProblems(result.problems)).toEqual([]);
      expect(Object.keys(result.entrypoints)).toEqual(
        expect.arrayContaining(moduleEntrypoints(pkg.manifest)),
      );
    });

    it('declares Node >=20.19, the first Node 20 that can require() an ES module', () => {
      expect(pkg.manifest.engines?.['node']).toBe('>=20.19');
    });

    it('ships only dist/, its bins, package.json, and docs', async () => {
      const tarball = packed.get(name);
      if (tarball === undefined) throw new Error(`${name} was not packed`);
      const { stdout } = await run('tar', ['-tzf', tarball.tarball], { timeout: 30_000 });
      const files = stdout.trim().split('\n');
      // A bin is a small committed file outside dist/ (pnpm links bins before any build).
      const bins = new Set(binTargets(pkg.manifest).map((target) => `package/${target}`));
      const unexpected = files.filter(
        (file) =>
          !bins.has(file) &&
          !/^package\/(dist\/|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(file),
      );
      for (const bin of bins) expect(files, `${name} does not ship ${bin}`).toContain(bin);
      expect(unexpected).toEqual([]);
      expect(files.some((file) => file.startsWith('package/src/') || file.includes('.test.'))).toBe(
        false,
      );
    });
  });

  it('install together from the tarballs and import every entry point', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'vodkit-install-'));
    await writeFile(
      join(scratch, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
    );
    const tarballs = [...packed.values()].map((entry) => entry.tarball);
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--omit=dev', '--loglevel=error', ...tarballs],
      { cwd: scratch, timeout: 170_000 },
    );
    // vitest is an optional peer of the contract: npm installs no optional peer by itself, so
    // every entry below but the vitest one imports without it.
    expect(existsSync(join(scratch, 'node_modules', 'vitest'))).toBe(false);
    const specifiers = packages.flatMap((pkg) =>
      moduleEntrypoints(pkg.manifest)
        .map((subpath) => `${pkg.manifest.name}${subpath.slice(1)}`)
        .filter((specifier) => !NEEDS_OPTIONAL_PEER.has(specifier)),
    );
    const script = specifiers
      .map(
        (specifier) =>
          `{ const m = await import(${JSON.stringify(specifier)}); if (Object.keys(m).length === 0) throw new Error('${specifier} exports nothing'); }`,
      )
      .join('\n');
    await writeFile(
      join(scratch, 'smoke.mjs'),
      `${script}\nconsole.log('imported ${specifiers.length}');\n`,
    );
    const { stdout } = await run('node', ['smoke.mjs'], { cwd: scratch, timeout: 60_000 });
    expect(stdout.trim()).toBe(`imported ${specifiers.length}`);
  }, 180_000);

  it('work as a new user first uses them: require() of every entry, and a delete signed with ~/.alibabacloud/credentials', async () => {
    if (scratch === '') throw new Error('the install test did not run');
    const home = await mkdtemp(join(tmpdir(), 'vodkit-home-'));
    await mkdir(join(home, '.alibabacloud'));
    const { DEFAULT_EMULATOR_CREDENTIALS: key } = await import('@vodkit/emulator');
    await writeFile(
      join(home, '.alibabacloud', 'credentials'),
      `[default]\ntype = access_key\naccess_key_id = ${key.accessKeyId}\naccess_key_secret = ${key.accessKeySecret}\n`,
    );
    await copyFile(
      new URL('../fixtures/journey.mjs', import.meta.url),
      join(scratch, 'journey.mjs'),
    );
    const specifiers = packages.flatMap((pkg) =>
      moduleEntrypoints(pkg.manifest)
        .map((subpath) => `${pkg.manifest.name}${subpath.slice(1)}`)
        .filter((specifier) => !NEEDS_OPTIONAL_PEER.has(specifier)),
    );
    // Nothing but HOME and PATH: no credentials in the environment, no proxy.
    const env = { HOME: home, PATH: process.env['PATH'] ?? '' };
    const { stdout } = await run('node', ['journey.mjs', JSON.stringify(specifiers)], {
      cwd: scratch,
      env,
      timeout: 60_000,
    });
    const result = JSON.parse(stdout) as {
      required: string[];
      deleted: { signatureAlgorithm: string; accessKeyId: string }[];
      expectedKey: string;
    };
    expect(result.required).toEqual(specifiers);
    expect(result.deleted).toEqual([
      { signatureAlgorithm: 'ACS3-HMAC-SHA256', accessKeyId: key.accessKeyId },
      { signatureAlgorithm: 'HMAC-SHA1', accessKeyId: key.accessKeyId },
    ]);
  }, 120_000);
});
