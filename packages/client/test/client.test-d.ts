import { describe, expectTypeOf, it } from 'vitest';
import type { DeleteImageRequest } from '@vodkit/types';
import { VodThrottlingError, VodValidationError, createVodClient } from '../src/index.ts';
import type { VodError } from '../src/index.ts';
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
      // @ts-expect-error 21 IDs are one too many
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
