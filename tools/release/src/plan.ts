/**
 * The planned release, as changesets computes it: `changeset status --output <file>` (the
 * pending changesets, and each package's bump with the dependents changesets adds). It compares
 * with `baseBranch` of `.changeset/config.json` (`main`), so the repository needs that branch:
 * a fresh clone of main has it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture } from './run.ts';

/** A semver bump as changesets plans it. */
export type PlannedBump = 'major' | 'minor' | 'patch' | 'none';

/** One pending changeset. */
export interface PlannedChangeset {
  readonly id: string;
  readonly summary: string;
  readonly releases: readonly { readonly name: string; readonly type: PlannedBump }[];
}

/** One package's planned release. */
export interface PlannedRelease {
  readonly name: string;
  readonly type: PlannedBump;
  readonly oldVersion: string;
  readonly newVersion: string;
  /** The changesets that name it; empty when it is bumped only as a dependent. */
  readonly changesets: readonly string[];
}

/** What `changeset status --output` writes. */
export interface ReleasePlan {
  readonly changesets: readonly PlannedChangeset[];
  readonly releases: readonly PlannedRelease[];
}

/**
 * The changesets CLI this tool depends on (the catalog's version), run with this Node: the same
 * CLI for any repository root, a temporary one in the tests included.
 */
export const changesetCommand = (...args: string[]): [string, string[]] => [
  process.execPath,
  [createRequire(import.meta.url).resolve('@changesets/cli/bin.js'), ...args],
];

/** Runs `changeset status --output` in `root` and reads the plan. */
export function releasePlan(root: string): ReleasePlan {
  const work = mkdtempSync(join(tmpdir(), 'vodkit-plan-'));
  try {
    const output = join(work, 'status.json');
    capture(...changesetCommand('status', '--output', output), {
      cwd: root,
      timeoutMs: 120_000,
    });
    return JSON.parse(readFileSync(output, 'utf8')) as ReleasePlan;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const RANK: Readonly<Record<PlannedBump, number>> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Whether `bump` is at least `needed`. */
export const bumpAtLeast = (bump: PlannedBump | undefined, needed: PlannedBump): boolean =>
  RANK[bump ?? 'none'] >= RANK[needed];

/** The highest bump any changeset asks for `name` (`none` when no changeset names it). */
export function askedBump(plan: ReleasePlan, name: string): PlannedBump {
  let highest: PlannedBump = 'none';
  for (const changeset of plan.changesets) {
    for (const release of changeset.releases) {
      if (release.name === name && RANK[release.type] > RANK[highest]) highest = release.type;
    }
  }
  return highest;
}
