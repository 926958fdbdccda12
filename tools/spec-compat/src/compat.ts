/**
 * The breaking-change gate, as functions: where the last released spec is ({@link releaseBase}), what Redocly's diff
 * (with its `diff-recommended` rules) says changed, and whether the pending changesets bump
 * `@vodkit/types` and the packages that depend on it far enough for the breaking changes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import getChangesets from '@changesets/read';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import type { PackageManifest } from '@vodkit/release-check/workspace-packages';
import semver from 'semver';
import { git, releaseBase } from './base.ts';

const require = createRequire(import.meta.url);

/** A semver level, as changesets and Redocly's diff name them. */
export type Bump = 'major' | 'minor' | 'patch';

/** One change Redocly found, with the impact its rules gave it. */
export interface SpecChange {
  readonly impact: Bump;
  /** Where in the spec (a JSON pointer into the revision, or the base for a removal). */
  readonly pointer: string;
  /** What changed, in Redocly's words when a rule judged it. */
  readonly message: string;
}

/** Redocly's diff: the bump it asks for and the changes. */
export interface SpecDiff {
  readonly bump: Bump | 'none';
  readonly changes: readonly SpecChange[];
}

const RANK: Readonly<Record<Bump, number>> = { patch: 1, minor: 2, major: 3 };

/** Whether `bump` is at least `needed`. */
export const atLeast = (bump: Bump | undefined, needed: Bump): boolean =>
  bump !== undefined && RANK[bump] >= RANK[needed];

/** The config that turns on Redocly's recommended diff rules (they classify each change). */
const DIFF_CONFIG = 'extends:\n  - diff-recommended\n';

interface RedoclyChange {
  impact?: string;
  kind?: string;
  property?: string;
  base?: { pointer?: string };
  revision?: { pointer?: string };
  verdicts?: { impact?: string; message?: string }[];
}

/** Runs `redocly diff base revision` and reads its JSON report. */
export function diffSpecs(base: string, revision: string, workDir: string): SpecDiff {
  mkdirSync(workDir, { recursive: true });
  const config = join(workDir, 'redocly-diff.yaml');
  writeFileSync(config, DIFF_CONFIG);
  const output = join(workDir, 'diff.json');
  const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const result = spawnSync(
    process.execPath,
    [
      cli,
      'diff',
      base,
      revision,
      '--config',
      config,
      '--format',
      'json',
      '--fail-on',
      'none',
      '--output',
      output,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0 || !existsSync(output)) {
    throw new Error(
      `redocly diff failed (exit ${String(result.status)}): ${result.stderr.slice(-2000)}`,
    );
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    bump?: string;
    changes?: RedoclyChange[];
  };
  const changes = (report.changes ?? []).map((c): SpecChange => {
    const verdict = c.verdicts?.[0];
    const impact = (verdict?.impact ?? c.impact ?? 'patch') as Bump;
    const pointer = c.revision?.pointer ?? c.base?.pointer ?? '#';
    return {
      impact,
      pointer,
      message: verdict?.message ?? `${c.kind ?? 'changed'} ${c.property ?? ''}`.trim(),
    };
  });
  return { bump: (report.bump ?? 'none') as Bump | 'none', changes };
}

/** A released spec to compare with, and where it came from. */
export interface ReleasedSpec {
  readonly path: string;
  /** `git tag @vodkit/types@0.1.0` or `commit 1a2b3c4d5e (set @vodkit/types to 0.1.0)`. */
  readonly source: string;
}

/** What the gate compares with: the released spec, or why there is none. */
export type SpecBase =
  | { readonly kind: 'released'; readonly spec: ReleasedSpec }
  | { readonly kind: 'unreleased'; readonly reason: string };

/**
 * The spec of the last release of `@vodkit/types`, written to `workDir`: the spec at the tag
 * `@vodkit/types@<version>` or, without the tag, at the commit that set `@vodkit/types`' current
 * version ({@link releaseBase}). `unreleased` while that version is 0.0.0. Throws when the
 * version is released but history has no commit setting it (a hand-edited version, a shallow
 * clone): a gate that cannot find its base must not pass.
 */
export function findReleasedSpec(repoRoot: string, workDir: string): SpecBase {
  mkdirSync(workDir, { recursive: true });
  const base = releaseBase(repoRoot, 'packages/types');
  if (!base.released) {
    return {
      kind: 'unreleased',
      reason: `nothing released yet: ${base.name} is at ${base.version} (${base.source})`,
    };
  }
  if (base.commit === undefined) {
    throw new Error(
      `${base.name} is at ${base.version} but ${base.source}: the gate has no base to compare with`,
    );
  }
  const path = join(workDir, 'released.yaml');
  writeFileSync(path, git(repoRoot, ['show', `${base.commit}:spec/vod.openapi.yaml`]));
  return { kind: 'released', spec: { path, source: base.source } };
}

/** A workspace package, as the gate needs it (release-check reads the manifests). */
export type WorkspacePackage = Pick<
  PackageManifest,
  'name' | 'version' | 'private' | 'dependencies' | 'peerDependencies'
>;

/** The workspace's published packages (`packages/*`, not private) of the repository at `root`. */
export const readWorkspacePackages = (root?: string): WorkspacePackage[] =>
  publishablePackages(root).map((p) => p.manifest);

/** The published packages that depend on `name`, directly or through each other. */
export function dependentsOf(packages: readonly WorkspacePackage[], name: string): string[] {
  const found = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of packages) {
      if (p.private === true || found.has(p.name) || p.name === name) continue;
      const deps = { ...p.dependencies, ...p.peerDependencies };
      if (Object.keys(deps).some((d) => d === name || found.has(d))) {
        found.add(p.name);
        grew = true;
      }
    }
  }
  return [...found].sort();
}

/** The bump a breaking change needs: a minor below 1.0 (semver's 0.x rule), a major from 1.0. */
export const breakingBump = (version: string): Bump =>
  semver.major(version) === 0 ? 'minor' : 'major';

/** Each package's highest bump among the pending changesets. */
export async function pendingBumps(repoRoot: string): Promise<Map<string, Bump>> {
  const bumps = new Map<string, Bump>();
  for (const changeset of await getChangesets(repoRoot)) {
    for (const release of changeset.releases) {
      if (release.type === 'none') continue;
      const previous = bumps.get(release.name);
      if (!atLeast(previous, release.type)) bumps.set(release.name, release.type);
    }
  }
  return bumps;
}

/** What the gate decided. */
export interface GateVerdict {
  readonly ok: boolean;
  readonly breaking: readonly SpecChange[];
  /** Each line a reader needs: the breaking changes and the bumps missing. */
  readonly lines: readonly string[];
}

/**
 * Passes when no change is breaking, or when the changesets bump `@vodkit/types` and every
 * published package depending on it by at least {@link breakingBump} of its version.
 */
export function judge(
  diff: SpecDiff,
  bumps: ReadonlyMap<string, Bump>,
  packages: readonly WorkspacePackage[],
): GateVerdict {
  const breaking = diff.changes.filter((c) => c.impact === 'major');
  if (breaking.length === 0) {
    return {
      ok: true,
      breaking,
      lines: [`no breaking change (${diff.changes.length} change(s), at most ${diff.bump})`],
    };
  }
  const lines = breaking.map((c) => `breaking: ${c.message} (${c.pointer})`);
  let ok = true;
  for (const name of ['@vodkit/types', ...dependentsOf(packages, '@vodkit/types')]) {
    const version = packages.find((p) => p.name === name)?.version ?? '0.0.0';
    const needed = breakingBump(version);
    const pending = bumps.get(name);
    if (!atLeast(pending, needed)) {
      ok = false;
      lines.push(
        `missing: a changeset with a ${needed} bump of ${name} (at ${version}; pending: ${pending ?? 'none'})`,
      );
    }
  }
  if (ok)
    lines.push('every package the breaking change reaches has a changeset that bumps it enough');
  return { ok, breaking, lines };
}
