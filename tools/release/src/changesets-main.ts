/**
 * `pnpm changeset:check`: fails, naming each package, when a published package's `src` changed
 * since its release base and no pending changeset names it (see coverage.ts for the base).
 */
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { uncoveredPackages, uncoveredReason } from './coverage.ts';
import { releasePlan } from './plan.ts';

const uncovered = uncoveredPackages(repoRoot, releasePlan(repoRoot));
if (uncovered.length === 0) {
  console.log('changesets: every published package changed since its release has a changeset');
} else {
  console.log(`changesets: ${uncovered.length} package(s) changed without a changeset:`);
  for (const u of uncovered) console.log(`  - ${uncoveredReason(u)}`);
  process.exitCode = 1;
}
