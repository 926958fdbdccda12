/**
 * The breaking-change gate, as functions: where the last released spec is, what Redocly's diff
 * (with its `diff-recommended` rules) says changed, and whether the pending changesets bump
 * `@vodkit/types` and the packages that depend on it far enough for the breaking changes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import getChangesets from '@changesets/read';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import type { PackageManifest } from '@vodkit/release-check/workspace-packages';
import semver from 'semver';

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
  /** `git tag @vodkit/types@0.1.0` or `npm @vodkit/types@0.1.0`. */
  readonly source: string;
}

/**
 * The spec of the last release: the newest `@vodkit/types@*` git tag, or else the published
 * `@vodkit/types` (its `dist/openapi.yaml`). `undefined` when nothing was released yet.
 */
export function findReleasedSpec(repoRoot: string, workDir: string): ReleasedSpec | undefined {
  mkdirSync(workDir, { recursive: true });
  const git = (args: string[]): string =>
    execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    });
  let tags: string[] = [];
  try {
    tags = git(['tag', '--list', '@vodkit/types@*'])
      .split('\n')
      .filter((t) => t !== '');
  } catch {
    // not a git checkout: try the registry
  }
  const newest = tags
    .map((tag) => ({ tag, version: semver.valid(tag.slice('@vodkit/types@'.length)) }))
    .filter((t): t is { tag: string; version: string } => t.version !== null)
    .sort((a, b) => semver.rcompare(a.version, b.version))[0];
  if (newest !== undefined) {
    const path = join(workDir, 'released.yaml');
    writeFileSync(path, git(['show', `${newest.tag}:spec/vod.openapi.yaml`]));
    return { path, source: `git tag ${newest.tag}` };
  }
  const pack = spawnSync(
    'npm',
    ['pack', '@vodkit/types@latest', '--pack-destination', workDir, '--json'],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (pack.status !== 0) return undefined;
  const [info] = JSON.parse(pack.stdout) as { filename: string; version: string }[];
  if (info === undefined) return undefined;
  execFileSync('tar', ['-xzf', join(workDir, info.filename), '-C', workDir], { timeout: 30_000 });
  const path = join(workDir, 'package', 'dist', 'openapi.yaml');
  return existsSync(path) ? { path, source: `npm @vodkit/types@${info.version}` } : undefined;
}

/** A workspace package, as the gate needs it (release-check reads the manifests). */
export type WorkspacePackage = Pick<
  PackageManifest,
  'name' | 'version' | 'private' | 'dependencies' | 'peerDependencies'
>;

/** The workspace's published packages (`packages/*`, not private). */
export const readWorkspacePackages = (): WorkspacePackage[] =>
  publishablePackages().map((p) => p.manifest);

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
