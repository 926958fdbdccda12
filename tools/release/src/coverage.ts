/**
 * Every change under a published package's `src` needs a changeset naming that package, or the
 * release would ship the change without a version or a changelog line.
 *
 * "Since when" is the package's release base ({@link releaseBase}: the tag, else the commit that
 * set its current version), not a merge-base with main: in a fresh clone of main in CI, main is
 * the only branch and its merge-base with itself is HEAD, which would see nothing. From the release
 * commit, every change the next release would ship is seen, committed or not (tracked edits and
 * new untracked files in the working tree count too). Before a package's first release, the base
 * is the commit that created it at 0.0.0.
 */
import { relative } from 'node:path';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import { git, releaseBase } from '@vodkit/spec-compat/base';
import type { ReleasePlan } from './plan.ts';

/** A published package changed since its release base with no changeset naming it. */
export interface UncoveredPackage {
  readonly name: string;
  /** How the base was found (`commit 1a2b3c4d5e (set @vodkit/client to 0.1.0)`). */
  readonly base: string;
  /** The changed files under its `src`, relative to the repository. */
  readonly files: readonly string[];
}

/** The files under `dir` (relative to `root`) that differ from `commit`, or are new and untracked. */
export function changedFiles(root: string, commit: string, dir: string): string[] {
  const tracked = git(root, ['diff', '--name-only', commit, '--', dir]);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', dir]);
  return [...new Set(`${tracked}\n${untracked}`.split('\n').filter((f) => f !== ''))].sort();
}

/** The published packages of `root` whose `src` changed since their release base and that no pending changeset names. */
export function uncoveredPackages(root: string, plan: ReleasePlan): UncoveredPackage[] {
  const named = new Set(
    plan.changesets.flatMap((c) => c.releases.filter((r) => r.type !== 'none').map((r) => r.name)),
  );
  const uncovered: UncoveredPackage[] = [];
  for (const pkg of publishablePackages(root)) {
    const dir = relative(root, pkg.dir).replace(/\/$/, '');
    const base = releaseBase(root, dir);
    if (base.commit === undefined) {
      uncovered.push({
        name: pkg.manifest.name,
        base: base.source,
        files: [`${dir}/package.json`],
      });
      continue;
    }
    const files = changedFiles(root, base.commit, `${dir}/src`);
    if (files.length > 0 && !named.has(pkg.manifest.name)) {
      uncovered.push({ name: pkg.manifest.name, base: base.source, files });
    }
  }
  return uncovered;
}

/** The reason a reader sees for an uncovered package. */
export const uncoveredReason = (u: UncoveredPackage): string =>
  `${u.name}: ${u.files.length} file(s) under its src changed since ${u.base} (${u.files.slice(0, 3).join(', ')}${u.files.length > 3 ? ', ...' : ''}) and no pending changeset names it: run \`pnpm changeset\``;
