/**
 * The gate on pairs of spec fixtures, each made from the real spec by one edit: a narrowed
 * limit, a removed enum value and a new required field are breaking; a widened limit and a new
 * optional field are not. Then the changeset rule: a breaking change passes only with bumps of
 * `@vodkit/types` and its dependents (a minor below 1.0, a major from 1.0).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  dependentsOf,
  diffSpecs,
  judge,
  pendingBumps,
  readWorkspacePackages,
} from '../src/compat.ts';
import type { SpecDiff, WorkspacePackage } from '../src/compat.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const spec = readFileSync(join(root, 'spec', 'vod.openapi.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'spec-compat-test-'));

/** Writes the spec with one edit (which must apply) and returns its path. */
function variant(name: string, from: string | RegExp, to: string): string {
  const edited = spec.replace(from, to);
  expect(edited, `${name}: the edit applies`).not.toBe(spec);
  const path = join(work, `${name}.yaml`);
  writeFileSync(path, edited);
  return path;
}
const base = join(work, 'base.yaml');
writeFileSync(base, spec);

const VIDEO_REQUIRED = 'required: [DeleteImageType, VideoId, ImageType]\n      properties:\n';
const FIXTURES: [string, string, string | RegExp, string, boolean][] = [
  [
    'narrowed-limit',
    'maxItems of the ID list 20 -> 10',
    /(ImageIdList:[\s\S]*?maxItems: )20/,
    '$110',
    true,
  ],
  [
    'removed-enum-value',
    'SpriteOriginSnapshot no longer a kind',
    'enum: [CoverSnapshot, NormalSnapshot, SpriteSnapshot, SpriteOriginSnapshot]',
    'enum: [CoverSnapshot, NormalSnapshot, SpriteSnapshot]',
    true,
  ],
  [
    'new-required-field',
    'a required Reason',
    VIDEO_REQUIRED,
    'required: [DeleteImageType, VideoId, ImageType, Reason]\n      properties:\n        Reason:\n          type: string\n',
    true,
  ],
  [
    'widened-limit',
    'maxItems of the ID list 20 -> 30',
    /(ImageIdList:[\s\S]*?maxItems: )20/,
    '$130',
    false,
  ],
  [
    'new-optional-field',
    'an optional Reason',
    VIDEO_REQUIRED,
    `${VIDEO_REQUIRED}        Reason:\n          type: string\n`,
    false,
  ],
];

describe("Redocly's diff (diff-recommended) classifies each fixture", () => {
  it.each(FIXTURES)(
    '%s (%s)',
    (name, _what, from, to, breaking) => {
      const diff = diffSpecs(base, variant(name, from, to), join(work, `diff-${name}`));
      expect(diff.changes.length).toBeGreaterThan(0);
      expect(diff.changes.some((c) => c.impact === 'major')).toBe(breaking);
    },
    60_000,
  );

  it('the spec against itself has no change', () => {
    expect(diffSpecs(base, base, join(work, 'diff-same')).changes).toEqual([]);
  }, 60_000);
});

const PACKAGES: WorkspacePackage[] = [
  { name: '@vodkit/types', version: '0.3.0' },
  { name: '@vodkit/signer', version: '0.3.0', dependencies: { '@vodkit/types': 'workspace:^' } },
  { name: '@vodkit/client', version: '0.3.0', dependencies: { '@vodkit/signer': 'workspace:^' } },
  {
    name: '@vodkit/bench',
    version: '0.0.0',
    private: true,
    dependencies: { '@vodkit/types': 'workspace:*' },
  },
];
const BREAKING: SpecDiff = {
  bump: 'major',
  changes: [
    {
      impact: 'major',
      pointer: '#/components/schemas/ImageIdList/maxItems',
      message: "`maxItems` of `ImageIds` changed from '20' to '10'.",
    },
  ],
};

describe('the changeset rule', () => {
  it('finds the published dependents, through each other, and not private packages', () => {
    expect(dependentsOf(PACKAGES, '@vodkit/types')).toEqual(['@vodkit/client', '@vodkit/signer']);
    const real = dependentsOf(readWorkspacePackages(), '@vodkit/types');
    expect(real).toEqual(['@vodkit/client', '@vodkit/contract', '@vodkit/emulator']);
  });

  it('fails a breaking change without changesets, naming the change and each package', () => {
    const verdict = judge(BREAKING, new Map(), PACKAGES);
    expect(verdict.ok).toBe(false);
    expect(verdict.lines[0]).toBe(
      "breaking: `maxItems` of `ImageIds` changed from '20' to '10'. (#/components/schemas/ImageIdList/maxItems)",
    );
    expect(verdict.lines.filter((l) => l.startsWith('missing:'))).toEqual([
      'missing: a changeset with a minor bump of @vodkit/types (at 0.3.0; pending: none)',
      'missing: a changeset with a minor bump of @vodkit/client (at 0.3.0; pending: none)',
      'missing: a changeset with a minor bump of @vodkit/signer (at 0.3.0; pending: none)',
    ]);
  });

  it('below 1.0 a minor of each is enough, a patch is not; from 1.0 a major is needed', () => {
    const minor = new Map([
      ['@vodkit/types', 'minor'],
      ['@vodkit/signer', 'minor'],
      ['@vodkit/client', 'major'],
    ] as const);
    expect(judge(BREAKING, minor, PACKAGES).ok).toBe(true);
    expect(judge(BREAKING, new Map([...minor, ['@vodkit/signer', 'patch']]), PACKAGES).ok).toBe(
      false,
    );
    const released = PACKAGES.map((p) => ({
      ...p,
      version: p.private === true ? p.version : '1.2.0',
    }));
    expect(judge(BREAKING, minor, released).lines).toContain(
      'missing: a changeset with a major bump of @vodkit/types (at 1.2.0; pending: minor)',
    );
  });

  it('passes changes that are not breaking without any changeset', () => {
    const verdict = judge(
      { bump: 'minor', changes: [{ impact: 'minor', pointer: '#/x', message: 'added' }] },
      new Map(),
      PACKAGES,
    );
    expect(verdict).toMatchObject({ ok: true, breaking: [] });
  });

  it('reads the highest pending bump per package from .changeset', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'spec-compat-changesets-'));
    mkdirSync(join(repo, '.changeset'));
    writeFileSync(join(repo, '.changeset', 'a.md'), "---\n'@vodkit/types': patch\n---\n\nA.\n");
    writeFileSync(
      join(repo, '.changeset', 'b.md'),
      "---\n'@vodkit/types': minor\n'@vodkit/signer': patch\n---\n\nB.\n",
    );
    const bumps = await pendingBumps(repo);
    expect(Object.fromEntries(bumps)).toEqual({
      '@vodkit/types': 'minor',
      '@vodkit/signer': 'patch',
    });
  });
});
