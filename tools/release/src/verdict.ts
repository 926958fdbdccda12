/**
 * One release verdict (`pnpm release:check`): the spec gate, the API reports and the planned
 * bumps, joined. It fails, printing each reason, when a breaking change (in the spec or in a
 * public export) is planned as less than it needs (below 1.0 a minor, from 1.0 a major), when a
 * package changed since its release with no changeset naming it, and when changesets plan a major
 * that no changeset asked for (its rule for peer dependencies would release 1.0.0 unasked).
 */
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import { runGate } from '@vodkit/spec-compat/gate';
import { apiReportChanges } from './api-reports.ts';
import { uncoveredPackages, uncoveredReason } from './coverage.ts';
import { askedBump, bumpAtLeast, releasePlan } from './plan.ts';
import type { ReleasePlan } from './plan.ts';

/** The verdict: ok when `reasons` is empty. */
export interface ReleaseVerdict {
  readonly ok: boolean;
  /** Why it fails, one line (or block) each. */
  readonly reasons: readonly string[];
  /** What each part found, for the reader. */
  readonly notes: readonly string[];
  readonly plan: ReleasePlan;
}

/** Judges the repository at `root`. */
export async function releaseVerdict(root: string): Promise<ReleaseVerdict> {
  const reasons: string[] = [];
  const notes: string[] = [];
  const plan = releasePlan(root);
  const planned = new Map(plan.releases.map((r) => [r.name, r]));
  const published = new Set(publishablePackages(root).map((p) => p.manifest.name));

  const gate = await runGate(root);
  notes.push(gate.compared ? `spec: compared with ${gate.base}` : `spec: ${gate.lines.join('; ')}`);
  for (const line of gate.compared ? gate.lines : []) {
    (gate.ok ? notes : reasons).push(`spec: ${line}`);
  }

  const api = apiReportChanges(root);
  reasons.push(...api.reasons);
  notes.push(...api.notes.map((n) => `api: ${n}`));
  for (const change of api.changes) {
    const release = planned.get(change.name);
    const line = `api: ${change.name}'s report ${change.kind === 'breaking' ? 'removes or changes' : 'adds'} exports since ${change.base} (${change.sample.join(' | ')}): needs a ${change.needs} (at ${change.version}), planned: ${release?.type ?? 'none'}`;
    (bumpAtLeast(release?.type, change.needs) ? notes : reasons).push(line);
  }

  for (const release of plan.releases) {
    if (!published.has(release.name) || release.type === 'none') continue;
    const asked = askedBump(plan, release.name);
    notes.push(
      `plan: ${release.name} ${release.oldVersion} -> ${release.newVersion} (${release.type}; ${release.changesets.length} changeset(s))`,
    );
    if (release.type === 'major' && asked !== 'major') {
      reasons.push(
        `plan: ${release.name} is planned as a major (${release.oldVersion} -> ${release.newVersion}) but its changesets ask for ${asked}: changesets bumps a dependent to a major when a peer dependency leaves its range; widen the peer range or write a major changeset`,
      );
    }
  }

  for (const uncovered of uncoveredPackages(root, plan))
    reasons.push(`changeset: ${uncoveredReason(uncovered)}`);

  return { ok: reasons.length === 0, reasons, notes, plan };
}

/** The verdict as the lines `pnpm release:check` prints. */
export function verdictLines(verdict: ReleaseVerdict): string[] {
  const lines = ['release check:', ...verdict.notes.map((n) => `  ${n}`)];
  if (verdict.ok) lines.push('release check: ok');
  else {
    lines.push(`release check: failed, ${verdict.reasons.length} reason(s):`);
    for (const reason of verdict.reasons) lines.push(`  - ${reason.replace(/\n/g, '\n    ')}`);
  }
  return lines;
}
