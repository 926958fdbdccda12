/**
 * The image store over HTTP: delete by URL, by ID and by video and kinds with the service's
 * semantics, simulated CDN lag on the emulator's own image URLs, and state files.
 */
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import type { RunningEmulator, SeedImage } from '../src/index.js';
import { byIds, callV1, callV3, expectErrorShape } from './support/rpc.js';

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

  test('by ID deletes the listed images', async () => {
    const answer = await callV1(vod.url, byIds('u1', 'served'));
    expect(answer.status).toBe(200);
    expect(vod.state.has('u1') || vod.state.has('served')).toBe(false);
    expect(vod.state.size).toBe(7);
    expect(vod.requests().at(-1)?.deleted).toEqual(['u1', 'served']);
  });

  test('a missing image is NoSuchResource (404); by default a partly missing batch deletes nothing', async () => {
    const missing = await callV1(vod.url, byIds('nope'));
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
    for (const call of [callV1, callV3]) {
      vod.state.add(urls.map((url, i) => ({ imageId: `enc${i}`, url })));
      const answer = await call(vod.url, { DeleteImageType: 'ImageURL', ImageURLs: encoded });
      expect(answer.status, answer.text).toBe(200);
      expect(vod.requests().at(-1)?.deleted).toEqual(urls.map((_, i) => `enc${i}`));
    }
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

  test('repeating a successful delete answers NoSuchResource; the image stays gone', async () => {
    const answers = [await callV1(vod.url, byIds('u1')), await callV1(vod.url, byIds('u1'))];
    expect(answers.map((a) => a.status)).toEqual([200, 404]);
    expect(answers[1]?.json?.['Code']).toBe('NoSuchResource');
    expect(vod.state.has('u1')).toBe(false);
  });

  test('an unknown video is NoSuchResource; a known one without the kinds asked for succeeds', async () => {
    const unknown = await callV1(vod.url, {
      DeleteImageType: 'VideoId',
      VideoId: 'v9',
      ImageType: 'All',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json?.['Code']).toBe('NoSuchResource');
    const none = await callV1(vod.url, {
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
    }).toThrow(/kind must be one of CoverSnapshot/);
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
      const partly = await callV1(vod.url, byIds('a', 'gone', 'b'));
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
      await expect(vod.state.load(seed)).rejects.toThrow(
        `state file ${seed}: it holds no vodkit state`,
      );
      await expect(vod.state.save()).rejects.toThrow(/no stateFile option/);
    } finally {
      await vod.close();
    }
  });

  test('a corrupt, foreign or linked file is refused with its name and the problem, never its contents, and changes nothing', async () => {
    const vod = await startEmulator({ images: [{ imageId: 'kept' }] });
    const secret = 'root:x:0:0:TOP-SECRET-CONTENTS';
    const cases: [string, string, RegExp][] = [
      ['corrupt.json', `{"images": [${secret}`, /is not valid JSON/],
      ['foreign.json', JSON.stringify({ users: [secret] }), /holds no vodkit state/],
      ['version.json', JSON.stringify({ version: 2, images: [] }), /"version" must be 1/],
      [
        'bad-image.json',
        JSON.stringify({ images: [{ imageId: 'ok' }, { imageId: 7 }] }),
        /images\[1\]\.imageId/,
      ],
      [
        'bad-tomb.json',
        JSON.stringify({ images: [], tombstones: [{ imageId: 't' }] }),
        /tombstones\[0\]\.until/,
      ],
    ];
    try {
      for (const [name, text, problem] of cases) {
        const file = join(dir, name);
        await writeFile(file, text);
        const error = await vod.state.load(file).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(error?.message, name).toMatch(problem);
        expect(error?.message).toContain(file);
        expect(error?.message).not.toContain('SECRET');
        expect(JSON.stringify(error)).not.toContain('SECRET');
      }
      const link = join(dir, 'link.json');
      await symlink(join(dir, 'foreign.json'), link);
      await expect(vod.state.load(link)).rejects.toThrow(/symbolic link, which is not followed/);
      await expect(vod.state.load(join(dir, 'absent.json'))).rejects.toThrow(/does not exist/);
      await expect(vod.state.load(dir)).rejects.toThrow(/not a regular file|directory/);
      expect(vod.state.images().map((i) => i.imageId)).toEqual(['kept']);
    } finally {
      await vod.close();
    }
  });

  test('saves are serialized: the last one asked for is what the file holds', async () => {
    const vod = await startEmulator();
    const file = join(dir, 'serial.json');
    try {
      const saves: Promise<string>[] = [];
      for (let i = 0; i < 20; i += 1) {
        vod.state.reset([{ imageId: `gen${i}` }]);
        saves.push(vod.state.save(file));
      }
      await Promise.all(saves);
      const saved = JSON.parse(await readFile(file, 'utf8')) as { images: SeedImage[] };
      expect(saved.images).toEqual([{ imageId: 'gen19', kind: 'Uploaded' }]);
      expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      await vod.close();
    }
  });
});
