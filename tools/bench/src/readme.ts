/**
 * `pnpm bench:readme`: regenerates the bench blocks of the READMEs from results/latest.json, no
 * benchmark run (a full `pnpm bench` does this too). `readmeDrift()` is the check the drift test
 * runs: every block a README should hold, present once and equal to what latest.json renders.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderReadmeBlocks } from './render.ts';
import { readReport, REPO_ROOT } from './results.ts';
import { blockContent, blockNames, readBlock, replaceBlocks } from './support/blocks.ts';

/** The READMEs that quote bench figures, from the repo root, and the blocks each must hold. */
export const README_BLOCKS: Readonly<Record<string, readonly string[]>> = {
  'README.md': [
    'install',
    'speed',
    'run-block',
    'signer-block',
    'client-block',
    'browser',
    'emulator',
  ],
  'packages/emulator/README.md': ['emulator-startup'],
};

/** A README block that differs from what latest.json renders, or is missing. */
export interface Drift {
  readonly file: string;
  readonly block: string;
  readonly problem: string;
}

/** Every README block that is missing, extra or differs from latest.json's rendering. */
export async function readmeDrift(): Promise<Drift[]> {
  const blocks = renderReadmeBlocks(await readReport());
  const drift: Drift[] = [];
  for (const [file, expected] of Object.entries(README_BLOCKS)) {
    const text = await readFile(join(REPO_ROOT, file), 'utf8');
    const present = blockNames(text);
    for (const block of present.filter((name) => !expected.includes(name))) {
      drift.push({ file, block, problem: 'not expected in this file' });
    }
    for (const block of expected) {
      let current: string;
      try {
        current = readBlock(text, block);
      } catch (error) {
        drift.push({ file, block, problem: (error as Error).message });
        continue;
      }
      if (current !== blockContent(block, blocks[block] ?? '')) {
        drift.push({ file, block, problem: 'differs from what latest.json renders' });
      }
    }
  }
  return drift;
}

/** Rewrites every README's blocks from latest.json; returns the files changed. */
export async function writeReadmes(): Promise<string[]> {
  const blocks = renderReadmeBlocks(await readReport());
  const changed: string[] = [];
  for (const file of Object.keys(README_BLOCKS)) {
    const path = join(REPO_ROOT, file);
    const text = await readFile(path, 'utf8');
    const next = replaceBlocks(text, blocks);
    if (next !== text) {
      await writeFile(path, next);
      changed.push(file);
    }
  }
  return changed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const changed = await writeReadmes();
  const drift = await readmeDrift();
  for (const d of drift) console.error(`${d.file}: bench:${d.block}: ${d.problem}`);
  console.log(changed.length > 0 ? `updated ${changed.join(', ')}` : 'READMEs already current');
  process.exitCode = drift.length > 0 ? 1 : 0;
}
