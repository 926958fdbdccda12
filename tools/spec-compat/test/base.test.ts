/**
 * The gate's base in git history, in a temporary repository made of this one's spec and package
 * manifests: before a release it says so; after a release commit (no tag) it compares with the
 * spec at that commit, so a narrowed limit fails without a changeset and passes with the right
 * one; a tag wins over history; a shallow clone is refused rather than compared wrongly.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseBase } from '../src/base.ts';
import { runGate } from '../src/gate.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGES = ['types', 'signer', 'client', 'emulator', 'contract'];
const NARROW: [RegExp, string] = [/(ImageIdList:[\s\S]*?maxItems: )20/, '$110'];

const work = mkdtempSync(join(tmpdir(), 'spec-compat-base-'));
const repo = join(work, 'repo');
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const run = (args: string[], cwd = repo): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  }).trim();
const commit = (message: string): string => {
  run(['add', '-A']);
  run(['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '-qm', message]);
  return run(['rev-parse', 'HEAD']);
};
const setVersions = (version: string): void => {
  for (const name of PACKAGES) {
    const path = join(repo, 'packages', name, 'package.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  }
};
const editSpec = (from: RegExp, to: string): void => {
  const path = join(repo, 'spec', 'vod.openapi.yaml');
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  expect(after, 'the edit applies').not.toBe(before);
  writeFileSync(path, after);
};

/** This repository's spec and public manifests, at 0.0.0, as a first commit. */
function initialRepo(): string {
  mkdirSync(join(repo, 'spec'), { recursive: true });
  cpSync(join(root, 'spec', 'vod.openapi.yaml'), join(repo, 'spec', 'vod.openapi.yaml'));
  mkdirSync(join(repo, '.changeset'));
  writeFileSync(join(repo, '.changeset', 'README.md'), 'Changesets.\n');
  for (const name of PACKAGES) {
    mkdirSync(join(repo, 'packages', name), { recursive: true });
    cpSync(
      join(root, 'packages', name, 'package.json'),
      join(repo, 'packages', name, 'package.json'),
    );
  }
  run(['init', '-q', '-b', 'main']);
  setVersions('0.0.0');
  return commit('initial');
}

describe('the breaking-change gate finds its base in history', () => {
  let release = '';

  it('says explicitly that nothing was released while @vodkit/types is at 0.0.0', async () => {
    const initial = initialRepo();
    expect(releaseBase(repo, 'packages/types')).toMatchObject({
      version: '0.0.0',
      released: false,
      commit: initial,
    });
    editSpec(...NARROW);
    const report = await runGate(repo);
    expect(report).toMatchObject({ ok: true, compared: false });
    expect(report.lines).toEqual([
      `nothing released yet: @vodkit/types is at 0.0.0 (commit ${initial.slice(0, 10)} (set @vodkit/types to 0.0.0)): nothing to compare`,
    ]);
    run(['checkout', '--', 'spec']);
  }, 60_000);

  it('compares with the spec at the commit that set the current version, with no tag', async () => {
    setVersions('0.1.0');
    release = commit('release: 0.1.0');
    // Later commits touch the manifest without changing the version: the base stays the release.
    const manifest = join(repo, 'packages', 'types', 'package.json');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('"description": "', '"description": "The '),
    );
    commit('types: a description');
    expect(run(['tag', '--list'])).toBe('');
    expect(releaseBase(repo, 'packages/types')).toMatchObject({
      version: '0.1.0',
      commit: release,
    });
    const report = await runGate(repo);
    expect(report).toMatchObject({
      ok: true,
      compared: true,
      base: `commit ${release.slice(0, 10)} (set @vodkit/types to 0.1.0)`,
    });
    expect(report.breaking).toEqual([]);
  }, 60_000);

  it('fails a narrowed limit without a changeset, naming each package to bump', async () => {
    editSpec(...NARROW);
    commit('spec: at most 10 IDs');
    const report = await runGate(repo);
    expect(report.ok).toBe(false);
    expect(report.breaking.map((c) => c.pointer).join(' ')).toMatch(/ImageIdList/);
    expect(report.lines.filter((l) => l.startsWith('missing:'))).toEqual(
      ['@vodkit/types', '@vodkit/client', '@vodkit/contract', '@vodkit/emulator'].map(
        (name) => `missing: a changeset with a minor bump of ${name} (at 0.1.0; pending: none)`,
      ),
    );
  }, 60_000);

  it('still fails with patches, and passes with a minor of @vodkit/types and each dependent', async () => {
    const changeset = (bump: string): void => {
      const front = ['types', 'client', 'contract', 'emulator']
        .map((name) => `'@vodkit/${name}': ${bump}`)
        .join('\n');
      writeFileSync(
        join(repo, '.changeset', 'narrow.md'),
        `---\n${front}\n---\n\nAt most 10 IDs.\n`,
      );
    };
    changeset('patch');
    expect((await runGate(repo)).ok).toBe(false);
    changeset('minor');
    const report = await runGate(repo);
    expect(report.ok).toBe(true);
    expect(report.lines.at(-1)).toBe(
      'every package the breaking change reaches has a changeset that bumps it enough',
    );
  }, 60_000);

  it('takes the tag @vodkit/types@<version> over history when it exists', () => {
    run(['tag', '@vodkit/types@0.1.0', release]);
    expect(releaseBase(repo, 'packages/types')).toMatchObject({
      commit: release,
      source: 'git tag @vodkit/types@0.1.0',
    });
  });

  it('refuses a shallow clone, where the oldest commit would look like the release', () => {
    const shallow = join(work, 'shallow');
    run(['clone', '-q', '--depth', '1', `file://${repo}`, shallow], work);
    expect(() => releaseBase(shallow, 'packages/types')).toThrow(/shallow clone.*--unshallow/);
  });
});
