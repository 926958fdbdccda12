/** The install footprint of a folder: the bytes of every file under it, as `du -sb` counts them. */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes and files under a folder. */
export interface Footprint {
  readonly bytes: number;
  readonly files: number;
}

/**
 * Adds up the apparent size of every file (symbolic links count as links, not their targets)
 * under `dir`. Apparent bytes, not disk blocks: the figure is the same on every file system.
 */
export async function footprint(dir: string): Promise<Footprint> {
  let bytes = 0;
  let files = 0;
  const walk = async (path: string): Promise<void> => {
    const stat = await lstat(path);
    if (stat.isDirectory()) {
      for (const name of await readdir(path)) await walk(join(path, name));
    } else {
      bytes += stat.size;
      files += 1;
    }
  };
  await walk(dir);
  return { bytes, files };
}
