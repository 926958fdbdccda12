/**
 * `pnpm release:version --expect 0.1.0`, the command the lead runs for the first release, in a
 * temporary clone: every public package at exactly 0.1.0 with a CHANGELOG.md, the changesets
 * consumed, one release commit tagged `@vodkit/<name>@0.1.0`, and the gate's base moving to that
 * commit. And the refusals: a dirty tree, and an `--expect` the plan does not give (before
 * anything changes).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import { git, releaseBase } from '@vodkit/spec-compat/base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneEnv, temporaryClone } from './temporary-clone.ts';
import type { TemporaryClone } from './temporary-clone.ts';

const FIRST = '0.1.0';
let clone: TemporaryClone | undefined;

beforeAll(() => {
  clone = temporaryClone();
}, 300_000);
afterAll(() => {
  clone?.remove();
});

const root = (): string => {
  if (clone === undefined) throw new Error('the setup did not run');
  return clone.root;
};
const releaseVersion = (...args: string[]): { status: number | null; output: string } => {
  const result = spawnSync('pnpm', ['release:version', ...args], {
    cwd: root(),
    env: cloneEnv(),
    encoding: 'utf8',
    timeout: 300_000,
    killSignal: 'SIGKILL',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('pnpm release:version --expect 0.1.0 in a temporary clone', () => {
  it('refuses a tree with uncommitted changes, and an --expect the plan does not give', () => {
    const readme = join(root(), 'README.md');
    const text = readFileSync(readme, 'utf8');
    writeFileSync(readme, `${text}\nan edit\n`);
    const dirty = releaseVersion('--expect', FIRST);
    expect(dirty.output).toContain('the working tree has uncommitted changes');
    expect(dirty.status).toBe(1);
    writeFileSync(readme, text);
    const head = git(root(), ['rev-parse', 'HEAD']);
    const wrong = releaseVersion('--expect', '1.0.0');
    expect(wrong.output).toMatch(
      /expected every public package at 1\.0\.0: @vodkit\/client would be 0\.1\.0/,
    );
    expect(wrong.status).toBe(1);
    expect(git(root(), ['rev-parse', 'HEAD'])).toBe(head);
    expect(git(root(), ['status', '--porcelain'])).toBe('');
  }, 300_000);

  it('versions every public package to exactly 0.1.0, with changelogs, one commit and tags', () => {
    const pending = readdirSync(join(root(), '.changeset')).filter(
      (f) => f.endsWith('.md') && f !== 'README.md',
    );
    expect(pending.length).toBeGreaterThan(0);
    const start = performance.now();
    const run = releaseVersion('--expect', FIRST);
    console.log(`release:version: ${Math.round(performance.now() - start)} ms`);
    expect(run.output.slice(-4000)).toContain('release: versioned and tagged');
    expect(run.status).toBe(0);
    const packages = publishablePackages(root());
    expect(packages.length).toBe(5);
    const head = git(root(), ['rev-parse', 'HEAD']).trim();
    for (const { dir, manifest } of packages) {
      expect(manifest.version, manifest.name).toBe(FIRST);
      const changelog = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog.startsWith(`# ${manifest.name}\n\n## ${FIRST}\n`), manifest.name).toBe(true);
      expect(changelog).toMatch(/### Minor Changes/);
      expect(releaseBase(root(), dir.slice(root().length + 1).replace(/\/$/, ''))).toMatchObject({
        commit: head,
        source: `git tag ${manifest.name}@${FIRST}`,
      });
    }
    expect(readdirSync(join(root(), '.changeset')).filter((f) => f.endsWith('.md'))).toEqual([
      'README.md',
    ]);
    expect(git(root(), ['tag', '--points-at', head]).trim().split('\n').sort()).toEqual(
      packages.map((p) => `${p.manifest.name}@${FIRST}`).sort(),
    );
    expect(git(root(), ['status', '--porcelain']).trim()).toBe('');
  }, 300_000);

  it('leaves a release commit that pnpm test takes as it is: formatted, and the lockfile still frozen', () => {
    const changed = git(root(), ['diff', '--name-only', 'HEAD~1', 'HEAD'])
      .split('\n')
      .filter((f) => f.endsWith('.json') || f.endsWith('.ts'));
    expect(changed).toContain('packages/types/package.json');
    for (const [command, args] of [
      ['pnpm', ['exec', 'prettier', '--check', ...changed]],
      ['pnpm', ['install', '--offline', '--frozen-lockfile']],
    ] as const) {
      const result = spawnSync(command, args, {
        cwd: root(),
        env: cloneEnv(),
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status, `${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(
        0,
      );
    }
  }, 300_000);

  it('leaves a release the next check compares with: nothing pending, nothing to report', () => {
    const result = spawnSync('pnpm', ['release:check'], {
      cwd: root(),
      env: cloneEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toMatch(/spec: compared with git tag @vodkit\/types@0\.1\.0/);
    expect(output).toMatch(/spec: no breaking change \(0 change\(s\)/);
    expect(output).toContain('release check: ok');
    expect(result.status).toBe(0);
  }, 120_000);
});
