/**
 * The steps `pnpm release` and `pnpm release:version` share: where to publish, a clean tree,
 * `changeset version` into one release commit (the commit the breaking-change gate and the
 * changeset check take as the next base), and what was released.
 */
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import { git } from '@vodkit/spec-compat/base';
import { changesetCommand } from './plan.ts';
import type { PlannedRelease, ReleasePlan } from './plan.ts';
import { ReleaseError, step } from './run.ts';

/** The public npm registry, which `pnpm run` names by default. */
export const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';

/** The variable that confirms a release to {@link PUBLIC_REGISTRY}. */
export const PUBLIC_CONFIRMATION = 'VODKIT_RELEASE_PUBLIC';

/**
 * The registry to publish to: `npm_config_registry`, else `NPM_CONFIG_REGISTRY`.
 *
 * `pnpm run` sets `npm_config_registry` for every script from its own config, to the public npm
 * registry when nothing else is configured, so that value cannot tell a registry someone named
 * from pnpm's default: a release to the public registry also needs `VODKIT_RELEASE_PUBLIC=1`.
 * Any other registry is taken as named. With none at all (the script run without pnpm), it
 * refuses too: nothing reaches a registry by accident.
 */
export function publishRegistry(env: NodeJS.ProcessEnv): string {
  const registry = env['npm_config_registry'] ?? env['NPM_CONFIG_REGISTRY'];
  if (registry === undefined || registry.trim() === '') {
    throw new ReleaseError(
      'no registry named: set npm_config_registry (for the public npm registry, also VODKIT_RELEASE_PUBLIC=1)',
    );
  }
  let url: URL;
  try {
    url = new URL(registry);
  } catch {
    throw new ReleaseError(`npm_config_registry is not a URL: ${JSON.stringify(registry)}`);
  }
  // Never echo credentials someone put in the URL.
  url.username = '';
  url.password = '';
  if (url.href === PUBLIC_REGISTRY && env[PUBLIC_CONFIRMATION] !== '1') {
    throw new ReleaseError(
      `no registry named: npm_config_registry is ${PUBLIC_REGISTRY}, which pnpm sets by default; to release there, set ${PUBLIC_CONFIRMATION}=1, else name your registry in npm_config_registry`,
    );
  }
  return url.href;
}

/** Refuses to release from a tree with uncommitted changes: the release commit holds only the release. */
export function assertCleanTree(root: string): void {
  const status = git(root, ['status', '--porcelain']).trim();
  if (status !== '') {
    throw new ReleaseError(
      `the working tree has uncommitted changes; commit or remove them first:\n${status}`,
    );
  }
}

/** The public packages a plan releases. */
export function publicReleases(root: string, plan: ReleasePlan): PlannedRelease[] {
  const published = new Set(publishablePackages(root).map((p) => p.manifest.name));
  return plan.releases.filter((r) => published.has(r.name) && r.type !== 'none');
}

/**
 * Refuses a plan unless every public package is released at exactly `version` (the first
 * release: `--expect 0.1.0`), naming each package that would not be.
 */
export function assertPlannedVersion(root: string, plan: ReleasePlan, version: string): void {
  const planned = new Map(publicReleases(root, plan).map((r) => [r.name, r.newVersion]));
  const wrong = publishablePackages(root)
    .map((p) => p.manifest.name)
    .filter((name) => planned.get(name) !== version)
    .map((name) => `${name} would be ${planned.get(name) ?? 'not released'}`);
  if (wrong.length > 0) {
    throw new ReleaseError(`expected every public package at ${version}: ${wrong.join('; ')}`);
  }
}

/** `release: @vodkit/client@0.1.0, @vodkit/types@0.1.0`: the release commit's subject. */
export const releaseCommitMessage = (releases: readonly PlannedRelease[]): string =>
  `release: ${releases.map((r) => `${r.name}@${r.newVersion}`).join(', ')}`;

/**
 * `changeset version` (versions, `workspace:` ranges, CHANGELOG.md, changesets consumed), then
 * one commit of exactly that. Returns the commit.
 */
export function versionAndCommit(root: string, releases: readonly PlannedRelease[]): string {
  if (releases.length === 0)
    throw new ReleaseError('no pending changeset releases a public package');
  step(...changesetCommand('version'), { cwd: root, timeoutMs: 120_000 });
  git(root, ['add', '--all']);
  git(root, ['commit', '--quiet', '--message', releaseCommitMessage(releases)]);
  return git(root, ['rev-parse', 'HEAD']).trim();
}

/** The tags `@vodkit/<name>@<version>` on `commit`. */
export const tagsAt = (root: string, commit: string): string[] =>
  git(root, ['tag', '--points-at', commit])
    .split('\n')
    .filter((t) => t !== '')
    .sort();
