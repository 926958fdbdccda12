/**
 * The image store over HTTP: delete by URL, by ID and by video and kinds with the service's
 * semantics, simulated CDN lag on the emulator's own image URLs, and state files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import type { RunningEmulator, SeedImage } from '../src/index.js';
import { byIds, callV1, callV3 } from './support/rpc.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vodkit-emulator-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VIDEO: SeedImage[] = [
  { imageId: 'cover', videoId: 'v1', kind: 'CoverSnapshot' },
  { imageId: 'normal', videoId: 'v1', kind: 'NormalSnapshot' },
  { imageId: 'sprite', videoId: 'v1', kind: 'SpriteSnapshot' },
  { imageId: 'origin', videoId: 'v1', kind: 'SpriteOriginSnapshot' },
  { imageId: 'poster', videoId: 'v1', kind: 'Uploaded' },
  { imageId: 'other-cover', videoId: 'v2', kind: 'CoverSnapshot' },
];

describe('deleting', () => {
  let vod: RunningEmulator;
  beforeAll(async () => {
    vod = await startEmulator({ qps: Infinity });
  });
  afterAll(async () => {
    await vod.close();
  });
  beforeEach(() => {
    vod.state.reset([
      ...VIDEO,
      { imageId: 'u1', url: 'https://media.example.com/image/default/u1.png' },
      { imageId: 'u2', url: 'https://media.example.com/image/default/u2.jpg?auth_key=1-0-0-abc' },
      { imageId: 'served' },
    ]);
  });

  test('by ID deletes the listed images; unknown IDs are not an error', async () => {
    const answer = await callV1(vod.url, byIds('u1', 'nope', 'served'));
    expect(answer.status).toBe(200);
    expect(vod.state.has('u1') || vod.state.has('served')).toBe(false);
    expect(vod.state.size).toBe(7);
    expect(vod.requests().at(-1)?.deleted).toEqual(['u1', 'served']);
  });

  test('by URL matches the URL exactly, or without its query string, or the emulator-served URL', async () => {
    const servedUrl = vod.state.get('served')?.url ?? '';
    expect(servedUrl).toBe(`${vod.url}/images/served.png`);
    const answer = await callV3(vod.url, {
      DeleteImageType: 'ImageURL',
      ImageURLs: [
        'https://media.example.com/image/default/u1.png?auth_key=fresh',
        'https://media.example.com/image/default/u2.jpg?auth_key=1-0-0-abc',
        servedUrl.replace('127.0.0.1', 'localhost'),
        'https://media.example.com/image/default/unknown.png',
      ].join(','),
    });
    expect(answer.status, answer.text).toBe(200);
    expect(['u1', 'u2', 'served'].filter((id) => vod.state.has(id))).toEqual([]);
    expect(vod.state.size).toBe(6);
  });

  test('by video and kinds deletes those snapshot kinds of that video only', async () => {
    const answer = await callV1(vod.url, {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: 'CoverSnapshot,SpriteSnapshot',
    });
    expect(answer.status).toBe(200);
    expect(vod.state.has('cover') || vod.state.has('sprite')).toBe(false);
    expect(['normal', 'origin', 'poster', 'other-cover'].every((id) => vod.state.has(id))).toBe(
      true,
    );
  });

  test('ImageType=All deletes every snapshot kind of the video, not its uploaded images', async () => {
    await callV1(vod.url, { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All' });
    expect(vod.state.images().map((i) => i.imageId)).toEqual([
      'poster',
      'other-cover',
      'u1',
      'u2',
      'served',
    ]);
  });

  test('deleting twice is not an error (the call is idempotent)', async () => {
    for (let i = 0; i < 2; i += 1) expect((await callV1(vod.url, byIds('u1'))).status).toBe(200);
    expect(vod.state.has('u1')).toBe(false);
  });

  test('an unknown video deletes nothing and succeeds', async () => {
    expect(
      (await callV1(vod.url, { DeleteImageType: 'VideoId', VideoId: 'v9', ImageType: 'All' }))
        .status,
    ).toBe(200);
    expect(vod.state.size).toBe(9);
  });

  test('bad seeds are refused with the field named and leave the store as it was', () => {
    expect(() => {
      vod.state.reset([{ imageId: 'ok' }, { imageId: '' }]);
    }).toThrow(/images\[1\]\.imageId/);
    expect(() => {
      vod.state.add([{ imageId: 'k', kind: 'Poster' as 'Uploaded' }]);
    }).toThrow(/kind must be one of CoverSnapshot/);
    expect(vod.state.size).toBe(9);
  });
});

describe('CDN lag', () => {
  test('a deleted image keeps serving for cdnLagMs, then 404s', async () => {
    let t = Date.parse('2026-02-01T00:00:00Z');
    const vod = await startEmulator({
      now: () => t,
      cdnLagMs: 60_000,
      images: [{ imageId: 'lagged' }, { imageId: 'kept' }],
    });
    try {
      const url = vod.state.get('lagged')?.url ?? '';
      const before = await fetch(url);
      expect(before.status).toBe(200);
      expect(before.headers.get('content-type')).toBe('image/png');
      expect(before.headers.get('x-vodkit-cdn')).toBe('stored');
      expect((await callV1(vod.url, byIds('lagged'), { time: t })).status).toBe(200);
      expect(vod.state.has('lagged')).toBe(false);
      t += 59_000;
      const during = await fetch(url);
      expect(during.status).toBe(200);
      expect(during.headers.get('x-vodkit-cdn')).toBe('cdn-lag');
      expect(vod.state.snapshot().tombstones.map((x) => x.imageId)).toEqual(['lagged']);
      t += 2_000;
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(`${vod.url}/images/never.png`)).status).toBe(404);
      expect((await fetch(vod.state.get('kept')?.url ?? '', { method: 'HEAD' })).status).toBe(200);
    } finally {
      await vod.close();
    }
  });

  test('without lag a deleted image 404s at once', async () => {
    const vod = await startEmulator({ images: [{ imageId: 'gone' }] });
    try {
      const url = vod.state.get('gone')?.url ?? '';
      await callV1(vod.url, byIds('gone'));
      expect((await fetch(url)).status).toBe(404);
    } finally {
      await vod.close();
    }
  });
});

describe('state files', () => {
  test('stateFile is loaded at start when present and saved on close', async () => {
    const file = join(dir, 'state.json');
    const first = await startEmulator({
      stateFile: file,
      images: [{ imageId: 'a' }, { imageId: 'b', videoId: 'v', kind: 'NormalSnapshot' }],
    });
    await callV1(first.url, byIds('a'));
    await first.close();
    const saved = JSON.parse(await readFile(file, 'utf8')) as { images: SeedImage[] };
    expect(saved.images).toEqual([{ imageId: 'b', kind: 'NormalSnapshot', videoId: 'v' }]);
    // The file wins over `images` when it exists.
    const second = await startEmulator({ stateFile: file, images: [{ imageId: 'ignored' }] });
    try {
      expect(second.state.images().map((i) => i.imageId)).toEqual(['b']);
      // Served URLs follow the new port.
      expect(second.state.get('b')?.url).toBe(`${second.url}/images/b.png`);
    } finally {
      await second.close();
    }
  });

  test('save and load by path; a bare array of images is a valid seed file', async () => {
    const seed = join(dir, 'seed.json');
    await writeFile(
      seed,
      JSON.stringify([{ imageId: 's1', url: 'https://cdn.example.com/s1.png' }]),
    );
    const vod = await startEmulator();
    try {
      await vod.state.load(seed);
      expect(vod.state.get('s1')?.url).toBe('https://cdn.example.com/s1.png');
      const out = join(dir, 'nested', 'out.json');
      expect(await vod.state.save(out)).toBe(out);
      vod.state.reset();
      await vod.state.load(out);
      expect(vod.state.size).toBe(1);
      await writeFile(seed, '{"images": 3}');
      await expect(vod.state.load(seed)).rejects.toThrow(/must hold an array of images/);
      await expect(vod.state.save()).rejects.toThrow(/no stateFile option/);
    } finally {
      await vod.close();
    }
  });
});
