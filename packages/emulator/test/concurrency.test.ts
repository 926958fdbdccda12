/**
 * 32 concurrent clients (half V2, half V3) delete overlapping sets of 10,000 seeded images by ID,
 * URL and video + kinds. Deletes commute, so the final store must be exactly the seed minus the
 * union of every target: nothing lost, nothing left behind, and every image reported deleted by
 * exactly one call. A save/load round trip then preserves the store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_IMAGE_IDS, MAX_IMAGE_URLS, SNAPSHOT_KINDS } from '@vodkit/types';
import { expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import type { ImageKind, SeedImage } from '../src/index.js';
import { callV2, callV3 } from './support/rpc.js';

const IMAGES = 10_000;
const UPLOADED = 6_000;
const CLIENTS = 32;

const id = (i: number): string => `img-${String(i).padStart(5, '0')}`;

function seed(): SeedImage[] {
  return Array.from({ length: IMAGES }, (_, i): SeedImage => {
    if (i < UPLOADED) {
      return i < UPLOADED / 2
        ? { imageId: id(i), url: `https://cdn.example.com/u/${id(i)}.png` }
        : { imageId: id(i) };
    }
    const j = (i - UPLOADED) % 10;
    const kind: ImageKind =
      j < 8 ? (SNAPSHOT_KINDS[j % SNAPSHOT_KINDS.length] ?? 'CoverSnapshot') : 'Uploaded';
    return { imageId: id(i), videoId: `video-${Math.floor((i - UPLOADED) / 10)}`, kind };
  });
}

type Op =
  | { kind: 'id'; i: number }
  | { kind: 'url'; i: number }
  | { kind: 'video'; video: number; imageType: string };

/** Every deletion to perform, each as one operation. */
function plan(): Op[] {
  const ops: Op[] = [];
  for (let i = 0; i < UPLOADED; i += 1) {
    if (i % 7 !== 0) ops.push(i % 2 === 0 ? { kind: 'id', i } : { kind: 'url', i });
  }
  for (let v = 0; v < (IMAGES - UPLOADED) / 10; v += 1) {
    if (v % 3 === 0) ops.push({ kind: 'video', video: v, imageType: 'All' });
    if (v % 3 === 1)
      ops.push({ kind: 'video', video: v, imageType: 'CoverSnapshot,SpriteSnapshot' });
  }
  return ops;
}

/** The expected store: the seed minus every target. */
function expected(images: readonly SeedImage[], ops: readonly Op[]): Set<string> {
  const gone = new Set<string>();
  for (const op of ops) {
    if (op.kind !== 'video') gone.add(id(op.i));
    else {
      const kinds = op.imageType === 'All' ? SNAPSHOT_KINDS : op.imageType.split(',');
      for (const image of images) {
        if (
          image.videoId === `video-${op.video}` &&
          (kinds as readonly string[]).includes(image.kind ?? '')
        )
          gone.add(image.imageId);
      }
    }
  }
  return new Set(images.map((i) => i.imageId).filter((i) => !gone.has(i)));
}

test(
  '32 concurrent clients over 10,000 images leave exactly the expected store',
  { timeout: 240_000 },
  async () => {
    const images = seed();
    const ops = plan();
    const dir = await mkdtemp(join(tmpdir(), 'vodkit-concurrency-'));
    // delete-rest: a call whose batch is partly gone (every operation is sent twice, and each
    // ID call names one unknown ID) still deletes the rest.
    const vod = await startEmulator({
      qps: Infinity,
      images,
      maxRecordedRequests: 100_000,
      partialBatch: 'delete-rest',
    });
    try {
      const step = Math.ceil(ops.length / CLIENTS);
      const statuses: number[] = [];
      const client = async (c: number): Promise<void> => {
        // Each client takes two windows' worth of operations, so every operation is sent by two clients.
        const mine = Array.from(
          { length: 2 * step },
          (_, k) => ops[(c * step + k) % ops.length],
        ).filter((op): op is Op => op !== undefined);
        const call = c % 2 === 0 ? callV2 : callV3;
        const ids = mine.flatMap((op) => (op.kind === 'id' ? [id(op.i)] : []));
        const urls = mine.flatMap((op) =>
          op.kind === 'url' ? [images[op.i]?.url ?? `${vod.url}/images/${id(op.i)}.png`] : [],
        );
        const calls: Record<string, string>[] = [];
        for (let k = 0; k < ids.length; k += MAX_IMAGE_IDS - 1) {
          // One unknown ID per call: the rest of the batch is deleted all the same.
          calls.push({
            DeleteImageType: 'ImageId',
            ImageIds: [...ids.slice(k, k + MAX_IMAGE_IDS - 1), `missing-${c}-${k}`].join(','),
          });
        }
        for (let k = 0; k < urls.length; k += MAX_IMAGE_URLS) {
          calls.push({
            DeleteImageType: 'ImageURL',
            ImageURLs: urls.slice(k, k + MAX_IMAGE_URLS).join(','),
          });
        }
        for (const op of mine) {
          if (op.kind === 'video')
            calls.push({
              DeleteImageType: 'VideoId',
              VideoId: `video-${op.video}`,
              ImageType: op.imageType,
            });
        }
        for (const params of calls) statuses.push((await call(vod.url, params)).status);
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

      // A call that finds nothing left (its twin came first) is NoSuchResource.
      expect(statuses.filter((s) => s !== 200 && s !== 404)).toEqual([]);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(statuses.length / 4);
      const want = expected(images, ops);
      const have = new Set(vod.state.images().map((i) => i.imageId));
      expect(have.size).toBe(want.size);
      expect([...want].filter((i) => !have.has(i))).toEqual([]);
      // Every deleted image was reported by exactly one call.
      const reported = vod.requests().flatMap((r) => r.deleted ?? []);
      expect(reported.length).toBe(IMAGES - want.size);
      expect(new Set(reported).size).toBe(reported.length);

      const file = join(dir, 'after.json');
      await vod.state.save(file);
      const reloaded = await startEmulator({ stateFile: file });
      try {
        expect(reloaded.state.snapshot()).toEqual(vod.state.snapshot());
        expect(new Set(reloaded.state.images().map((i) => i.imageId))).toEqual(want);
      } finally {
        await reloaded.close();
      }
    } finally {
      await vod.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
);
