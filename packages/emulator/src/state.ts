import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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
  /** Writes the snapshot to `file` (default: the `stateFile` option), atomically; returns the path. */
  save(file?: string): Promise<string>;
  /** Replaces the store with the snapshot in `file` (default: the `stateFile` option). */
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

/** Reads a seed or state file; throws a {@link StateFileError} naming the file and the problem. */
export async function readSeedFile(file: string): Promise<SeedFile> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new StateFileError(`cannot read state file ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (Array.isArray(data)) return { images: data as SeedImage[] };
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { images?: unknown }).images)
  ) {
    throw new StateFileError(
      `state file ${file} must hold an array of images or { images: [...] }`,
    );
  }
  return data as SeedFile;
}

/** Writes JSON next to `file` first, then renames, so a crash never leaves half a file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
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
    async save(file) {
      const path = fileOf(file);
      await writeAtomically(path, `${JSON.stringify(state.snapshot(), null, 2)}\n`);
      return path;
    },
    async load(file) {
      const data = await readSeedFile(fileOf(file));
      state.restore({ version: 1, images: data.images, tombstones: data.tombstones ?? [] });
    },
  };
  return state;
}
