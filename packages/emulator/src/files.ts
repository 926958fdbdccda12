/**
 * Reading and writing the emulator's own files (seed and state files), with every wait bounded:
 * a read opens without blocking and reads only a regular file of bounded size, so a FIFO, a
 * device or a directory named by mistake is refused at once instead of hanging the start or an
 * admin call (and holding one of libuv's four file threads for good); a write goes to a fresh
 * temporary file, which cannot be a FIFO, then renames.
 */
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Largest seed or state file read by default: far above any real store, far below memory trouble. */
export const DEFAULT_MAX_STATE_FILE_BYTES: number = 256 * 1024 * 1024;

/** Why a file cannot be read or written, in words that never quote it. */
export class FileProblem extends Error {
  override readonly name: string = 'FileProblem';
}

/** What a file that is not a regular one is, for the refusal. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why an open or read failed, in words that never quote the file. */
export function fsProblem(error: unknown): string {
  if (error instanceof FileProblem) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ELOOP') return 'it is a symbolic link, which is not followed';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error as Error).message;
}

/**
 * Reads a regular file as UTF-8, at most `maxBytes` of it. Opens with `O_NONBLOCK` (a FIFO
 * without a writer would otherwise block the open forever) and `O_NOFOLLOW` (a symbolic link at
 * the last component is refused, so a link to a FIFO is refused too), then checks the open
 * handle, not the path, so nothing can be swapped in between. The read stops one byte past the
 * bound: a file that grows after the check is still refused, never read without end.
 * Throws a {@link FileProblem} or the system error; {@link fsProblem} words either.
 */
export async function readBoundedFile(file: string, maxBytes: number): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new FileProblem(`it is ${kindOf(info)}, not a regular file`);
    if (info.size > maxBytes) {
      throw new FileProblem(`it holds ${info.size} bytes; at most ${maxBytes} are read`);
    }
    const buffer = Buffer.alloc(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        throw new FileProblem(`it grew past ${buffer.length - 1} bytes while being read`);
      }
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

let tempCounter = 0;

/**
 * Writes next to `file` first, then renames, so a crash never leaves half a file. The temporary
 * file is created exclusively (`wx`), so it is always a new regular file; `rename` replaces a
 * symbolic link or FIFO at `file` rather than writing through it.
 */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  tempCounter += 1;
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${tempCounter}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
