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
