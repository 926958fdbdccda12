import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import type { AccountConfig, ImageKind, SeedImage, StsTokenConfig } from './options.js';
import { servedImagePath, toStoredImage } from './store.js';
import type { StoredImage } from './store.js';

/** An image as {@link EmulatorState} shows it: with the URL clients should use. */
export interface ImageView {
  /** The image ID. */
  readonly imageId: string;
  /** Its URL: the seeded one, or where the emulator serves it. */
  readonly url: string;
  /** The owning video, if any. */
  readonly videoId?: string;
  /** Its kind. */
  readonly kind: ImageKind;
}

/** The saved form of the store, as state files and `GET /__admin/snapshot` hold it. */
export interface StateSnapshot {
  /** Format version. */
  readonly version: 1;
  /** Stored images; `url` only when it was seeded explicitly (served URLs follow the port). */
  readonly images: readonly SeedImage[];
  /** Deleted images whose URL still serves until `until` (epoch ms). */
  readonly tombstones: readonly (SeedImage & { readonly until: number })[];
}

/**
 * What a seed file may hold: a {@link StateSnapshot}, `{ images }`, or a bare array of images;
 * the bin also reads `accounts` and `stsTokens` from it.
 */
export interface SeedFile {
  readonly images: readonly SeedImage[];
  readonly tombstones?: StateSnapshot['tombstones'];
  readonly accounts?: readonly AccountConfig[];
  readonly stsTokens?: readonly StsTokenConfig[];
}

/** The emulator's image store, for tests and tools (also reachable over `/__admin/`). */
export interface EmulatorState {
  /** How many images are stored. */
  readonly size: number;
  /** Every stored image. */
  images(): ImageView[];
  /** One image, if stored. */
  get(imageId: string): ImageView | undefined;
  /** Whether an image is stored. */
  has(imageId: string): boolean;
  /** Adds (or replaces) images. Throws a `TypeError` naming a bad field. */
  add(images: readonly SeedImage[]): void;
  /**
   * Empties the store (or replaces it with `images`) and forgets nonces, rate-limit history,
   * recorded requests and CDN tombstones: a fresh emulator on the same port.
   */
  reset(images?: readonly SeedImage[]): void;
  /** The store as data (see {@link StateSnapshot}). */
  snapshot(): StateSnapshot;
  /** Replaces the store with a snapshot. */
  restore(snapshot: StateSnapshot): void;
  /**
   * Writes the snapshot, as it is now, to `file` (default: the `stateFile` option), atomically;
   * returns the path. Saves are written one at a time in the order they were asked for, so the
   * last one asked for wins.
   */
  save(file?: string): Promise<string>;
  /**
   * Replaces the store with the snapshot in `file` (default: the `stateFile` option). A file that
   * is not a valid state is refused whole, naming the file and the problem.
   */
  load(file?: string): Promise<void>;
}

/** Whether a value from outside (JSON, callers without types) is an array, without narrowing to `any[]`. */
const isList = (value: unknown): boolean => Array.isArray(value);

const toSeed = (image: StoredImage): SeedImage => ({
  imageId: image.imageId,
  kind: image.kind,
  ...(image.url === undefined ? {} : { url: image.url }),
  ...(image.videoId === undefined ? {} : { videoId: image.videoId }),
});

/** A state or seed file that cannot be read or does not hold images; the message names it. */
export class StateFileError extends Error {
  override readonly name: string = 'StateFileError';
}

/** Largest state or seed file read: far above any real store, far below memory trouble. */
const MAX_STATE_FILE_BYTES = 256 * 1024 * 1024;

/** Reads a file without following a symlink at its last component, bounded in size. */
async function readTextFile(file: string): Promise<string> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error('it is not a regular file');
    if (info.size > MAX_STATE_FILE_BYTES) {
      throw new Error(`it holds ${info.size} bytes; at most ${MAX_STATE_FILE_BYTES} are read`);
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Why a read failed, in words that never quote the file. */
function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ELOOP') return 'it is a symbolic link, which is not followed';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error as Error).message;
}

/**
 * Parses JSON and says where it breaks without quoting it: V8's messages include a piece of
 * the text, and a state file named by mistake may hold anything.
 */
function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new StateFileError(
      `state file ${file} is not valid JSON${at === undefined ? '' : ` (at character ${at})`}`,
    );
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks what a state or seed file holds, down to every image, so a bad file is refused whole
 * with its name and the first problem, before anything is replaced.
 */
function checkSeedFile(data: unknown, file: string): SeedFile {
  const fail = (problem: string): never => {
    throw new StateFileError(`state file ${file}: ${problem}`);
  };
  const images = Array.isArray(data)
    ? (data as unknown[])
    : isPlainObject(data)
      ? data['images']
      : undefined;
  if (!Array.isArray(images)) {
    return fail('it holds no vodkit state: expected an array of images or { "images": [...] }');
  }
  const object = isPlainObject(data) ? data : {};
  const version = object['version'];
  if (version !== undefined && version !== 1) return fail('"version" must be 1');
  const tombstones = object['tombstones'] ?? [];
  if (!Array.isArray(tombstones)) return fail('"tombstones" must be an array');
  for (const name of ['accounts', 'stsTokens']) {
    if (object[name] !== undefined && !Array.isArray(object[name])) {
      return fail(`"${name}" must be an array`);
    }
  }
  try {
    (images as SeedImage[]).forEach((image, i) => toStoredImage(image, `images[${i}]`));
    (tombstones as unknown[]).forEach((t, i) => {
      toStoredImage(t as SeedImage, `tombstones[${i}]`);
      if (typeof (t as { until?: unknown }).until !== 'number') {
        throw new TypeError(`tombstones[${i}].until must be epoch ms`);
      }
    });
  } catch (error) {
    return fail((error as Error).message);
  }
  return {
    images: images as SeedImage[],
    tombstones: tombstones as StateSnapshot['tombstones'],
    ...(object['accounts'] === undefined
      ? {}
      : { accounts: object['accounts'] as AccountConfig[] }),
    ...(object['stsTokens'] === undefined
      ? {}
      : { stsTokens: object['stsTokens'] as StsTokenConfig[] }),
  };
}

/**
 * Reads a seed or state file and checks every image in it; throws a {@link StateFileError}
 * naming the file and the problem, never quoting its contents. Symbolic links are not followed.
 */
export async function readSeedFile(file: string): Promise<SeedFile> {
  let text: string;
  try {
    text = await readTextFile(file);
  } catch (error) {
    throw new StateFileError(`cannot read state file ${file}: ${readProblem(error)}`);
  }
  return checkSeedFile(parseJson(text, file), file);
}

let tempCounter = 0;

/**
 * Writes next to `file` first, then renames, so a crash never leaves half a file. `rename`
 * replaces a symbolic link at `file` rather than writing through it.
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  tempCounter += 1;
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${tempCounter}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new StateFileError(`cannot write state file ${file}: ${readProblem(error)}`);
  }
}

/** A file name admin requests may give: one path component, no leading dot. */
const STATE_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

/**
 * Resolves a name from an admin request to a file directly inside `stateDir`. Paths,
 * traversal, hidden names and symbolic links are refused: the admin API must never reach a file
 * the person who started the emulator did not put in reach.
 */
export async function stateFileIn(stateDir: string | undefined, name: string): Promise<string> {
  if (stateDir === undefined) {
    throw new StateFileError(
      'no state directory: start the emulator with stateDir (--state-dir) to save or load by name',
    );
  }
  if (!STATE_FILE_NAME.test(name) || name.includes('..')) {
    throw new StateFileError(
      'file must be a plain file name inside the state directory (letters, digits, . _ -; no path, no leading dot)',
    );
  }
  const file = join(stateDir, name);
  try {
    if ((await lstat(file)).isSymbolicLink()) {
      throw new StateFileError(`${name} is a symbolic link, which the admin API does not follow`);
    }
  } catch (error) {
    if (error instanceof StateFileError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new StateFileError(`cannot use ${name}: ${readProblem(error)}`);
    }
  }
  return file;
}

/** Builds the {@link EmulatorState} facade over an emulator's core. */
export function createState(core: EmulatorCore): EmulatorState {
  const view = (image: StoredImage): ImageView => ({
    imageId: image.imageId,
    url: image.url ?? `${core.baseUrl}${servedImagePath(image.imageId)}`,
    ...(image.videoId === undefined ? {} : { videoId: image.videoId }),
    kind: image.kind,
  });
  const fileOf = (file: string | undefined): string => {
    const path = file ?? core.stateFile;
    if (path === undefined) throw new TypeError('no file given and no stateFile option set');
    return path;
  };
  let saving: Promise<unknown> = Promise.resolve();
  const state: EmulatorState = {
    get size() {
      return core.store.size;
    },
    images: () => core.store.list().map(view),
    get(imageId) {
      const image = core.store.get(imageId);
      return image === undefined ? undefined : view(image);
    },
    has: (imageId) => core.store.get(imageId) !== undefined,
    add(images) {
      if (!isList(images)) throw new TypeError('images must be an array');
      core.store.add(images);
    },
    reset(images = []) {
      if (!isList(images)) throw new TypeError('images must be an array');
      // Check every image before clearing anything, so a bad seed leaves the store as it was.
      images.forEach((image, i) => toStoredImage(image, `images[${i}]`));
      core.store.clear();
      core.store.add(images);
      core.nonces.clear();
      core.limiter.reset();
      core.requests.clear();
    },
    snapshot() {
      return {
        version: 1,
        images: core.store.list().map(toSeed),
        tombstones: core.store
          .tombstones(nowOf(core))
          .map((t) => ({ ...toSeed(t.image), until: t.until })),
      };
    },
    restore(snapshot) {
      const { images, tombstones = [] } = (snapshot as Partial<StateSnapshot> | null) ?? {};
      if (!isList(images)) throw new TypeError('snapshot.images must be an array');
      if (!isList(tombstones)) {
        throw new TypeError('snapshot.tombstones must be an array');
      }
      const checked = tombstones.map((t, i) => {
        if (typeof t.until !== 'number')
          throw new TypeError(`snapshot.tombstones[${i}].until must be epoch ms`);
        return { image: toStoredImage(t, `tombstones[${i}]`), until: t.until };
      });
      const list = images ?? [];
      list.forEach((image, i) => toStoredImage(image, `images[${i}]`));
      core.store.clear();
      core.store.add(list);
      core.store.restoreTombstones(checked);
    },
    // The snapshot is taken when save is called (before the first await), so the order of the
    // calls is the order of what gets written.
    async save(file) {
      const path = fileOf(file);
      const text = `${JSON.stringify(state.snapshot(), null, 2)}\n`;
      const written = saving.then(() => writeAtomically(path, text));
      saving = written.catch(() => undefined);
      await written;
      return path;
    },
    async load(file) {
      const data = await readSeedFile(fileOf(file));
      state.restore({ version: 1, images: data.images, tombstones: data.tombstones ?? [] });
    },
  };
  return state;
}
