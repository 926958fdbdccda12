/**
 * Where a package's last release is in git history. Tags do not always travel with a clone
 * (`git clone` of a mirror, CI checkouts that fetch no tags), so the release is also found in the
 * branch's own history: the commit that set the package's current `version` in its
 * `package.json` is the commit `changeset version` made for that release (a release commit).
 * While the version is 0.0.0, nothing was released: there is no base, and callers say so.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version a package has before its first release. */
export const UNRELEASED_VERSION = '0.0.0';

/** A package's last release, as git history records it. */
export interface ReleaseBase {
  /** The package's name, from its manifest. */
  readonly name: string;
  /** Its current version, from its manifest in the working tree. */
  readonly version: string;
  /** Whether that version was ever released (anything but {@link UNRELEASED_VERSION}). */
  readonly released: boolean;
  /**
   * The commit that set that version (the release commit), or the tag naming it when the tag
   * exists; `undefined` when history has no such commit (a package.json edited by hand).
   */
  readonly commit: string | undefined;
  /** How {@link commit} was found: `git tag @vodkit/types@0.1.0` or `commit 1a2b3c4 (set ...)`. */
  readonly source: string;
}

/** Runs git in `root` with a deadline and returns what it printed. */
export function git(root: string, args: readonly string[]): string {
  return execFileSync('git', [...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Refuses a shallow clone: its oldest commit looks as if it added every file, so a base found
 * in it would be wrong without saying so.
 */
export function assertFullHistory(root: string): void {
  if (git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true') {
    throw new Error(
      'this is a shallow clone: the release base is found in git history, run `git fetch --unshallow` first',
    );
  }
}

/**
 * The release base of the package in `root/packageDir` (`packages/types`): the tag
 * `<name>@<version>` when it exists, else the newest commit whose diff adds the line
 * `"version": "<version>"` to its package.json (`git log -S`).
 */
export function releaseBase(root: string, packageDir: string): ReleaseBase {
  const manifestPath = `${packageDir}/package.json`;
  const manifest = JSON.parse(readFileSync(join(root, manifestPath), 'utf8')) as {
    name: string;
    version: string;
  };
  const { name, version } = manifest;
  const released = version !== UNRELEASED_VERSION;
  assertFullHistory(root);
  const tag = `${name}@${version}`;
  const tagged = git(root, ['tag', '--list', tag]).trim() === tag;
  if (tagged) {
    const commit = git(root, ['rev-parse', `${tag}^{commit}`]).trim();
    return { name, version, released, commit, source: `git tag ${tag}` };
  }
  const line = `"version": "${version}"`;
  const commit =
    git(root, ['log', '-n', '1', '--format=%H', '-S', line, '--', manifestPath]).trim() ||
    undefined;
  const source =
    commit === undefined
      ? `no commit in history sets ${name} to ${version}`
      : `commit ${commit.slice(0, 10)} (set ${name} to ${version})`;
  return { name, version, released, commit, source };
}
