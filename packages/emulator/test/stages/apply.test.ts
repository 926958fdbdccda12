/**
 * The `apply` stage: deletes by URL, by ID and by video and kinds with the service's semantics;
 * a missing image is NoSuchResource, and `partialBatch` decides for a partly missing batch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from '../../src/index.js';
import type { RunningEmulator, SeedImage } from '../../src/index.js';
import { byIds, callV2, callV3, expectErrorShape } from '../support/rpc.js';

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

  test('by ID deletes the listed images', async () => {
    const answer = await callV2(vod.url, byIds('u1', 'served'));
    expect(answer.status).toBe(200);
    expect(vod.state.has('u1') || vod.state.has('served')).toBe(false);
    expect(vod.state.size).toBe(7);
    expect(vod.requests().at(-1)?.deleted).toEqual(['u1', 'served']);
  });

  test('a missing image is NoSuchResource (404); by default a partly missing batch deletes nothing', async () => {
    const missing = await callV2(vod.url, byIds('nope'));
    expect(missing.status).toBe(404);
    expect(expectErrorShape(missing)).toEqual({
      Code: 'NoSuchResource',
      Message: 'The specified resource does not exist.',
    });
    const partly = await callV3(vod.url, byIds('u1', 'nope', 'served'));
    expect(partly.status).toBe(404);
    expect(partly.json?.['Code']).toBe('NoSuchResource');
    expect(vod.state.has('u1') && vod.state.has('served')).toBe(true);
    expect(vod.requests().at(-1)?.deleted).toEqual([]);
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
    expect(answer.status, answer.text).toBe(404);
    expect(vod.state.size).toBe(9);
    const found = await callV3(vod.url, {
      DeleteImageType: 'ImageURL',
      ImageURLs: [
        'https://media.example.com/image/default/u1.png?auth_key=fresh',
        'https://media.example.com/image/default/u2.jpg?auth_key=1-0-0-abc',
        servedUrl.replace('127.0.0.1', 'localhost'),
      ].join(','),
    });
    expect(found.status, found.text).toBe(200);
    expect(['u1', 'u2', 'served'].filter((id) => vod.state.has(id))).toEqual([]);
    expect(vod.state.size).toBe(6);
  });

  test('ImageURLs items percent-encoded one by one before the join (the documented rule) match the stored URLs', async () => {
    const urls = [
      'https://media.example.com/image/a b.png',
      'https://media.example.com/image/100%25 done.png',
      'https://media.example.com/image/c+d.png',
      'https://media.example.com/图片/é.png',
      'https://media.example.com/image/q.png?auth_key=1-0-0-x&w=100',
    ];
    vod.state.add(urls.map((url, i) => ({ imageId: `enc${i}`, url })));
    const encoded = urls.map((u) => encodeURIComponent(u)).join(',');
    expect(encoded).not.toMatch(/[ +?é]/);
    for (const call of [callV2, callV3]) {
      vod.state.add(urls.map((url, i) => ({ imageId: `enc${i}`, url })));
      const answer = await call(vod.url, { DeleteImageType: 'ImageURL', ImageURLs: encoded });
      expect(answer.status, answer.text).toBe(200);
      expect(vod.requests().at(-1)?.deleted).toEqual(urls.map((_, i) => `enc${i}`));
    }
  });

  test('by video and kinds deletes those snapshot kinds of that video only', async () => {
    const answer = await callV2(vod.url, {
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
    await callV2(vod.url, { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All' });
    expect(vod.state.images().map((i) => i.imageId)).toEqual([
      'poster',
      'other-cover',
      'u1',
      'u2',
      'served',
    ]);
  });

  test('repeating a successful delete answers NoSuchResource; the image stays gone', async () => {
    const answers = [await callV2(vod.url, byIds('u1')), await callV2(vod.url, byIds('u1'))];
    expect(answers.map((a) => a.status)).toEqual([200, 404]);
    expect(answers[1]?.json?.['Code']).toBe('NoSuchResource');
    expect(vod.state.has('u1')).toBe(false);
  });

  test('an unknown video is NoSuchResource; a known one without the kinds asked for succeeds', async () => {
    const unknown = await callV2(vod.url, {
      DeleteImageType: 'VideoId',
      VideoId: 'v9',
      ImageType: 'All',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json?.['Code']).toBe('NoSuchResource');
    const none = await callV2(vod.url, {
      DeleteImageType: 'VideoId',
      VideoId: 'v2',
      ImageType: 'SpriteSnapshot',
    });
    expect(none.status).toBe(200);
    expect(vod.state.size).toBe(9);
  });

  test('bad seeds are refused with the field named and leave the store as it was', () => {
    expect(() => {
      vod.state.reset([{ imageId: 'ok' }, { imageId: '' }]);
    }).toThrow(/images\[1\]\.imageId/);
    expect(() => {
      vod.state.add([{ imageId: 'k', kind: 'Poster' as 'Uploaded' }]);
    }).toThrow(/images\[0\]\.kind must be exactly one of "CoverSnapshot"/);
    expect(vod.state.size).toBe(9);
  });
});

describe('partialBatch: delete-rest', () => {
  test('deletes what exists and succeeds; a call where nothing exists is still NoSuchResource', async () => {
    const vod = await startEmulator({
      partialBatch: 'delete-rest',
      images: [
        { imageId: 'a' },
        { imageId: 'b' },
        { imageId: 'v-c', videoId: 'v', kind: 'CoverSnapshot' },
      ],
    });
    try {
      expect([vod.profile, vod.partialBatch]).toEqual(['service', 'delete-rest']);
      const partly = await callV2(vod.url, byIds('a', 'gone', 'b'));
      expect(partly.status).toBe(200);
      expect(vod.requests().at(-1)?.deleted).toEqual(['a', 'b']);
      const none = await callV3(vod.url, byIds('gone'));
      expect(none.status).toBe(404);
      expect(vod.state.has('v-c')).toBe(true);
    } finally {
      await vod.close();
    }
  });

  test('an unknown partialBatch is refused when the emulator starts', async () => {
    await expect(startEmulator({ partialBatch: 'ignore' as 'delete-rest' })).rejects.toThrow(
      /partialBatch must be one of fail-whole-call, delete-rest/,
    );
  });
});
