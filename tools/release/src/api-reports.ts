/**
 * The API report part of the release verdict. API Extractor's report files (`*.api.md`, one per
 * entry point, committed beside each package) are the public surface in text, so their diff
 * since a package's release is its API change: a removed or changed line is a breaking change
 * (an export gone, a signature changed), added lines only are a new feature.
 *
 * `pnpm api:check` (when the root package.json defines it) first proves the committed reports
 * match the code; a failure there is a reason of its own, because a stale report would make the
 * diff lie. Without the script, or without reports, the part says so and asks nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import { git, releaseBase } from '@vodkit/spec-compat/base';
import { breakingBump } from '@vodkit/spec-compat/compat';
import type { PlannedBump } from './plan.ts';
import { capture, ReleaseError } from './run.ts';

/** The root script that checks the committed reports against the code. */
export const API_CHECK_SCRIPT = 'api:check';

/** How one package's reports changed since its release. */
export interface ApiChange {
  readonly name: string;
  readonly version: string;
  /** `breaking`: lines removed or changed; `additions`: lines added only. */
  readonly kind: 'breaking' | 'additions';
  /** The bump it needs: {@link breakingBump} for a breaking change, a minor for additions. */
  readonly needs: PlannedBump;
  /** A few of the removed (or added) report lines, for the reader. */
  readonly sample: readonly string[];
  readonly base: string;
}

/** What the API part found. */
export interface ApiReportResult {
  /** Whether `pnpm api:check` exists in the root package.json (and so was run). */
  readonly checked: boolean;
  /** Reasons to fail (a failed `api:check`). */
  readonly reasons: readonly string[];
  readonly notes: readonly string[];
  readonly changes: readonly ApiChange[];
}

/** Whether the repository at `root` defines `pnpm api:check`. */
export function hasApiCheck(root: string): boolean {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return manifest.scripts?.[API_CHECK_SCRIPT] !== undefined;
}

/** Classifies a unified diff of report files: removed lines make it breaking. */
export function classifyReportDiff(diff: string): {
  kind: ApiChange['kind'] | 'none';
  lines: string[];
} {
  const body = diff.split('\n').filter((l) => !l.startsWith('---') && !l.startsWith('+++'));
  const removed = body.filter((l) => l.startsWith('-') && l.slice(1).trim() !== '');
  const added = body.filter((l) => l.startsWith('+') && l.slice(1).trim() !== '');
  if (removed.length > 0) return { kind: 'breaking', lines: removed };
  if (added.length > 0) return { kind: 'additions', lines: added };
  return { kind: 'none', lines: [] };
}

/** Runs `pnpm api:check` when defined, then diffs each released package's reports since its base. */
export function apiReportChanges(root: string): ApiReportResult {
  const reasons: string[] = [];
  const notes: string[] = [];
  const checked = hasApiCheck(root);
  if (checked) {
    try {
      capture('pnpm', ['run', API_CHECK_SCRIPT], { cwd: root, timeoutMs: 600_000 });
      notes.push(`\`pnpm ${API_CHECK_SCRIPT}\`: the committed reports match the code`);
    } catch (error) {
      if (!(error instanceof ReleaseError)) throw error;
      reasons.push(
        `api: \`pnpm ${API_CHECK_SCRIPT}\` failed (a report differs from the code: update it and commit it):\n${error.message}`,
      );
    }
  } else {
    notes.push(
      `no \`pnpm ${API_CHECK_SCRIPT}\` script: the reports are not checked against the code`,
    );
  }
  const changes: ApiChange[] = [];
  for (const pkg of publishablePackages(root)) {
    const dir = relative(root, pkg.dir).replace(/\/$/, '');
    const reports = git(root, ['ls-files', '--cached', '--others', '--exclude-standard', '--', dir])
      .split('\n')
      .filter((f) => f.endsWith('.api.md'));
    if (reports.length === 0) continue;
    const base = releaseBase(root, dir);
    if (!base.released || base.commit === undefined) continue;
    const diff = git(root, ['diff', '--unified=0', base.commit, '--', ...reports]);
    const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '--', ...reports]);
    const added = untracked
      .split('\n')
      .filter((f) => f !== '')
      .map((f) =>
        readFileSync(join(root, f), 'utf8')
          .split('\n')
          .map((l) => `+${l}`)
          .join('\n'),
      );
    const { kind, lines } = classifyReportDiff([diff, ...added].join('\n'));
    if (kind === 'none') continue;
    changes.push({
      name: pkg.manifest.name,
      version: pkg.manifest.version,
      kind,
      needs: kind === 'breaking' ? breakingBump(pkg.manifest.version) : 'minor',
      sample: lines.slice(0, 3),
      base: base.source,
    });
  }
  if (changes.length === 0)
    notes.push('no API report changed since the last release (or none released yet)');
  return { checked, reasons, notes, changes };
}
