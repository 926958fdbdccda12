/**
 * Compile-time proof that the discriminated union admits the three valid shapes and nothing else.
 * Each `@ts-expect-error` fails the typecheck run if the line ever starts compiling.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  DeleteImageByImageIds,
  DeleteImageByImageURLs,
  DeleteImageByVideoId,
  DeleteImageRequest,
  DeleteImageResponse,
  DeleteImageType,
  DocumentedErrorCode,
  ImageIdList,
  ImageURLList,
  RegionId,
  SnapshotKind,
  VodErrorBody,
} from '@vodkit/types';
import type { DELETE_IMAGE_TYPES, MAX_IMAGE_IDS, REGIONS } from '@vodkit/types';

const twentyIds = [
  'a01',
  'a02',
  'a03',
  'a04',
  'a05',
  'a06',
  'a07',
  'a08',
  'a09',
  'a10',
  'a11',
  'a12',
  'a13',
  'a14',
  'a15',
  'a16',
  'a17',
  'a18',
  'a19',
  'a20',
] as const;

describe('valid requests compile', () => {
  it('accepts each variant', () => {
    const byUrl: DeleteImageRequest = {
      DeleteImageType: 'ImageURL',
      ImageURLs: ['https://x/a.png'],
    };
    const byIds: DeleteImageRequest = { DeleteImageType: 'ImageId', ImageIds: twentyIds };
    const allSnapshots: DeleteImageRequest = {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: 'All',
    };
    const someKinds: DeleteImageRequest = {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: ['CoverSnapshot', 'SpriteOriginSnapshot'],
    };
    expectTypeOf(byUrl).toExtend<DeleteImageRequest>();
    expectTypeOf(byIds).toExtend<DeleteImageRequest>();
    expectTypeOf(allSnapshots).toExtend<DeleteImageRequest>();
    expectTypeOf(someKinds).toExtend<DeleteImageRequest>();
  });

  it('narrows on DeleteImageType', () => {
    const describe = (request: DeleteImageRequest): string => {
      switch (request.DeleteImageType) {
        case 'ImageURL':
          expectTypeOf(request).toEqualTypeOf<DeleteImageByImageURLs>();
          return request.ImageURLs[0];
        case 'ImageId':
          expectTypeOf(request).toEqualTypeOf<DeleteImageByImageIds>();
          return request.ImageIds[0];
        case 'VideoId':
          expectTypeOf(request).toEqualTypeOf<DeleteImageByVideoId>();
          return request.VideoId;
      }
    };
    expectTypeOf(describe).returns.toBeString();
  });

  it('derives the friendly aliases and constants from the spec', () => {
    expectTypeOf<DeleteImageType>().toEqualTypeOf<'ImageURL' | 'ImageId' | 'VideoId'>();
    expectTypeOf<(typeof DELETE_IMAGE_TYPES)[number]>().toEqualTypeOf<DeleteImageType>();
    expectTypeOf<SnapshotKind>().toEqualTypeOf<
      'CoverSnapshot' | 'NormalSnapshot' | 'SpriteSnapshot' | 'SpriteOriginSnapshot'
    >();
    expectTypeOf<typeof MAX_IMAGE_IDS>().toEqualTypeOf<20>();
    expectTypeOf<RegionId>().toExtend<keyof typeof REGIONS>();
    expectTypeOf<'cn-shanghai'>().toExtend<RegionId>();
    expectTypeOf<'Throttling.User'>().toExtend<DocumentedErrorCode>();
    expectTypeOf<DeleteImageResponse>().toHaveProperty('RequestId').toBeString();
    expectTypeOf<VodErrorBody>().toHaveProperty('Code').toBeString();
  });
});

describe('invalid requests do not compile', () => {
  // Each expected error sits on the property that breaks the rule, so a directive can only be
  // satisfied by that rule.
  it('rejects a field of another variant', () => {
    const request: DeleteImageRequest = {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: 'All',
      // @ts-expect-error ImageIds belongs to DeleteImageType 'ImageId', not 'VideoId'.
      ImageIds: ['a'],
    };
    expectTypeOf(request).not.toBeNever();
  });

  it('rejects 21 image IDs', () => {
    const request: DeleteImageRequest = {
      DeleteImageType: 'ImageId',
      // @ts-expect-error At most 20 image IDs per call.
      ImageIds: [...twentyIds, 'a21'],
    };
    expectTypeOf(request).not.toBeNever();
  });

  it('rejects an empty list', () => {
    const ids: DeleteImageRequest = {
      DeleteImageType: 'ImageId',
      // @ts-expect-error At least one image ID.
      ImageIds: [],
    };
    const urls: DeleteImageRequest = {
      DeleteImageType: 'ImageURL',
      // @ts-expect-error At least one image URL.
      ImageURLs: [],
    };
    expectTypeOf(ids).not.toBeNever();
    expectTypeOf(urls).not.toBeNever();
  });

  it('rejects ImageType All combined with another kind', () => {
    const asList: DeleteImageRequest = {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      // @ts-expect-error 'All' stands alone.
      ImageType: ['All', 'CoverSnapshot'],
    };
    const asString: DeleteImageRequest = {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      // @ts-expect-error Lists are arrays in the types; comma-joining is only the wire format.
      ImageType: 'All,CoverSnapshot',
    };
    expectTypeOf(asList).not.toBeNever();
    expectTypeOf(asString).not.toBeNever();
  });

  it('rejects an unknown field', () => {
    const request: DeleteImageRequest = {
      DeleteImageType: 'ImageId',
      ImageIds: ['a'],
      // @ts-expect-error Force is not a DeleteImage field.
      Force: true,
    };
    expectTypeOf(request).not.toBeNever();
  });

  it('rejects an unknown DeleteImageType and a missing required field', () => {
    const unknownType: DeleteImageRequest = {
      // @ts-expect-error 'ImageName' is not a DeleteImageType.
      DeleteImageType: 'ImageName',
      ImageIds: ['a'],
    };
    // @ts-expect-error VideoId requests need ImageType.
    const missingImageType: DeleteImageRequest = { DeleteImageType: 'VideoId', VideoId: 'v1' };
    expectTypeOf(unknownType).not.toBeNever();
    expectTypeOf(missingImageType).not.toBeNever();
  });

  it('rejects an unbounded string array', () => {
    const fromUserInput: string[] = ['a'];
    const request: DeleteImageRequest = {
      DeleteImageType: 'ImageId',
      // @ts-expect-error string[] may be empty or longer than 20; chunk it first.
      ImageIds: fromUserInput,
    };
    expectTypeOf(request).not.toBeNever();
  });
});

// Excess property checks hold for object literals only: a value built first, held in a
// variable or made `as const`, is checked by the types alone. Each variant therefore carries
// the other variants' fields as optional `never`, for every pair of variants.
describe('a value with a field of another variant does not compile, not only a literal', () => {
  const ids: ImageIdList = ['a'];
  const urls: ImageURLList = ['http://x/y.png'];

  it('ImageId with ImageURLs, VideoId or ImageType', () => {
    const withUrls = { DeleteImageType: 'ImageId', ImageIds: ['a'], ImageURLs: urls } as const;
    const withVideo = { DeleteImageType: 'ImageId' as const, ImageIds: ids, VideoId: 'v1' };
    const withKinds = { DeleteImageType: 'ImageId' as const, ImageIds: ids, ImageType: 'All' };
    // @ts-expect-error ImageURLs belongs to the ImageURL variant.
    const a: DeleteImageRequest = withUrls;
    // @ts-expect-error VideoId belongs to the VideoId variant.
    const b: DeleteImageRequest = withVideo;
    // @ts-expect-error ImageType belongs to the VideoId variant.
    const c: DeleteImageRequest = withKinds;
    // @ts-expect-error Not even as the one variant it names.
    const d: DeleteImageByImageIds = withUrls;
    expectTypeOf([a, b, c, d]).not.toBeNever();
  });

  it('ImageURL with ImageIds, VideoId or ImageType', () => {
    const withIds = { DeleteImageType: 'ImageURL', ImageURLs: urls, ImageIds: ['a'] } as const;
    const withVideo = { DeleteImageType: 'ImageURL' as const, ImageURLs: urls, VideoId: 'v1' };
    const withKinds = {
      DeleteImageType: 'ImageURL' as const,
      ImageURLs: urls,
      ImageType: ['CoverSnapshot'] as const,
    };
    // @ts-expect-error ImageIds belongs to the ImageId variant.
    const a: DeleteImageRequest = withIds;
    // @ts-expect-error VideoId belongs to the VideoId variant.
    const b: DeleteImageRequest = withVideo;
    // @ts-expect-error ImageType belongs to the VideoId variant.
    const c: DeleteImageRequest = withKinds;
    expectTypeOf([a, b, c]).not.toBeNever();
  });

  it('VideoId with ImageIds or ImageURLs', () => {
    const withIds = {
      DeleteImageType: 'VideoId',
      VideoId: 'v1',
      ImageType: 'All',
      ImageIds: ['a'],
    } as const;
    const withUrls = {
      DeleteImageType: 'VideoId' as const,
      VideoId: 'v1',
      ImageType: 'All' as const,
      ImageURLs: urls,
    };
    // @ts-expect-error ImageIds belongs to the ImageId variant.
    const a: DeleteImageRequest = withIds;
    // @ts-expect-error ImageURLs belongs to the ImageURL variant.
    const b: DeleteImageRequest = withUrls;
    expectTypeOf([a, b]).not.toBeNever();
  });

  it('a function parameter typed by the union refuses such a value too', () => {
    const send = (request: DeleteImageRequest): DeleteImageRequest => request;
    const mixed = {
      DeleteImageType: 'ImageId' as const,
      ImageIds: ['a'] as const,
      ImageURLs: ['http://x/y.png'] as const,
    };
    // @ts-expect-error A widened value with two variants' lists.
    send(mixed);
    expectTypeOf(send).returns.toEqualTypeOf<DeleteImageRequest>();
  });

  it('each variant names the foreign fields as optional never', () => {
    expectTypeOf<DeleteImageByImageIds['ImageURLs']>().toEqualTypeOf<undefined>();
    expectTypeOf<DeleteImageByImageIds['VideoId']>().toEqualTypeOf<undefined>();
    expectTypeOf<DeleteImageByImageURLs['ImageType']>().toEqualTypeOf<undefined>();
    expectTypeOf<DeleteImageByVideoId['ImageIds']>().toEqualTypeOf<undefined>();
  });
});

describe('values that are one variant only still compile', () => {
  it('variables, `as const` values and lists typed elsewhere', () => {
    const byIds = { DeleteImageType: 'ImageId', ImageIds: ['a', 'b'] } as const;
    const byUrls = { DeleteImageType: 'ImageURL' as const, ImageURLs: ['http://x/y.png'] as const };
    const allKinds = { DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All' } as const;
    const someKinds = {
      DeleteImageType: 'VideoId' as const,
      VideoId: 'v1',
      ImageType: ['CoverSnapshot', 'NormalSnapshot'] as const,
    };
    // A list whose length was checked at run time (the client's checkImageList returns one).
    const checked = (): ImageIdList => ['a'];
    const fromCheck = { DeleteImageType: 'ImageId' as const, ImageIds: checked() };
    const requests: DeleteImageRequest[] = [byIds, byUrls, allKinds, someKinds, fromCheck];
    expectTypeOf(requests).toEqualTypeOf<DeleteImageRequest[]>();
  });
});
