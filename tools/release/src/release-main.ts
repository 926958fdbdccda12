/**
 * `pnpm release`: the whole flow, from a clean tree.
 *
 * 1. the registry the environment names (`npm_config_registry`; the public one only with
 *    `VODKIT_RELEASE_PUBLIC=1`, see `publishRegistry`), or refuse;
 * 2. `pnpm build`, then `pnpm test` (every check; `VODKIT_RELEASE_SKIP_TEST=1` skips it, for the
 *    end-to-end test of this flow, which runs in a temporary clone where the full suite would
 *    take many minutes); then `pnpm release:check` always, skip or not;
 * 3. `changeset version` and one release commit;
 * 4. `pnpm build` again (the client writes its own version into its build), then
 *    `changeset publish` to that registry, which tags `@vodkit/<name>@<version>` on the commit.
 */
import { repoRoot as root } from '@vodkit/release-check/workspace-packages';
import {
  assertCleanTree,
  publicReleases,
  publishRegistry,
  tagsAt,
  versionAndCommit,
} from './flow.ts';
import { changesetCommand } from './plan.ts';
import { ReleaseError, step } from './run.ts';
import { releaseVerdict, verdictLines } from './verdict.ts';

const say = (line: string): void => {
  console.log(`release: ${line}`);
};

try {
  const registry = publishRegistry(process.env);
  assertCleanTree(root);
  say(`publishing to ${registry}`);
  say('build');
  step('pnpm', ['run', 'build'], { cwd: root, timeoutMs: 900_000 });
  if (process.env['VODKIT_RELEASE_SKIP_TEST'] === '1') {
    say('skipping `pnpm test` (VODKIT_RELEASE_SKIP_TEST=1); the release check still runs');
  } else {
    say('test');
    step('pnpm', ['run', 'test'], { cwd: root, timeoutMs: 3_600_000 });
  }
  say('check');
  const verdict = await releaseVerdict(root);
  for (const line of verdictLines(verdict)) console.log(line);
  if (!verdict.ok) throw new ReleaseError('the release check failed');
  const releases = publicReleases(root, verdict.plan);
  say('version');
  const commit = versionAndCommit(root, releases);
  say('build the released versions');
  step('pnpm', ['run', 'build'], { cwd: root, timeoutMs: 900_000 });
  say('publish');
  step(...changesetCommand('publish'), {
    cwd: root,
    timeoutMs: 600_000,
    env: { ...process.env, npm_config_registry: registry },
  });
  say(`released ${tagsAt(root, commit).join(', ')} at ${commit.slice(0, 10)}`);
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`release: ${error.message}`);
  process.exitCode = 1;
}
