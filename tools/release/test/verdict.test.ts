/**
 * The release verdict on a temporary repository made of this one's spec, changesets config and
 * public manifests, released at 0.1.0 in a release commit (no tag): each part that can fail
 * fails with its reason, and passes with the changeset it asks for. A change under a package's
 * `src` needs a changeset naming it; a report line removed since the release needs a minor;
 * a failing `pnpm api:check` is a reason; a major nobody asked for (the peer rule) is refused.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@vodkit/release-check/workspace-packages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyReportDiff } from '../src/api-reports.ts';
import { uncoveredPackages } from '../src/coverage.ts';
import { assertPlannedVersion, publishRegistry, releaseCommitMessage } from '../src/flow.ts';
import { releasePlan } from '../src/plan.ts';
import { releaseVerdict } from '../src/verdict.ts';
import { GIT_IDENTITY } from './temporary-clone.ts';

const PACKAGES = ['types', 'signer', 'client', 'emulator', 'contract'];
const REPORT = 'packages/client/etc/client.api.md';
const REPORT_TEXT = [
  '## API Report File for "@vodkit/client"',
  '',
  '```ts',
  'export function createVodClient(options: VodClientOptions): VodClient;',
  'export function isVodClientError(value: unknown): value is VodClientError;',
  '```',
  '',
].join('\n');

const work = mkdtempSync(join(tmpdir(), 'release-verdict-'));
const repo = join(work, 'repo');
const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_IDENTITY },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  }).trim();
const write = (path: string, text: string): void => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const changeset = (id: string, bumps: Record<string, string>): void => {
  const front = Object.entries(bumps)
    .map(([name, bump]) => `'${name}': ${bump}`)
    .join('\n');
  write(`.changeset/${id}.md`, `---\n${front}\n---\n\nThe ${id} change.\n`);
};
const reasons = async (): Promise<readonly string[]> => (await releaseVerdict(repo)).reasons;

beforeAll(() => {
  mkdirSync(repo);
  write(
    'package.json',
    `${JSON.stringify({ name: 'copy', private: true, scripts: {} }, null, 2)}\n`,
  );
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
  cpSync(join(repoRoot, 'spec', 'vod.openapi.yaml'), join(repo, 'spec', 'vod.openapi.yaml'));
  cpSync(join(repoRoot, '.changeset', 'config.json'), join(repo, '.changeset', 'config.json'));
  for (const name of PACKAGES) {
    const manifest = JSON.parse(
      readFileSync(join(repoRoot, 'packages', name, 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    write(
      `packages/${name}/package.json`,
      `${JSON.stringify({ ...manifest, version: '0.1.0' }, null, 2)}\n`,
    );
    write(`packages/${name}/src/index.ts`, `export const name = '${name}';\n`);
  }
  write(REPORT, REPORT_TEXT);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'release: 0.1.0');
}, 60_000);
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the release verdict', () => {
  it('passes a release with nothing changed since, comparing the spec with the release commit', async () => {
    const verdict = await releaseVerdict(repo);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.notes[0]).toMatch(
      /^spec: compared with commit [0-9a-f]{10} \(set @vodkit\/types to 0\.1\.0\)$/,
    );
    expect(verdict.notes).toContain(
      'api: no `pnpm api:check` script: the reports are not checked against the code',
    );
  }, 60_000);

  it('fails a change under a package src without a changeset, naming the package, committed or not', async () => {
    write('packages/client/src/new.ts', 'export const added = 1;\n');
    expect(await reasons()).toEqual([
      expect.stringMatching(
        /^changeset: @vodkit\/client: 1 file\(s\) under its src changed since commit [0-9a-f]{10} \(set @vodkit\/client to 0\.1\.0\) \(packages\/client\/src\/new\.ts\) and no pending changeset names it/,
      ),
    ]);
    git('add', '-A');
    git('commit', '-qm', 'client: new');
    expect(uncoveredPackages(repo, releasePlan(repo)).map((u) => u.name)).toEqual([
      '@vodkit/client',
    ]);
    changeset('client-new', { '@vodkit/client': 'patch' });
    expect(await reasons()).toEqual([]);
  }, 60_000);

  it('fails a removed export in an API report planned as a patch, and passes it as a minor', async () => {
    write(REPORT, REPORT_TEXT.replace(/^export function isVodClientError.*\n/m, ''));
    const found = await reasons();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^api: @vodkit\/client's report removes or changes exports since commit [0-9a-f]{10} .*\(-export function isVodClientError.*\): needs a minor \(at 0\.1\.0\), planned: patch$/,
    );
    changeset('client-new', { '@vodkit/client': 'minor' });
    expect(await reasons()).toEqual([]);
  }, 60_000);

  it('makes a failing pnpm api:check a reason of its own', async () => {
    write(
      'package.json',
      `${JSON.stringify({ name: 'copy', private: true, scripts: { 'api:check': 'node -e "console.log(\'report differs\'); process.exit(1)"' } }, null, 2)}\n`,
    );
    const found = await reasons();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^api: `pnpm api:check` failed \(a report differs from the code: update it and commit it\):\n[\s\S]*report differs/,
    );
    write(
      'package.json',
      `${JSON.stringify({ name: 'copy', private: true, scripts: { 'api:check': 'node -e ""' } }, null, 2)}\n`,
    );
    expect(await reasons()).toEqual([]);
  }, 60_000);

  it('refuses a major that no changeset asks for (changesets bumps peer dependents to a major)', async () => {
    const path = 'packages/contract/package.json';
    const manifest = JSON.parse(readFileSync(join(repo, path), 'utf8')) as {
      peerDependencies: Record<string, string>;
    };
    manifest.peerDependencies['@vodkit/client'] = 'workspace:^';
    write(path, `${JSON.stringify(manifest, null, 2)}\n`);
    expect(await reasons()).toContainEqual(
      'plan: @vodkit/contract is planned as a major (0.1.0 -> 1.0.0) but its changesets ask for none: changesets bumps a dependent to a major when a peer dependency leaves its range; widen the peer range or write a major changeset',
    );
  }, 60_000);
});

describe('the release steps', () => {
  it('classifies report diffs: a removed or changed line is breaking, added lines are additions', () => {
    expect(
      classifyReportDiff(
        '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-export const a: 1;\n+export const a: 2;\n',
      ).kind,
    ).toBe('breaking');
    expect(classifyReportDiff('--- a/x\n+++ b/x\n@@ -1,0 +2 @@\n+export const b: 1;\n').kind).toBe(
      'additions',
    );
    expect(classifyReportDiff('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-\n+\n').kind).toBe('none');
  });

  it('publishes only to a registry named by the environment, and never prints its credentials', () => {
    expect(() => publishRegistry({})).toThrow(/no registry named: set npm_config_registry/);
    expect(() => publishRegistry({ npm_config_registry: ' ' })).toThrow(/no registry named/);
    expect(publishRegistry({ NPM_CONFIG_REGISTRY: 'http://127.0.0.1:4873' })).toBe(
      'http://127.0.0.1:4873/',
    );
    expect(publishRegistry({ npm_config_registry: 'https://user:pa55@registry.example/' })).toBe(
      'https://registry.example/',
    );
    expect(() => publishRegistry({ npm_config_registry: 'not a url' })).toThrow(/is not a URL/);
    // What `pnpm run` sets when nobody named a registry: refused unless confirmed.
    expect(() => publishRegistry({ npm_config_registry: 'https://registry.npmjs.org/' })).toThrow(
      /no registry named: npm_config_registry is https:\/\/registry\.npmjs\.org\/, which pnpm sets by default; to release there, set VODKIT_RELEASE_PUBLIC=1/,
    );
    expect(
      publishRegistry({
        npm_config_registry: 'https://registry.npmjs.org',
        VODKIT_RELEASE_PUBLIC: '1',
      }),
    ).toBe('https://registry.npmjs.org/');
  });

  it('names the release commit after what it releases, and checks --expect against the plan', () => {
    const release = (name: string, newVersion: string) => ({
      name,
      type: 'minor' as const,
      oldVersion: '0.0.0',
      newVersion,
      changesets: ['x'],
    });
    const plan = {
      changesets: [],
      releases: PACKAGES.map((p) => release(`@vodkit/${p}`, '0.1.0')),
    };
    expect(releaseCommitMessage(plan.releases.slice(0, 2))).toBe(
      'release: @vodkit/types@0.1.0, @vodkit/signer@0.1.0',
    );
    expect(() => {
      assertPlannedVersion(repo, plan, '0.1.0');
    }).not.toThrow();
    const off = {
      ...plan,
      releases: [...plan.releases.slice(1), release('@vodkit/types', '0.0.1')],
    };
    expect(() => {
      assertPlannedVersion(repo, off, '0.1.0');
    }).toThrow('expected every public package at 0.1.0: @vodkit/types would be 0.0.1');
  });
});
