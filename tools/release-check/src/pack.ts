/** Packs a workspace package the way `pnpm publish` would (workspace: ranges rewritten). */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A packed package: the tarball's path and bytes. */
export interface PackedPackage {
  readonly tarball: string;
  readonly bytes: Uint8Array;
}

/** Runs `pnpm pack` in `dir`, writing the tarball into `destination`. */
export async function packPackage(dir: string, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('pnpm', ['pack', '--pack-destination', destination], {
    cwd: dir,
    timeout: 120_000,
  });
  const tarball = stdout.trim().split('\n').at(-1);
  if (tarball?.endsWith('.tgz') !== true) {
    throw new Error(`pnpm pack in ${dir} printed no tarball path:\n${stdout}`);
  }
  return { tarball, bytes: new Uint8Array(await readFile(tarball)) };
}
