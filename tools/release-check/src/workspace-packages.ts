/** Finds the packages the workspace publishes (everything under packages/ that is not private). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The fields of a package.json the release checks read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly exports?: Readonly<Record<string, unknown>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
  readonly bin?: string | Readonly<Record<string, string>>;
}

/** A publishable workspace package. */
export interface PublishablePackage {
  readonly dir: string;
  readonly manifest: PackageManifest;
}

/** Absolute path of the repository root. */
export const repoRoot: string = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Every non-private package under `packages/` of the repository at `root` (this one by default;
 * the release tests point it at a temporary copy), sorted by name.
 */
export function publishablePackages(root: string = repoRoot): PublishablePackage[] {
  const packagesDir = `${root.endsWith('/') ? root : `${root}/`}packages/`;
  return readdirSync(packagesDir)
    .map((name) => `${packagesDir}${name}/`)
    .filter((dir) => existsSync(`${dir}package.json`))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as PackageManifest,
    }))
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/**
 * The subpaths of a package's `exports` that are JavaScript modules (not `./package.json` or data
 * files), which a consumer can `import`.
 */
export function moduleEntrypoints(manifest: PackageManifest): string[] {
  return Object.keys(manifest.exports ?? {}).filter(
    (subpath) => subpath !== './package.json' && !/\.(json|ya?ml)$/.test(subpath),
  );
}

/** The files a package's `bin` names, relative to the package (`bin/vodkit-emulator.js`). */
export function binTargets(manifest: PackageManifest): string[] {
  const bin = manifest.bin ?? {};
  return (typeof bin === 'string' ? [bin] : Object.values(bin)).map((target) =>
    target.replace(/^\.\//, ''),
  );
}
