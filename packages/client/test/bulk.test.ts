/**
 * Bulk deletes against the emulator's per-account limit (the spec's 50 QPS): paced so nothing is
 * throttled, and against a stricter (throttling) emulator, slowed down so nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_IDS, QPS_LIMIT_PER_ACCOUNT } from '@vodkit/types';
import { createPacer, createVodClient } from '../src/node/index.ts';
import type { BulkProgress } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, emulator } from './support.ts';

const ids = (n: number, prefix = 'b'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(6, '0')}`);

describe('deleteImages', () => {
  it(`10,000 IDs at ${QPS_LIMIT_PER_ACCOUNT} QPS: every chunk succeeds, nothing is throttled`, async () => {
    const all = ids(10_000);
    const vod = await emulator({ maxRecordedRequests: 1000 });
    try {
      vod.state.add(all.map((imageId) => ({ imageId })));
      const client = createVodClient({
        endpoint: vod.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
      });
      const progress: BulkProgress[] = [];
      const result = await client.deleteImages({
        imageIds: all,
        concurrency: 32,
        onProgress: (p) => progress.push(p),
      });
      const chunks = all.length / MAX_IMAGE_IDS;
      expect(result).toMatchObject({ succeeded: chunks, failed: 0, cancelled: false });
      expect(result.chunks).toHaveLength(chunks);
      expect(result.chunks.every((c) => c.ok && c.items.length === MAX_IMAGE_IDS)).toBe(true);
      expect(result.chunks.flatMap((c) => c.items)).toEqual(all);
      expect(vod.state.size).toBe(0);
      expect(vod.requests().filter((r) => r.code !== undefined)).toEqual([]);
      expect(progress).toHaveLength(chunks);
      expect(progress.at(-1)).toEqual({
        done: chunks,
        total: chunks,
        succeeded: chunks,
        failed: 0,
      });
    } finally {
      await vod.close();
    }
  }, 60_000);

  it('against a throttling emulator (10 QPS while the client aims at 50), the pacer backs off and loses nothing', async () => {
    const all = ids(500, 't');
    const vod = await emulator({ qps: 10, maxRecordedRequests: 1000 });
    try {
      vod.state.add(all.map((imageId) => ({ imageId })));
      const client = createVodClient({
        endpoint: vod.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
      });
      const pacer = createPacer({ qps: 50 });
      const result = await client.deleteImages({ imageIds: all, concurrency: 8, pacer });
      expect(result.failed).toBe(0);
      expect(result.succeeded).toBe(25);
      expect(vod.state.size).toBe(0);
      // The emulator did throttle, and the pacer slowed down in answer.
      expect(vod.requests().some((r) => r.code === 'Throttling.User')).toBe(true);
    } finally {
      await vod.close();
    }
  }, 60_000);

  it('deletes by URL, reports per-chunk errors, and can be cancelled', async () => {
    const vod = await emulator({ qps: Infinity });
    try {
      const urls = ids(45, 'u').map((id) => `https://media.example.com/${id}.png`);
      vod.state.add(urls.map((url, i) => ({ imageId: `u${i}`, url })));
      const client = createVodClient({
        endpoint: vod.url,
        credentials: DEFAULT_EMULATOR_CREDENTIALS,
      });
      vod.faults.failNext(1, 'Forbidden.RAM');
      const result = await client.deleteImages({ imageUrls: urls, concurrency: 1 });
      expect(result.chunks.map((c) => c.items.length)).toEqual([20, 20, 5]);
      expect(result.chunks.map((c) => (c.ok ? 'ok' : c.error.code))).toEqual([
        'Forbidden.RAM',
        'ok',
        'ok',
      ]);
      expect(result).toMatchObject({ succeeded: 2, failed: 1 });

      const controller = new AbortController();
      vod.state.add(ids(200, 'c').map((imageId) => ({ imageId })));
      const slow = await client.deleteImages({
        imageIds: ids(200, 'c'),
        qps: 5,
        concurrency: 2,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done === 2) controller.abort();
        },
      });
      expect(slow.cancelled).toBe(true);
      expect(slow.chunks).toHaveLength(10);
      expect(slow.succeeded).toBeGreaterThanOrEqual(2);
      expect(slow.succeeded + slow.failed).toBe(10);
      const codes = slow.chunks.flatMap((c) => (c.ok ? [] : [c.error.code]));
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['Cancelled']));
    } finally {
      await vod.close();
    }
  });
});

describe('createPacer', () => {
  it('spaces calls at 1/qps and slows down after throttling', async () => {
    let now = 0;
    const pacer = createPacer({ qps: 50, now: () => now });
    await pacer.acquire();
    expect(pacer.intervalMs).toBe(20);
    pacer.slowDown();
    expect(pacer.intervalMs).toBe(40);
    for (let i = 0; i < 100; i++) {
      now += 1000;
      await pacer.acquire();
    }
    expect(pacer.intervalMs).toBe(20);
    expect(() => createPacer({ qps: 0 })).toThrow(RangeError);
  });
});
