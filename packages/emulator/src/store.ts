import { IMAGE_TYPE_ALL, SNAPSHOT_KINDS } from '@vodkit/types';
import type { DeleteImageRequest, SnapshotKind } from '@vodkit/types';
import {
  fieldsOf,
  joinPath,
  listAt,
  numberAt,
  objectAt,
  oneOfAt,
  present,
  textAt,
} from './shapes.js';

/**
 * The kind of an image in the store: one of the four snapshot kinds a video can have, or
 * `Uploaded` for an image uploaded on its own (`CreateUploadImage`). Only snapshot kinds are
 * reachable through `DeleteImageType=VideoId`.
 */
export type ImageKind = SnapshotKind | 'Uploaded';

/** An image to put in the store. */
export interface SeedImage {
  /** The image ID. */
  readonly imageId: string;
  /**
   * The image URL. When absent the emulator serves the image itself at
   * `<emulator url>/images/<imageId>.png`, so CDN lag can be observed over HTTP.
   */
  readonly url?: string | undefined;
  /** The video the image belongs to (snapshots). */
  readonly videoId?: string | undefined;
  /** The image's kind; default `Uploaded`. */
  readonly kind?: ImageKind | undefined;
}

/** The image kinds a store holds. */
export const IMAGE_KINDS: readonly ImageKind[] = [...SNAPSHOT_KINDS, 'Uploaded'];

/** Reads the fields of an image from an entry whose keys are already checked. */
function imageOf(get: (name: string) => unknown, path: string): SeedImage {
  const optional = <T>(name: string, check: (v: unknown, p: string) => T): T | undefined => {
    const v = get(name);
    return v === undefined ? undefined : check(v, joinPath(path, name));
  };
  return present<SeedImage>({
    imageId: textAt(get('imageId'), joinPath(path, 'imageId'), true),
    url: optional('url', (v, p) => textAt(v, p, true)),
    videoId: optional('videoId', (v, p) => textAt(v, p, true)),
    kind: optional('kind', (v, p) => oneOfAt(v, p, IMAGE_KINDS)),
  });
}

const IMAGE_FIELDS = ['imageId', 'url', 'videoId', 'kind'];

/** Checks a seed image (`imageId`, optional `url`, `videoId`, `kind`) and returns a copy. */
export function checkSeedImage(value: unknown, path: string): SeedImage {
  const object = objectAt(value, path, 'an image');
  return imageOf(fieldsOf(object, path, 'an image', IMAGE_FIELDS, ['imageId']), path);
}

/** A deleted image whose URL still serves until `until` (epoch ms), as state files hold it. */
export type SeedTombstone = SeedImage & { readonly until: number };

/** Checks a tombstone: an image and its `until`. */
export function checkTombstone(value: unknown, path: string): SeedTombstone {
  const object = objectAt(value, path, 'a tombstone');
  const get = fieldsOf(
    object,
    path,
    'a tombstone',
    [...IMAGE_FIELDS, 'until'],
    ['imageId', 'until'],
  );
  return { ...imageOf(get, path), until: numberAt(get('until'), joinPath(path, 'until')) };
}

/** A list of seed images, checked. */
export function checkImages(value: unknown, path: string): SeedImage[] {
  return listAt(value, path, 'images').map((image, i) => checkSeedImage(image, `${path}[${i}]`));
}

/** An image held by the emulator. */
export interface StoredImage {
  /** The image ID. */
  readonly imageId: string;
  /** The URL given when seeded; `undefined` when the emulator serves it itself. */
  readonly url: string | undefined;
  /** The owning video, for snapshots. */
  readonly videoId: string | undefined;
  /** The image's kind. */
  readonly kind: ImageKind;
}

/** A deleted image whose URL still serves until `until` (simulated CDN lag). */
export interface Tombstone {
  /** The deleted image. */
  readonly image: StoredImage;
  /** Epoch ms until which its URL keeps serving. */
  readonly until: number;
}

/**
 * What a call does when only some of what it names exists (the documentation does not say):
 * `fail-whole-call` answers `NoSuchResource` and deletes nothing; `delete-rest` deletes what
 * exists and succeeds.
 */
export type PartialBatch = 'fail-whole-call' | 'delete-rest';

/** The result of {@link ImageStore.apply}. */
export interface DeleteOutcome {
  /** The images deleted. */
  readonly deleted: readonly StoredImage[];
  /** What the request named that does not exist. */
  readonly missing: readonly string[];
}

/**
 * Checks a seed image (exact types, no unknown fields: see `shapes.ts`) and fills defaults;
 * throws a `TypeError` naming the field.
 */
export function toStoredImage(seed: SeedImage, where = 'images[]'): StoredImage {
  const image = checkSeedImage(seed, where);
  return {
    imageId: image.imageId,
    url: image.url,
    videoId: image.videoId,
    kind: image.kind ?? 'Uploaded',
  };
}

/**
 * The image store. Every operation is synchronous, so each DeleteImage call applies atomically
 * with respect to every other: Node runs one request handler step at a time.
 */
export class ImageStore {
  readonly #images = new Map<string, StoredImage>();
  /** URL → image ID for images seeded with an explicit URL. */
  readonly #byUrl = new Map<string, string>();
  /** Video ID → image IDs. */
  readonly #byVideo = new Map<string, Set<string>>();
  readonly #tombstones = new Map<string, Tombstone>();

  /** How many images are stored. */
  get size(): number {
    return this.#images.size;
  }

  /** Every stored image, in insertion order. */
  list(): StoredImage[] {
    return [...this.#images.values()];
  }

  /** The image with `imageId`, if stored. */
  get(imageId: string): StoredImage | undefined {
    return this.#images.get(imageId);
  }

  /** Adds or replaces images. */
  add(images: readonly SeedImage[]): void {
    images.forEach((seed, i) => {
      const image = toStoredImage(seed, `images[${i}]`);
      this.#remove(image.imageId);
      this.#tombstones.delete(image.imageId);
      this.#images.set(image.imageId, image);
      if (image.url !== undefined) this.#byUrl.set(image.url, image.imageId);
      if (image.videoId !== undefined) {
        let set = this.#byVideo.get(image.videoId);
        if (set === undefined) this.#byVideo.set(image.videoId, (set = new Set()));
        set.add(image.imageId);
      }
    });
  }

  /** Removes everything (images and tombstones). */
  clear(): void {
    this.#images.clear();
    this.#byUrl.clear();
    this.#byVideo.clear();
    this.#tombstones.clear();
  }

  #remove(imageId: string): StoredImage | undefined {
    const image = this.#images.get(imageId);
    if (image === undefined) return undefined;
    this.#images.delete(imageId);
    if (image.url !== undefined) this.#byUrl.delete(image.url);
    if (image.videoId !== undefined) {
      const set = this.#byVideo.get(image.videoId);
      set?.delete(imageId);
      if (set?.size === 0) this.#byVideo.delete(image.videoId);
    }
    return image;
  }

  /**
   * Finds the image a DeleteImage URL names: an explicit URL matches exactly or without its
   * query string (signed CDN URLs carry `auth_key`); an emulator-served URL matches by its path
   * `/images/<id>.png` on any host, since clients may reach the emulator under several names.
   */
  #idOfUrl(url: string): string | undefined {
    const exact = this.#byUrl.get(url);
    if (exact !== undefined) return exact;
    const q = url.indexOf('?');
    if (q >= 0) {
      const bare = this.#byUrl.get(url.slice(0, q));
      if (bare !== undefined) return bare;
    }
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    const id = servedImageId(path);
    if (id === undefined) return undefined;
    // Only a stored image the emulator serves itself: one with a URL of its own is named by that
    // URL, and an ID that is not stored names nothing (NoSuchResource, not a 200 that deletes
    // nothing).
    const image = this.#images.get(id);
    return image !== undefined && image.url === undefined ? id : undefined;
  }

  /**
   * Applies a validated DeleteImage request. `missing` lists what it named that does not exist
   * (IDs, URLs, or the video ID of a video without stored snapshots). With any missing,
   * `fail-whole-call` deletes nothing and `delete-rest` deletes the rest. `now + cdnLagMs` is
   * when deleted URLs stop serving.
   */
  apply(
    request: DeleteImageRequest,
    now: number,
    cdnLagMs: number,
    partialBatch: PartialBatch = 'fail-whole-call',
  ): DeleteOutcome {
    const found: string[] = [];
    const missing: string[] = [];
    switch (request.DeleteImageType) {
      case 'ImageId':
        // The bounded tuple types have optional slots; validated lists hold no holes.
        for (const id of request.ImageIds as readonly string[]) {
          (this.#images.has(id) ? found : missing).push(id);
        }
        break;
      case 'ImageURL':
        for (const url of request.ImageURLs as readonly string[]) {
          const id = this.#idOfUrl(url);
          if (id === undefined) missing.push(url);
          else found.push(id);
        }
        break;
      case 'VideoId': {
        const ids = this.#byVideo.get(request.VideoId);
        if (ids === undefined) {
          missing.push(request.VideoId);
          break;
        }
        // `All` selects every kind, alone or (in the service profile) listed with others.
        const selection: readonly string[] =
          request.ImageType === 'All' ? [IMAGE_TYPE_ALL] : (request.ImageType as readonly string[]);
        const kinds: ReadonlySet<string> = new Set<string>(
          selection.includes(IMAGE_TYPE_ALL) ? SNAPSHOT_KINDS : selection,
        );
        for (const id of ids) {
          const kind = this.#images.get(id)?.kind;
          if (kind !== undefined && kinds.has(kind)) found.push(id);
        }
        break;
      }
    }
    if (missing.length > 0 && partialBatch === 'fail-whole-call') return { deleted: [], missing };
    const deleted: StoredImage[] = [];
    for (const id of found) {
      const image = this.#remove(id);
      if (image === undefined) continue;
      deleted.push(image);
      if (cdnLagMs > 0) this.#tombstones.set(id, { image, until: now + cdnLagMs });
    }
    return { deleted, missing };
  }

  /**
   * Whether the image's URL still serves at `now`: stored, or deleted less than the CDN lag ago.
   * Expired tombstones are dropped as they are met.
   */
  serves(imageId: string, now: number): 'stored' | 'cdn-lag' | undefined {
    if (this.#images.has(imageId)) return 'stored';
    const tomb = this.#tombstones.get(imageId);
    if (tomb === undefined) return undefined;
    if (tomb.until > now) return 'cdn-lag';
    this.#tombstones.delete(imageId);
    return undefined;
  }

  /** Tombstones still serving at `now`. */
  tombstones(now: number): Tombstone[] {
    return [...this.#tombstones.values()].filter((t) => t.until > now);
  }

  /** Re-creates tombstones (state files keep them so lag survives a restart). */
  restoreTombstones(tombstones: readonly Tombstone[]): void {
    for (const t of tombstones) this.#tombstones.set(t.image.imageId, t);
  }
}

const SERVED = /^\/images\/([^/]+)\.png$/;

/** The image ID an emulator-served image path (`/images/<id>.png`) names, if it is one. */
export function servedImageId(path: string): string | undefined {
  const m = SERVED.exec(path);
  if (m?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

/** The path the emulator serves an image at. */
export function servedImagePath(imageId: string): string {
  return `/images/${encodeURIComponent(imageId)}.png`;
}
