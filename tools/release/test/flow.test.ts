/**
 * `pnpm release`, end to end, in a temporary clone against a local Verdaccio: the real flow (build,
 * the release check, `changeset version`, the release commit, a second build, `changeset publish`)
 * with `VODKIT_RELEASE_SKIP_TEST=1`, because the full `pnpm test` in the copy would take many
 * minutes and this workspace runs it anyway. Then: versions as the pending changesets plan them,
 * `workspace:^` published as real ranges, a CHANGELOG.md per package with each changeset's text,
 * the tags, the release commit as the gate's next base, and every tarball installed from the
 * registry with plain npm into a scratch project.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistry } from '@vodkit/consumers/registry';
import type { LocalRegistry } from '@vodkit/consumers/registry';
import { createScratchProject } from '@vodkit/consumers/scratch';
import { publishablePackages } from '@vodkit/release-check/workspace-packages';
import type { PackageManifest } from '@vodkit/release-check/workspace-packages';
import { git, releaseBase } from '@vodkit/spec-compat/base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicReleases } from '../src/flow.ts';
import { releasePlan } from '../src/plan.ts';
import type { PlannedRelease, ReleasePlan } from '../src/plan.ts';
import { cloneEnv, temporaryClone } from './temporary-clone.ts';
import type { TemporaryClone } from './temporary-clone.ts';

let clone: TemporaryClone | undefined;
let registry: LocalRegistry | undefined;
let plan: ReleasePlan = { changesets: [], releases: [] };
let releases: PlannedRelease[] = [];
let flow = { status: -1 as number | null, output: '', ms: 0 };
let unnamed = { status: -1 as number | null, output: '' };
const scratch = mkdtempSync(join(tmpdir(), 'vodkit-release-scratch-'));

beforeAll(async () => {
  clone = temporaryClone();
  plan = releasePlan(clone.root);
  releases = publicReleases(clone.root, plan);
  const bare = cloneEnv();
  delete bare['npm_config_registry'];
  delete bare['NPM_CONFIG_REGISTRY'];
  delete bare['VODKIT_RELEASE_PUBLIC'];
  const refused = spawnSync('pnpm', ['release'], {
    cwd: clone.root,
    env: bare,
    encoding: 'utf8',
    timeout: 120_000,
  });
  unnamed = { status: refused.status, output: `${refused.stdout}${refused.stderr}` };
  registry = await startRegistry();
  const start = performance.now();
  const result = spawnSync('pnpm', ['release'], {
    cwd: clone.root,
    env: cloneEnv({
      npm_config_registry: registry.url,
      NPM_CONFIG_USERCONFIG: registry.npmrc,
      VODKIT_RELEASE_SKIP_TEST: '1',
    }),
    encoding: 'utf8',
    timeout: 600_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  flow = {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    ms: Math.round(performance.now() - start),
  };
  console.log(
    `release flow: clone ${clone.timings['clone']} ms, install ${clone.timings['install']} ms, pnpm release ${flow.ms} ms`,
  );
}, 900_000);

afterAll(async () => {
  await registry?.close();
  clone?.remove();
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

const root = (): string => {
  if (clone === undefined) throw new Error('the setup did not run');
  return clone.root;
};
const manifest = (name: string): PackageManifest => {
  const found = publishablePackages(root()).find((p) => p.manifest.name === name);
  if (found === undefined) throw new Error(`${name} is not a public package of the copy`);
  return found.manifest;
};

describe('pnpm release in a temporary clone, to a local registry', () => {
  it('refuses to run, before building anything, when no registry is named', () => {
    // `pnpm run` names the public registry itself when nothing else is configured.
    expect(unnamed.output).toContain(
      'release: no registry named: npm_config_registry is https://registry.npmjs.org/, which pnpm sets by default',
    );
    expect(unnamed.output).not.toContain('release: build');
    expect(unnamed.status).toBe(1);
  });

  it('runs to the end, with the release check and without pnpm test', () => {
    expect(flow.output.slice(-6000)).toMatch(/release: released /);
    expect(flow.status).toBe(0);
    expect(flow.output).toContain('skipping `pnpm test` (VODKIT_RELEASE_SKIP_TEST=1)');
    expect(flow.output).toContain('release check: ok');
  });

  it('plans a release of every public package, and versions each as planned', () => {
    expect(releases.map((r) => r.name).sort()).toEqual(
      publishablePackages(root()).map((p) => p.manifest.name),
    );
    for (const release of releases) {
      expect(manifest(release.name).version, release.name).toBe(release.newVersion);
      expect(release.newVersion).not.toBe(release.oldVersion);
    }
  });

  it('consumes the changesets into a CHANGELOG.md per package, with each changeset text', () => {
    expect(readdirSync(join(root(), '.changeset')).filter((f) => f.endsWith('.md'))).toEqual([
      'README.md',
    ]);
    for (const release of releases) {
      const dir = release.name.replace('@vodkit/', 'packages/');
      const changelog = readFileSync(join(root(), dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog.startsWith(`# ${release.name}\n\n## ${release.newVersion}\n`)).toBe(true);
      for (const id of release.changesets) {
        const summary = plan.changesets.find((c) => c.id === id)?.summary ?? '';
        const firstLine = summary.split('\n')[0] ?? '';
        expect(firstLine.length, id).toBeGreaterThan(10);
        expect(changelog, `${release.name} has the text of ${id}`).toContain(firstLine);
      }
    }
  });

  it('makes one release commit, tagged @vodkit/<name>@<version>, the base of the next gate', () => {
    const head = git(root(), ['rev-parse', 'HEAD']).trim();
    expect(git(root(), ['log', '-1', '--format=%s']).trim()).toBe(
      `release: ${releases.map((r) => `${r.name}@${r.newVersion}`).join(', ')}`,
    );
    expect(git(root(), ['status', '--porcelain']).trim()).toBe('');
    expect(git(root(), ['tag', '--points-at', head]).trim().split('\n').sort()).toEqual(
      releases.map((r) => `${r.name}@${r.newVersion}`).sort(),
    );
    expect(releaseBase(root(), 'packages/types')).toMatchObject({ released: true, commit: head });
  });

  it('publishes every package with its workspace: ranges as real ranges', async () => {
    if (registry === undefined) throw new Error('no registry');
    for (const release of releases) {
      const response = await fetch(new URL(release.name.replace('/', '%2f'), registry.url), {
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status, release.name).toBe(200);
      const packument = (await response.json()) as {
        'dist-tags': Record<string, string>;
        versions: Record<string, PackageManifest>;
      };
      expect(packument['dist-tags']['latest']).toBe(release.newVersion);
      const published = packument.versions[release.newVersion];
      const local = manifest(release.name);
      for (const field of ['dependencies', 'peerDependencies'] as const) {
        for (const [dep, range] of Object.entries(local[field] ?? {})) {
          const out = published?.[field]?.[dep];
          expect(out, `${release.name} ${field} ${dep}`).not.toMatch(/^workspace:|^catalog:/);
          if (range === 'workspace:^') expect(out).toBe(`^${manifest(dep).version}`);
        }
      }
    }
  });

  it('installs every released tarball from the registry with plain npm', async () => {
    if (registry === undefined) throw new Error('no registry');
    const project = await createScratchProject(
      registry,
      Object.fromEntries(releases.map((r) => [r.name, r.newVersion])),
      scratch,
    );
    for (const release of releases) {
      const installed = project.installed.get(release.name);
      expect(installed?.version, release.name).toBe(release.newVersion);
      const response = await fetch(new URL(release.name.replace('/', '%2f'), registry.url), {
        signal: AbortSignal.timeout(10_000),
      });
      const packument = (await response.json()) as {
        versions: Record<string, { dist: { integrity: string; tarball: string } }>;
      };
      expect(JSON.stringify(installed), release.name).toContain(
        packument.versions[release.newVersion]?.dist.integrity ?? '?',
      );
    }
    // The client writes its version into its build: the flow built again after versioning.
    const client = releases.find((r) => r.name === '@vodkit/client');
    const dist = join(project.dir, 'node_modules', '@vodkit', 'client', 'dist');
    const text = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n');
    // esbuild keeps the define as a template part: vodkit/${"0.1.0"} (...); folded, vodkit/0.1.0 (...).
    const written = /vodkit\/(?:\$\{"([^"]+)"\}|(\d[^ ]*)) \(/.exec(text);
    expect(written?.[1] ?? written?.[2]).toBe(client?.newVersion);
    rmSync(project.dir, { recursive: true, force: true });
  }, 300_000);
});
