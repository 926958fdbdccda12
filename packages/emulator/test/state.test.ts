/**
 * The image store's state over HTTP: simulated CDN lag on the emulator's own image URLs, and
 * state and seed files (atomic, serialized, validated, never quoted in errors).
 */
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEmulator } from '../src/index.js';
import type { SeedImage } from '../src/index.js';
import { byIds, callV2 } from './support/rpc.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vodkit-emulator-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CDN lag', () => {
  test('a served URL names only a stored image without a URL of its own', async () => {
    const vod = await startEmulator({
      images: [{ imageId: 'served' }, { imageId: 'own', url: 'https://cdn.example.com/own.png' }],
    });
    try {
      const byUrl = (url: string): Record<string, string> => ({
        DeleteImageType: 'ImageURL',
        ImageURLs: encodeURIComponent(url),
      });
      // An ID that is not stored, and one whose image has its own URL: NoSuchResource, not a 200.
      for (const id of ['never', 'own']) {
        const answer = await callV2(vod.url, byUrl(`${vod.url}/images/${id}.png`));
        expect(answer.status).toBe(404);
        expect(answer.json?.['Code']).toBe('NoSuchResource');
      }
      expect(vod.state.has('own')).toBe(true);
      const url = vod.state.get('served')?.url ?? '';
      expect((await callV2(vod.url, byUrl(url))).status).toBe(200);
      // Deleted, its URL names nothing: deleting it again is NoSuchResource too.
      expect((await callV2(vod.url, byUrl(url))).json?.['Code']).toBe('NoSuchResource');
    } finally {
      await vod.close();
    }
  });

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
      expect((await callV2(vod.url, byIds('lagged'), { time: t })).status).toBe(200);
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
      await callV2(vod.url, byIds('gone'));
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
    await callV2(first.url, byIds('a'));
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
        `state file ${seed}: images must be an array of images, not a number`,
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
      // Short, so that a JSON.parse message would quote it whole.
      ['corrupt.json', 'SECRET-42', /is not valid JSON/],
      ['corrupt-long.json', `{"images": [${secret}`, /is not valid JSON/],
      ['foreign.json', JSON.stringify({ users: [secret] }), /holds no vodkit state/],
      ['version.json', JSON.stringify({ version: 2, images: [] }), /version must be 1, not 2/],
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
      // Each save is smaller than the one before, so unserialized writes would finish out of order.
      for (let i = 0; i < 20; i += 1) {
        vod.state.reset(
          Array.from({ length: (20 - i) * 400 }, (_, k) => ({ imageId: `gen${i}-${k}` })),
        );
        saves.push(vod.state.save(file));
      }
      await Promise.all(saves);
      const saved = JSON.parse(await readFile(file, 'utf8')) as { images: SeedImage[] };
      expect(saved.images).toHaveLength(400);
      expect(saved.images[0]).toEqual({ imageId: 'gen19-0', kind: 'Uploaded' });
      expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      await vod.close();
    }
  });
});
