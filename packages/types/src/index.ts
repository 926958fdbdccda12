/**
 * `@vodkit/types`: the types of Alibaba Cloud VOD `DeleteImage` (2017-03-21), generated from the
 * vodkit OpenAPI document, with friendly names and the spec's constants.
 *
 * @example
 * ```ts
 * import type { DeleteImageRequest } from '@vodkit/types';
 * import { MAX_IMAGE_IDS } from '@vodkit/types';
 *
 * const request: DeleteImageRequest = { DeleteImageType: 'ImageId', ImageIds: ['bbc65bba53fed90de118a7849d7c4ee1'] };
 * ```
 *
 * @packageDocumentation
 */
import type { components } from './generated/schema.js';
import type { DOCUMENTED_ERRORS, REGIONS } from './generated/constants.js';

export type { components, operations, paths } from './generated/schema.js';
export {
  ACTION,
  API_VERSION,
  CENTRAL_ENDPOINT,
  CLOCK_SKEW_SECONDS,
  DEACTIVATED_REGIONS,
  DEFAULT_REGION,
  DELETE_IMAGE_TYPES,
  DOCUMENTED_ERRORS,
  EMPTY_BODY_SHA256,
  ERROR_MESSAGES,
  FINAL_ERROR_CODES,
  IMAGE_TYPE_ALL,
  LIST_SEPARATOR,
  MAX_IMAGE_IDS,
  MAX_IMAGE_URLS,
  NONCE_REPLAY_WINDOW_SECONDS,
  PRODUCT,
  QPS_LIMIT_PER_ACCOUNT,
  RAM_ACTION,
  REGIONS,
  REGION_ENDPOINTS,
  RETRYABLE_ERROR_CODES,
  SIGNATURE_ALGORITHMS,
  SNAPSHOT_KINDS,
  THROTTLING_ERROR_CODE,
} from './generated/constants.js';

type Schemas = components['schemas'];

/**
 * A `DeleteImage` request: exactly one of the three variants, chosen by `DeleteImageType`.
 * Lists are arrays here; they travel comma-joined on the wire.
 */
export type DeleteImageRequest = Schemas['DeleteImageRequest'];
/** Delete images by URL (`DeleteImageType: 'ImageURL'`, 1 to 20 `ImageURLs`). */
export type DeleteImageByImageURLs = Schemas['DeleteImageByImageURLs'];
/** Delete images by ID (`DeleteImageType: 'ImageId'`, 1 to 20 `ImageIds`). */
export type DeleteImageByImageIds = Schemas['DeleteImageByImageIds'];
/** Delete snapshots of one video (`DeleteImageType: 'VideoId'`, a `VideoId` and an `ImageType`). */
export type DeleteImageByVideoId = Schemas['DeleteImageByVideoId'];
/** The discriminant of {@link DeleteImageRequest}: `'ImageURL' | 'ImageId' | 'VideoId'`. */
export type DeleteImageType = DeleteImageRequest['DeleteImageType'];
/** 1 to 20 image URLs (a bounded tuple type: an empty or 21-item list does not compile). */
export type ImageURLList = Schemas['ImageURLList'];
/** 1 to 20 image IDs (a bounded tuple type: an empty or 21-item list does not compile). */
export type ImageIdList = Schemas['ImageIdList'];
/** `'All'`, or a set of one to four {@link SnapshotKind}s. */
export type ImageTypeSelection = Schemas['ImageTypeSelection'];
/** A kind of video snapshot that `ImageType` can select. */
export type SnapshotKind = Schemas['SnapshotKind'];
/** The success body: `{ RequestId }`. */
export type DeleteImageResponse = Schemas['DeleteImageResponse'];
/** The error body Alibaba Cloud answers with: `{ RequestId, HostId, Code, Message, Recommend? }`. */
export type VodErrorBody = Schemas['VodError'];
/** An error code the spec documents. Services may answer with others: treat `Code` as a string. */
export type DocumentedErrorCode = keyof typeof DOCUMENTED_ERRORS;
/** A documented public region ID, such as `cn-shanghai`. */
export type RegionId = keyof typeof REGIONS;
