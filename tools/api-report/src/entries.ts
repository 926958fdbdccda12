/**
 * The entry points API reports cover: every module subpath in the `exports` map of every
 * published package, each with the declaration file it resolves to and the report it is held to.
 * Read from the manifests, so a new entry point gets a report (and a missing one fails the check)
 * without a config file to keep in step.
 */
import { join } from 'node:path';
import { moduleEntrypoints, publishablePackages } from '@vodkit/release-check/workspace-packages';

/** One entry point and the report that records its public API. */
export interface ReportedEntry {
  /** `@vodkit/signer/node`: what a user imports. */
  readonly specifier: string;
  /** The package folder (absolute, ends with `/`). */
  readonly packageDir: string;
  /** The declaration file the entry's `types` condition names (absolute). */
  readonly declarations: string;
  /** The report's folder: the package's `api/`, committed beside the code it describes. */
  readonly reportFolder: string;
  /** The report's file name without `.api.md`: `signer` for `.`, `signer-node` for `./node`. */
  readonly reportName: string;
}

/** The `types` target of one `exports` entry, or undefined when it names none. */
function typesTarget(target: unknown): string | undefined {
  if (target === null || typeof target !== 'object') return undefined;
  const types = (target as Record<string, unknown>)['types'];
  return typeof types === 'string' ? types : undefined;
}

/** Every reported entry point, package by package in name order, subpaths in `exports` order. */
export function reportedEntries(): ReportedEntry[] {
  return publishablePackages().flatMap(({ dir, manifest }) => {
    const unscoped = manifest.name.replace(/^@[^/]+\//, '');
    return moduleEntrypoints(manifest).map((subpath) => {
      const types = typesTarget(manifest.exports?.[subpath]);
      if (types === undefined) {
        throw new Error(`${manifest.name} exports ${subpath} without a "types" condition`);
      }
      const suffix = subpath === '.' ? '' : `-${subpath.slice(2).replaceAll('/', '-')}`;
      return {
        specifier: `${manifest.name}${subpath.slice(1)}`,
        packageDir: dir,
        declarations: join(dir, types),
        reportFolder: join(dir, 'api'),
        reportName: `${unscoped}${suffix}`,
      };
    });
  });
}
