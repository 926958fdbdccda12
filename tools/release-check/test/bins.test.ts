/**
 * Every `bin` of every workspace package is a file committed to git, executable, with a node
 * shebang: pnpm links bins at install time, before any build, so a bin pointing into dist/
 * warns "Failed to create bin" on every fresh install and is missing from node_modules/.bin.
 * Reads git, never the working tree's build output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binTargets, repoRoot } from '../src/workspace-packages.ts';
import type { PackageManifest } from '../src/workspace-packages.ts';

type Manifest = PackageManifest & { readonly files?: readonly string[] };

/** Every package.json under the workspace folders (pnpm-workspace.yaml: packages/*, tools/*). */
const manifests = ['packages', 'tools'].flatMap((folder) =>
  readdirSync(join(repoRoot, folder))
    .map((name) => join(folder, name))
    .filter((dir) => existsSync(join(repoRoot, dir, 'package.json')))
    .map((dir) => ({
      dir,
      manifest: JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest,
    })),
);

const bins = manifests.flatMap(({ dir, manifest }) => {
  const bin = manifest.bin ?? {};
  const commands = typeof bin === 'string' ? [manifest.name] : Object.keys(bin);
  return binTargets(manifest).map((target, i) => ({
    command: commands[i] ?? target,
    dir,
    manifest,
    file: normalize(join(dir, target)),
  }));
});

describe('workspace bins', () => {
  it('exist (the emulator and the contract suite have one each)', () => {
    expect(bins.map((b) => b.command)).toEqual(
      expect.arrayContaining(['vodkit-emulator', 'vodkit-contract']),
    );
  });

  it.each(bins.map((b) => [b.command, b] as const))(
    '%s is committed, executable and starts with a node shebang',
    (_, { file, dir, manifest }) => {
      const staged = execFileSync('git', ['ls-files', '--stage', '--', file], {
        cwd: repoRoot,
        encoding: 'utf8',
      }).trim();
      // "<mode> <object> <stage>\t<path>": 100755 is an executable file in git.
      expect(staged, `${file} is not in git`).not.toBe('');
      expect(staged.split(' ')[0]).toBe('100755');
      const blob = execFileSync('git', ['show', `:${file}`], {
        cwd: repoRoot,
        encoding: 'utf8',
      });
      expect(blob.startsWith('#!/usr/bin/env node\n')).toBe(true);
      // Published too: the bin's folder is in "files".
      const top = normalize(file.slice(dir.length + 1)).split('/')[0] ?? '';
      expect(manifest.files ?? [], `${manifest.name} "files" lacks ${top}`).toContain(top);
    },
  );
});
