/**
 * Packs every public workspace package with `pnpm pack` (the one pack step the release checks
 * share: it rewrites `workspace:` ranges to the versions they name) and publishes each tarball to
 * a local registry with plain `npm publish`, as a release would.
 */
import { packPackage } from '@vodkit/release-check/pack';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import type { LocalRegistry } from './registry.ts';
import { runOk } from './processes.ts';

/** A package as published to the local registry. */
export interface PublishedPackage {
  readonly name: string;
  readonly version: string;
  /** The packed tarball that was published. */
  readonly tarball: string;
}

/**
 * Packs each public package into `destination` and publishes it to `registry`, all at once (npm
 * does not check dependencies at publish time), in the order of {@link publishablePackages}. Each
 * command has its own deadline.
 */
export async function packAndPublish(
  registry: LocalRegistry,
  destination: string,
): Promise<PublishedPackage[]> {
  // Side by side: each is a short process that mostly waits on the disk and the registry.
  return Promise.all(
    publishablePackages().map(async (pkg): Promise<PublishedPackage> => {
      const { tarball } = await packPackage(pkg.dir, destination);
      await runOk(
        'npm',
        [
          'publish',
          tarball,
          '--registry',
          registry.url,
          '--userconfig',
          registry.npmrc,
          '--access',
          'public',
          '--tag',
          'latest',
          '--loglevel',
          'error',
          '--no-provenance',
        ],
        { cwd: destination, timeoutMs: 60_000 },
      );
      return { name: pkg.manifest.name, version: pkg.manifest.version, tarball };
    }),
  );
}
