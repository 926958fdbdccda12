/**
 * `@vodkit/client`: a thin, typed, retrying client for Alibaba Cloud VOD `DeleteImage` on
 * openapi-fetch. This entry is runtime-neutral (global `fetch`, WebCrypto signing); on Node,
 * `@vodkit/client/node` adds a keep-alive transport, synchronous `node:crypto` signing and file-based credentials.
 *
 * @example
 * ```ts
 * import { createVodClient } from '@vodkit/client';
 * const client = createVodClient({ region: 'cn-shanghai', credentials: { accessKeyId, accessKeySecret } });
 * const { data, error } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['bbc65bba53fed90de118a7849d7c4ee1'] });
 * ```
 *
 * @packageDocumentation
 */
import { createVodClientWith } from './client.js';
import type { VodClient, VodClientOptions } from './client.js';
import type { SignerFunctions } from './signer-functions.js';
import { fetchTransport } from './transport.js';
import type * as WebSignerLazy from './web-signer-lazy.js';

// The signer loads with the first call that signs (or the first dry run or error), not at start:
// an app's start bundle holds no signing code. The promise is kept, so it loads once; a failed
// load is not kept, so the next call tries again (a browser back online).
let signerLoading: Promise<typeof WebSignerLazy> | undefined;
const lazySigner = (): Promise<typeof WebSignerLazy> =>
  (signerLoading ??= import('./web-signer-lazy.js').catch((error: unknown) => {
    signerLoading = undefined;
    throw error;
  }));
const webSigner: SignerFunctions = {
  signV3: async (input) => (await lazySigner()).signV3(input),
  signV2: async (input) => (await lazySigner()).signV2(input),
  redactSigned: async (result) => (await lazySigner()).redactSigned(result),
};

/**
 * Creates a client over global `fetch` (or `options.fetch` / `options.transport`) with WebCrypto
 * signing. Give `region` or `endpoint`, and `credentials`.
 *
 * @example
 * ```ts
 * const client = createVodClient({ endpoint: 'http://127.0.0.1:4000', credentials, method: 'GET', signatureAlgorithm: 'HMAC-SHA1' });
 * const result = await client.deleteImage({ DeleteImageType: 'VideoId', VideoId: 'v1', ImageType: 'All' });
 * ```
 */
export function createVodClient<T extends boolean = false>(
  options: VodClientOptions & { readonly throwOnError?: T },
): VodClient<T> {
  return createVodClientWith({ signer: webSigner, transport: fetchTransport() }, options);
}

export type { SignedRequest, VodClient, VodClientOptions } from './client.js';
export type { CallContext, CallOptions, DeleteImageOutcome, DeleteImageResult } from './outcome.js';
export type { SignatureAlgorithm, SignerFunctions } from './signer-functions.js';
export {
  VodError,
  VodClientError,
  VodServerError,
  VodThrottlingError,
  VodTimeoutError,
  VodNetworkError,
  VodValidationError,
  VodCredentialsError,
  isCredentialsNotFound,
} from './errors.js';
export type { VodErrorFields, VodErrorKind } from './errors.js';
export { chain, memoize, staticCredentials, fromEnv, fromSts, ENV_NAMES } from './credentials.js';
export type {
  CredentialProvider,
  MemoizeOptions,
  StsCredentialsBody,
  VodCredentials,
} from './credentials.js';
// The policy, to read: which codes retry (and as what), and the retry defaults.
export { CODE_CLASSES, DEFAULT_RETRY } from './retry.js';
export type { FailureClass, RetryOptions } from './retry.js';
export { checkImageList } from './image-list.js';
export type { ImageListOutcome, ImageLists } from './image-list.js';
export { createPacer } from './pacer.js';
export type { Pacer, PacerOptions } from './pacer.js';
export type { BulkProgress, BulkResult, ChunkResult, DeleteImagesOptions } from './bulk.js';
export { DEFAULT_MAX_RESPONSE_BYTES, fetchTransport } from './transport.js';
export type {
  FetchTransportOptions,
  Transport,
  TransportRequest,
  TransportResponse,
} from './transport.js';
export { TransportClosedError, TransportError, TransportTimeoutError } from './transport-errors.js';
export type {
  TransportErrorFields,
  TransportFailureReason,
  TransportTimeoutFields,
} from './transport-errors.js';
