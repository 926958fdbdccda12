import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import {
  DEFAULT_MAX_STATE_FILE_BYTES,
  fsProblem,
  readBoundedFile,
  writeAtomically,
} from './files.js';
import { checkSeedDocument, checkSnapshot } from './documents.js';
import type { AccountConfig, StsTokenConfig } from './keys.js';
import { ShapeError } from './shapes.js';
import { checkImages, servedImagePath, toStoredImage } from './store.js';
import type { ImageKind, SeedImage } from './store.js';
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
  readonly version?: 1;
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

/** Options of {@link readSeedFile}. */
export interface ReadSeedFileOptions {
  /** Largest file read, bytes. Default 256 MiB. */
  readonly maxBytes?: number | undefined;
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

/**
 * Reads and checks a file; `credentials` says whether it may hold `accounts` and `stsTokens`
 * (seed files) or only images (state files, which `load` applies to the store alone).
 */
async function readDocument(
  file: string,
  credentials: boolean,
  maxBytes: number = DEFAULT_MAX_STATE_FILE_BYTES,
): Promise<SeedFile> {
  let text: string;
  try {
    text = await readBoundedFile(file, maxBytes);
  } catch (error) {
    throw new StateFileError(`cannot read state file ${file}: ${fsProblem(error)}`);
  }
  try {
    return checkSeedDocument(parseJson(text, file), credentials);
  } catch (error) {
    if (error instanceof ShapeError)
      throw new StateFileError(`state file ${file}: ${error.message}`);
    throw error;
  }
}

/**
 * Reads a seed or state file and checks every field in it (exact types and values, no unknown
 * fields, see {@link SeedFile}); throws a {@link StateFileError} naming the file, the entry and
 * the field, never quoting its contents. Only a regular file is read (a FIFO, device or
 * directory is refused at once), at most `maxBytes` of it; symbolic links are not followed.
 */
export async function readSeedFile(
  file: string,
  options: ReadSeedFileOptions = {},
): Promise<SeedFile> {
  return readDocument(file, true, options.maxBytes);
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
      throw new StateFileError(`cannot use ${name}: ${fsProblem(error)}`);
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
      // Check every image before adding any, so a bad list changes nothing.
      core.store.add(checkImages(images, 'images'));
    },
    reset(images = []) {
      // Check every image before clearing anything, so a bad seed leaves the store as it was.
      const checked = checkImages(images, 'images');
      core.store.clear();
      core.store.add(checked);
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
      const checked = checkSnapshot(snapshot);
      const tombstones = (checked.tombstones ?? []).map((t, i) => ({
        image: toStoredImage(t, `snapshot.tombstones[${i}]`),
        until: t.until,
      }));
      core.store.clear();
      core.store.add(checked.images);
      core.store.restoreTombstones(tombstones);
    },
    // The snapshot is taken when save is called (before the first await), so the order of the
    // calls is the order of what gets written.
    async save(file) {
      const path = fileOf(file);
      const text = `${JSON.stringify(state.snapshot(), null, 2)}\n`;
      const written = saving.then(() =>
        writeAtomically(path, text).catch((error: unknown) => {
          throw new StateFileError(`cannot write state file ${path}: ${fsProblem(error)}`);
        }),
      );
      saving = written.catch(() => undefined);
      await written;
      return path;
    },
    async load(file) {
      const data = await readDocument(fileOf(file), false, core.maxStateFileBytes);
      state.restore({ version: 1, images: data.images, tombstones: data.tombstones ?? [] });
    },
  };
  return state;
}
