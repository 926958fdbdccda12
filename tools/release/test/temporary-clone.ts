/**
 * A temporary copy of this repository for the release tests: `git clone` of HEAD (the commit the
 * lead would release), plus the working tree's changesets that are not committed yet, on a branch
 * named main with no remote (the shape of a fresh CI clone, and nothing can be pushed from it),
 * with its own `pnpm install --offline --frozen-lockfile` (node_modules hard-linked from the
 * store this workspace already filled, so nothing is downloaded).
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { git } from '@vodkit/spec-compat/base';
import { capture } from '../src/run.ts';

/** A throwaway identity for the release commit, and nothing of this machine's git config. */
export const GIT_IDENTITY: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'vodkit release test',
  GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
  GIT_COMMITTER_NAME: 'vodkit release test',
  GIT_COMMITTER_EMAIL: 'release-test@example.invalid',
};

/** The copy: its folder (the repository is `dir/repo`) and how long each setup step took. */
export interface TemporaryClone {
  readonly root: string;
  readonly timings: Readonly<Record<string, number>>;
  remove(): void;
}

/**
 * The environment the copy's commands run in: this one with the git identity, without this
 * run's test switches and without the outer turbo's task variables (the copy runs its own turbo).
 */
export function cloneEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([name]) =>
      !name.startsWith('TURBO_') && name !== 'VODKIT_TEST_TARGET' && name !== 'VODKIT_TEST_TIER',
  );
  return { ...Object.fromEntries(kept), ...GIT_IDENTITY, ...extra };
}

const timed = <T>(timings: Record<string, number>, name: string, run: () => T): T => {
  const start = performance.now();
  try {
    return run();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
};

/** Clones HEAD with the pending changesets into a new temporary folder and installs it. */
export function temporaryClone(): TemporaryClone {
  const dir = mkdtempSync(join(tmpdir(), 'vodkit-release-copy-'));
  const root = join(dir, 'repo');
  const timings: Record<string, number> = {};
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    timed(timings, 'clone', () => {
      git(dir, ['clone', '--quiet', '--no-hardlinks', repoRoot, root]);
      git(root, ['checkout', '--quiet', '-B', 'main']);
      git(root, ['remote', 'remove', 'origin']);
      const pending = readdirSync(join(repoRoot, '.changeset')).filter(
        (f) => f.endsWith('.md') && f !== 'README.md' && !existsSync(join(root, '.changeset', f)),
      );
      for (const f of pending)
        copyFileSync(join(repoRoot, '.changeset', f), join(root, '.changeset', f));
      if (pending.length > 0) {
        git(root, ['add', '.changeset']);
        capture(
          'git',
          ['commit', '--quiet', '--message', "the working tree's pending changesets"],
          {
            cwd: root,
            timeoutMs: 30_000,
            env: cloneEnv(),
          },
        );
      }
    });
    timed(timings, 'install', () =>
      capture('pnpm', ['install', '--offline', '--frozen-lockfile'], {
        cwd: root,
        timeoutMs: 300_000,
        env: cloneEnv(),
      }),
    );
    return { root, timings, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
