/**
 * deleteImages under bad input and bad luck: options checked before anything is sent, a bad
 * item named by its index in the caller's list, a throwing callback that changes nothing, and
 * chunks whose answer was lost reported as possibly applied. Every input is accounted for once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '@vodkit/emulator';
import { VodValidationError, createVodClient } from '../src/node/index.ts';
import type { DeleteImagesOptions } from '../src/node/index.ts';
import { DEFAULT_EMULATOR_CREDENTIALS, FAST_RETRY, emulator } from './support.ts';

let vod: RunningEmulator;
beforeAll(async () => {
  vod = await emulator({ qps: Infinity });
});
afterAll(async () => {
  await vod.close();
});
const client = (timeoutMs = 2000) =>
  createVodClient({
    endpoint: vod.url,
    credentials: DEFAULT_EMULATOR_CREDENTIALS,
    retry: FAST_RETRY,
    timeoutMs,
  });
const ids = (n: number, prefix: string): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('options and items are checked before anything is sent', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['no list', {}, 'imageIds', /exactly one of imageIds or imageUrls/],
    ['both lists', { imageIds: ['a'], imageUrls: ['https://x/a.png'] }, 'imageIds', /exactly one/],
    ['a list that is a string', { imageIds: 'a,b' }, 'imageIds', /array/],
    ['concurrency 0', { imageIds: ['a'], concurrency: 0 }, 'concurrency', /whole number from 1/],
    [
      'fractional concurrency',
      { imageIds: ['a'], concurrency: 2.5 },
      'concurrency',
      /whole number/,
    ],
    ['qps of NaN', { imageIds: ['a'], qps: Number.NaN }, 'qps', /above 0/],
    ['infinite qps', { imageIds: ['a'], qps: Infinity }, 'qps', /finite/],
    [
      'a callback that is not a function',
      { imageIds: ['a'], onProgress: 'log' },
      'onProgress',
      /function/,
    ],
    ['a signal that is not one', { imageIds: ['a'], signal: {} }, 'signal', /AbortSignal/],
    [
      'a bad item far into the list',
      { imageIds: [...ids(45, 'ok'), 'a,b'] },
      'imageIds[45]',
      /comma/,
    ],
    ['a hole', { imageIds: [...ids(21, 'ok'), undefined] }, 'imageIds[21]', /non-empty string/],
    ['a URL that is not http(s)', { imageUrls: ['ftp://x/a.png'] }, 'imageUrls[0]', /http/],
  ];
  it.each(cases)('%s', async (_name, options, field, rule) => {
    const before = vod.requests().length;
    const error = await client()
      .deleteImages(options as unknown as DeleteImagesOptions)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(VodValidationError);
    expect((error as VodValidationError).field).toBe(field);
    expect((error as VodValidationError).rule).toMatch(rule);
    expect(vod.requests()).toHaveLength(before);
  });
});

describe('accounting', () => {
  it('a callback that throws changes no outcome and stops no count', async () => {
    const all = ids(100, 'cb');
    vod.state.reset(all.map((imageId) => ({ imageId })));
    let calls = 0;
    const result = await client().deleteImages({
      imageIds: all,
      concurrency: 4,
      onProgress: () => {
        calls += 1;
        throw new Error('the caller’s bug');
      },
    });
    expect(result).toMatchObject({ succeeded: 5, failed: 0 });
    expect(calls).toBe(5);
    expect(result.callbackError?.message).toBe('the caller’s bug');
    expect(result.chunks.flatMap((c) => c.items)).toEqual(all);
    expect(vod.state.size).toBe(0);
  });

  it('a chunk whose answer was lost is reported as possibly applied; one refused outright is not', async () => {
    const all = ids(60, 'pa');
    vod.state.reset(all.map((imageId) => ({ imageId })));
    // Chunk 1: every attempt is cut after the request arrived. Chunk 2: a 403. Chunk 3: fine.
    vod.faults.set({ failNext: { count: 4, fault: 'truncated' } });
    const c = createVodClient({
      endpoint: vod.url,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      retry: { ...FAST_RETRY, maxAttempts: 4 },
    });
    const first = await c.deleteImages({
      imageIds: all.slice(0, 20),
      concurrency: 1,
      maxAttempts: 4,
    });
    vod.faults.set({ failNext: { count: 1, fault: 'Forbidden.RAM' } });
    const second = await c.deleteImages({ imageIds: all.slice(20, 40), concurrency: 1 });
    const third = await c.deleteImages({ imageIds: all.slice(40), concurrency: 1 });
    const [lost] = first.chunks;
    const [refused] = second.chunks;
    expect(lost).toMatchObject({ ok: false, possiblyApplied: true });
    expect(refused).toMatchObject({ ok: false, possiblyApplied: false });
    expect(third.chunks[0]?.ok).toBe(true);
  });

  it('a retry after a lost answer that finds the image gone is possibly applied, not plain failed', async () => {
    const slow = createVodClient({
      endpoint: vod.url,
      credentials: DEFAULT_EMULATOR_CREDENTIALS,
      retry: { ...FAST_RETRY, maxAttempts: 2 },
    });
    // The first answer is cut (a 200 whose body does not parse): from the client's side the
    // delete may have happened, so a NoSuchResource on the retry may mean "deleted by it".
    vod.faults.set({ failNext: { count: 1, fault: 'malformed-json' } });
    const { error } = await slow.deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: ['gone-already'],
    });
    expect(error?.code).toBe('NoSuchResource');
    expect(error?.possiblyApplied).toBe(true);
  });
});
