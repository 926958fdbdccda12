/**
 * A seed or state file that is not a regular file (a FIFO, a directory, a symbolic link to a
 * FIFO, /dev/zero) is refused at once, naming the file, by every way in: readSeedFile,
 * state.load, startEmulator's stateFile, the admin API's load, and the CLI's --seed-file and
 * --state-file. Every attempt runs against a test-side deadline that then releases the FIFO (or
 * kills the child), so a regression fails here instead of hanging the run.
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSeedFile, startEmulator, StateFileError } from '../src/index.js';

/** How long a refusal may take: it needs no I/O beyond open and fstat. */
const DEADLINE_MS = 3_000;

let dir: string;
let fifo: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vodkit-kinds-'));
  fifo = join(dir, 'fifo.json');
  execFileSync('mkfifo', [fifo]);
  await mkdir(join(dir, 'folder.json'));
  await symlink(fifo, join(dir, 'link-to-fifo.json'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Opens the FIFO's write end and closes it, which lets a reader blocked in open() go on (to an
 * empty read): how a test that hit a blocking open gets its thread back.
 */
function releaseFifo(): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting: nothing to release.
  }
}

/** Waits for `work` at most {@link DEADLINE_MS}; says how it ended. */
async function within(work: Promise<unknown>): Promise<{ error?: Error; timedOut: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      resolve('timeout');
    }, DEADLINE_MS);
  });
  try {
    const outcome = await Promise.race([
      work.then(
        () => ({ timedOut: false }),
        (error: unknown) => ({ error: error as Error, timedOut: false }),
      ),
      deadline,
    ]);
    if (outcome !== 'timeout') return outcome;
    releaseFifo();
    // Let the released work settle so nothing is left running past this test.
    await work.catch(() => undefined);
    return { timedOut: true };
  } finally {
    clearTimeout(timer);
  }
}

const KINDS: [string, () => string, RegExp][] = [
  ['a FIFO', () => fifo, /FIFO/],
  ['a directory', () => join(dir, 'folder.json'), /directory/],
  ['a symbolic link to a FIFO', () => join(dir, 'link-to-fifo.json'), /symbolic link/],
  ['/dev/zero', () => '/dev/zero', /device/],
];

describe.each(KINDS)('%s', (_, pathOf, problem) => {
  test('readSeedFile refuses it at once, naming it', async () => {
    const file = pathOf();
    const { error, timedOut } = await within(readSeedFile(file));
    expect(timedOut).toBe(false);
    expect(error).toBeInstanceOf(StateFileError);
    expect(error?.message).toContain(file);
    expect(error?.message).toMatch(problem);
  });

  test('state.load refuses it and leaves the store as it was', async () => {
    const vod = await startEmulator({ images: [{ imageId: 'kept' }] });
    try {
      const { error, timedOut } = await within(vod.state.load(pathOf()));
      expect(timedOut).toBe(false);
      expect(error?.message).toContain(pathOf());
      expect(error?.message).toMatch(problem);
      expect(vod.state.has('kept')).toBe(true);
    } finally {
      await vod.close();
    }
  });

  test('startEmulator with it as stateFile refuses to start', async () => {
    const { error, timedOut } = await within(
      startEmulator({ stateFile: pathOf(), stateDir: dir }).then((vod) => vod.close()),
    );
    expect(timedOut).toBe(false);
    expect(error?.message).toContain(pathOf());
    expect(error?.message).toMatch(problem);
  });
});

describe('admin load', () => {
  test.each([
    ['fifo.json', /FIFO/],
    ['folder.json', /directory/],
    ['link-to-fifo.json', /symbolic link/],
  ])('of %s answers 400 at once, and a save after it is not held up', async (name, problem) => {
    const vod = await startEmulator({ stateDir: dir });
    try {
      const load = fetch(`${vod.url}/__admin/load`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ file: name }),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as { error: string } }));
      const { error, timedOut } = await within(load);
      expect(timedOut).toBe(false);
      expect(error).toBeUndefined();
      const answer = await load;
      expect(answer.status).toBe(400);
      expect(answer.json.error).toContain(name);
      expect(answer.json.error).toMatch(problem);
      const save = fetch(`${vod.url}/__admin/save`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ file: `after-${name}` }),
      });
      expect((await within(save)).timedOut).toBe(false);
      expect((await save).status).toBe(200);
    } finally {
      await vod.close();
    }
  });
});

describe('bin', () => {
  const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

  /** Runs the built CLI; kills it (and releases the FIFO) after 10 s. */
  function run(args: string[]): Promise<{ code: number | null; stderr: string; killed: boolean }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [bin, '-p', '0', '--quiet', ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      let killed = false;
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
        releaseFifo();
      }, 10_000);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr, killed });
      });
    });
  }

  test.each(['--seed-file', '--state-file'])(
    '%s naming a FIFO exits 1 at once, naming it',
    async (flag) => {
      const { code, stderr, killed } = await run([flag, fifo]);
      expect(killed).toBe(false);
      expect(code).toBe(1);
      expect(stderr).toContain(fifo);
      expect(stderr).toMatch(/FIFO/);
    },
  );
});

describe('size bound', () => {
  test('a file over the bound is refused naming its size; the bound is the caller’s', async () => {
    const file = join(dir, 'big.json');
    await writeFile(file, JSON.stringify({ images: [{ imageId: 'a' }, { imageId: 'b' }] }));
    await expect(readSeedFile(file, { maxBytes: 16 })).rejects.toThrow(
      /holds \d+ bytes; at most 16 are read/,
    );
    expect((await readSeedFile(file)).images).toHaveLength(2);
    const vod = await startEmulator({ maxStateFileBytes: 16 });
    try {
      await expect(vod.state.load(file)).rejects.toThrow(/at most 16 are read/);
    } finally {
      await vod.close();
    }
  });
});
