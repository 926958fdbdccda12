/**
 * `pnpm release:version [--expect 0.1.0]`: a release in the repository without publishing:
 * the release check, `changeset version` into one release commit, and `changeset tag`
 * (`@vodkit/<name>@<version>` on that commit). With `--expect`, it refuses before changing
 * anything unless every public package would be released at exactly that version.
 */
import { parseArgs } from 'node:util';
import { repoRoot as root } from '@vodkit/release-check/workspace-packages';
import {
  assertCleanTree,
  assertPlannedVersion,
  publicReleases,
  tagsAt,
  versionAndCommit,
} from './flow.ts';
import { changesetCommand } from './plan.ts';
import { ReleaseError, step } from './run.ts';
import { releaseVerdict, verdictLines } from './verdict.ts';

const { values } = parseArgs({ options: { expect: { type: 'string' } } });

try {
  assertCleanTree(root);
  const verdict = await releaseVerdict(root);
  for (const line of verdictLines(verdict)) console.log(line);
  if (!verdict.ok) throw new ReleaseError('the release check failed');
  if (values.expect !== undefined) assertPlannedVersion(root, verdict.plan, values.expect);
  const commit = versionAndCommit(root, publicReleases(root, verdict.plan));
  step(...changesetCommand('tag'), { cwd: root, timeoutMs: 60_000 });
  console.log(
    `release: versioned and tagged ${tagsAt(root, commit).join(', ')} at ${commit.slice(0, 10)}`,
  );
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`release: ${error.message}`);
  process.exitCode = 1;
}
