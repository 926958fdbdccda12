import { describe, expectTypeOf, it } from 'vitest';
import type { DeleteImageRequest, ImageIdList, ImageURLList } from '@vodkit/types';
import {
  VodThrottlingError,
  VodValidationError,
  checkImageList,
  createVodClient,
} from '../src/index.ts';
import type { ImageListOutcome, VodError } from '../src/index.ts';
import type {
  BulkResult,
  DeleteImageOutcome,
  DeleteImageResult,
  SignedRequest,
  VodClient,
} from '../src/index.ts';

const credentials = { accessKeyId: 'a', accessKeySecret: 'b' };
const client = createVodClient({ region: 'cn-shanghai', credentials });
const throwing = createVodClient({ region: 'cn-shanghai', credentials, throwOnError: true });

describe('requests', () => {
  it('accepts every variant', () => {
    void client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a'] });
    void client.deleteImage({ DeleteImageType: 'ImageURL', ImageURLs: ['https://x/y.png'] });
    void client.deleteImage({ DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'All' });
    void client.deleteImage({
      DeleteImageType: 'VideoId',
      VideoId: 'v',
      ImageType: ['CoverSnapshot', 'SpriteSnapshot'],
    });
    expectTypeOf<Parameters<typeof client.deleteImage>[0]>().toEqualTypeOf<DeleteImageRequest>();
  });

  it('rejects invalid requests at compile time', () => {
    // @ts-expect-error an empty list
    void client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: [] });
    void client.deleteImage({
      DeleteImageType: 'ImageId',
      ImageIds: [
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
        '8',
        '9',
        '10',
        '11',
        '12',
        '13',
        '14',
        '15',
        '16',
        '17',
        '18',
        '19',
        '20',
        // @ts-expect-error 21 IDs are one too many: the 21st has no place in the list type
        '21',
      ],
    });
    // @ts-expect-error a field of another variant
    void client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a'], VideoId: 'v' });
    // @ts-expect-error the list as a comma-joined string
    void client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: 'a,b' });
    // @ts-expect-error an unknown type
    void client.deleteImage({ DeleteImageType: 'Image', ImageIds: ['a'] });
    // @ts-expect-error ImageType missing
    void client.deleteImage({ DeleteImageType: 'VideoId', VideoId: 'v' });
    // @ts-expect-error an unknown snapshot kind
    void client.deleteImage({ DeleteImageType: 'VideoId', VideoId: 'v', ImageType: ['Cover'] });
    // @ts-expect-error an unknown region
    createVodClient({ region: 'cn-nowhere', credentials });
    // @ts-expect-error an unknown algorithm
    createVodClient({ region: 'cn-shanghai', credentials, signatureAlgorithm: 'HMAC-SHA256' });
    // @ts-expect-error both id and url lists
    void client.deleteImages({ imageIds: ['a'], imageUrls: ['https://x'] });
  });
});

describe('a value with a field of another variant does not compile, not only a literal', () => {
  // Excess property checks hold for object literals only; these values are built first.
  const ids = ['a'] as const;
  const urls = ['http://x/y.png'] as const;
  it('ImageId with ImageURLs, VideoId or ImageType', () => {
    const withUrls = { DeleteImageType: 'ImageId', ImageIds: ids, ImageURLs: urls } as const;
    const withVideo = { DeleteImageType: 'ImageId', ImageIds: ids, VideoId: 'v' } as const;
    const withKinds = { DeleteImageType: 'ImageId', ImageIds: ids, ImageType: 'All' } as const;
    // @ts-expect-error ImageURLs belongs to the ImageURL variant
    void client.deleteImage(withUrls);
    // @ts-expect-error VideoId belongs to the VideoId variant
    void client.deleteImage(withVideo);
    // @ts-expect-error ImageType belongs to the VideoId variant
    void client.deleteImage(withKinds);
    // @ts-expect-error and so for dryRun and the throwing client
    void client.dryRun(withUrls);
    // @ts-expect-error the throwing client takes the same request type
    void throwing.deleteImage(withUrls);
  });
  it('ImageURL with ImageIds, VideoId or ImageType', () => {
    const withIds = { DeleteImageType: 'ImageURL', ImageURLs: urls, ImageIds: ids } as const;
    const withVideo = { DeleteImageType: 'ImageURL', ImageURLs: urls, VideoId: 'v' } as const;
    const withKinds = {
      DeleteImageType: 'ImageURL',
      ImageURLs: urls,
      ImageType: ['CoverSnapshot'],
    } as const;
    // @ts-expect-error ImageIds belongs to the ImageId variant
    void client.deleteImage(withIds);
    // @ts-expect-error VideoId belongs to the VideoId variant
    void client.deleteImage(withVideo);
    // @ts-expect-error ImageType belongs to the VideoId variant
    void client.deleteImage(withKinds);
  });
  it('VideoId with ImageIds or ImageURLs', () => {
    const base = { DeleteImageType: 'VideoId', VideoId: 'v', ImageType: 'All' } as const;
    const withIds = { ...base, ImageIds: ids };
    const withUrls = { ...base, ImageURLs: urls };
    // @ts-expect-error ImageIds belongs to the ImageId variant
    void client.deleteImage(withIds);
    // @ts-expect-error ImageURLs belongs to the ImageURL variant
    void client.deleteImage(withUrls);
    void client.deleteImage(base);
  });
});

describe('checkImageList', () => {
  it('narrows a string[] from anywhere to the list type, with no cast', async () => {
    const fromDatabase: string[] = ['a', 'b'];
    const ids = checkImageList('ImageIds', fromDatabase);
    expectTypeOf(ids).toEqualTypeOf<ImageListOutcome<ImageIdList>>();
    // @ts-expect-error unchecked: the list may be empty or hold 21
    void client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: fromDatabase });
    if (ids.error !== undefined) {
      expectTypeOf(ids.error).toEqualTypeOf<VodValidationError>();
      expectTypeOf(ids.data).toBeUndefined();
      return;
    }
    expectTypeOf(ids.data).toEqualTypeOf<ImageIdList>();
    // A value built first, not a literal, is accepted once checked.
    const request = { DeleteImageType: 'ImageId', ImageIds: ids.data } as const;
    void client.deleteImage(request);
    const { data: ImageURLs, error } = checkImageList('ImageURLs', fromDatabase);
    if (error === undefined) {
      expectTypeOf(ImageURLs).toEqualTypeOf<ImageURLList>();
      await client.deleteImage({ DeleteImageType: 'ImageURL', ImageURLs });
      // @ts-expect-error a checked URL list is still not ImageIds of an ImageURL request
      void client.deleteImage({ DeleteImageType: 'ImageURL', ImageURLs, ImageIds: ids.data });
    }
  });

  it('takes only the list fields', () => {
    // @ts-expect-error VideoId is one ID, not a list
    checkImageList('VideoId', ['a']);
    // @ts-expect-error a list of strings
    checkImageList('ImageIds', [1]);
    expectTypeOf(checkImageList).parameter(1).toEqualTypeOf<readonly string[]>();
  });
});

describe('results', () => {
  it('narrow on error', async () => {
    const outcome = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a'] });
    expectTypeOf(outcome).toEqualTypeOf<DeleteImageOutcome>();
    if (outcome.error === undefined) {
      expectTypeOf(outcome.data).toEqualTypeOf<DeleteImageResult>();
      expectTypeOf(outcome.data.requestId).toBeString();
    } else {
      expectTypeOf(outcome.error).toEqualTypeOf<VodError>();
      expectTypeOf(outcome.data).toBeUndefined();
      expectTypeOf(outcome.error.code).toBeString();
      expectTypeOf(outcome.error.attempts).toBeNumber();
      expectTypeOf(outcome.error.httpStatus).toEqualTypeOf<number | undefined>();
      if (outcome.error instanceof VodValidationError)
        expectTypeOf(outcome.error.field).toBeString();
      if (outcome.error instanceof VodThrottlingError)
        expectTypeOf(outcome.error.kind).toEqualTypeOf<'throttling'>();
    }
  });

  it('throwOnError returns the result itself', async () => {
    expectTypeOf(throwing).toEqualTypeOf<VodClient<true>>();
    const result = await throwing.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a'] });
    expectTypeOf(result).toEqualTypeOf<DeleteImageResult>();
  });

  it('bulk results and dry runs', async () => {
    const bulk = await client.deleteImages({ imageIds: ['a'] });
    expectTypeOf(bulk).toEqualTypeOf<BulkResult>();
    const chunk = bulk.chunks[0];
    if (chunk !== undefined && !chunk.ok) expectTypeOf(chunk.error).toEqualTypeOf<VodError>();
    if (chunk?.ok === true) expectTypeOf(chunk.requestId).toBeString();
    expectTypeOf(
      await client.dryRun({ DeleteImageType: 'ImageId', ImageIds: ['a'] }),
    ).toEqualTypeOf<SignedRequest>();
  });
});
