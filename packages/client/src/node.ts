/**
 * `@vodkit/client/node`: the client for Node. Same API as the main entry, with a keep-alive
 * HTTP/1.1 transport over `node:net`/`node:tls` ({@link socketTransport}), synchronous `node:crypto` signing, and the file-based credential
 * providers (`~/.aliyun/config.json`, `~/.alibabacloud/credentials`) in the default chain.
 *
 * @example
 * ```ts
 * import { createVodClient } from '@vodkit/client/node';
 * const client = createVodClient({ region: 'cn-shanghai' }); // credentials from env or profiles
 * ```
 *
 * @packageDocumentation
 */
import { signAcs3, signRpc } from '@vodkit/signer/node';
import { redactSigned } from '@vodkit/signer/redact';
import { createVodClientWith } from './client.js';
import { requireOptionsObject } from './client-options.js';
import type { VodClient, VodClientOptions } from './client.js';
import type { SignerFunctions } from './signer-functions.js';
import type { CredentialProvider, VodCredentials } from './credentials.js';
import { defaultCredentials } from './node-credentials.js';
import { socketTransport } from './node-socket-transport.js';

/** The `node:crypto` signing functions. */
export const nodeSigner: SignerFunctions = { signRpc, signAcs3, redactSigned };

/** Options of the Node `createVodClient`: `credentials` may be left out to use {@link defaultCredentials}. */
export type NodeVodClientOptions = Omit<VodClientOptions, 'credentials'> & {
  /** Defaults to {@link defaultCredentials}. */
  readonly credentials?: VodCredentials | CredentialProvider | undefined;
};

/**
 * Creates a client with the keep-alive {@link socketTransport} (unless `fetch` or `transport` is
 * given) and `node:crypto` signing.
 *
 * @example
 * const client = createVodClient({ region: 'cn-shanghai', throwOnError: true });
 * const { requestId } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a1'] });
 */
export function createVodClient<T extends boolean = false>(
  options: NodeVodClientOptions & { readonly throwOnError?: T },
): VodClient<T> {
  requireOptionsObject(options);
  return createVodClientWith(
    { signer: nodeSigner, transport: socketTransport() },
    { ...options, credentials: options.credentials ?? defaultCredentials() },
  );
}

export { nodeTransport } from './node-transport.js';
export type { NodeTransportOptions } from './node-transport.js';
export { socketTransport } from './node-socket-transport.js';
export { DIAGNOSTICS_CHANNELS } from './node-diagnostics.js';
export type {
  RequestDiagnostic,
  RequestEndDiagnostic,
  RequestErrorDiagnostic,
} from './node-diagnostics.js';
export type { SocketTransportOptions } from './node-socket-transport.js';
export {
  defaultCredentials,
  fromAliyunConfig,
  fromCredentialsFile,
  parseIni,
} from './node-credentials.js';
export type { FileProviderOptions } from './node-credentials.js';
export {
  createVodClientWith,
  errorFromResponse,
  VodError,
  VodClientError,
  VodServerError,
  VodThrottlingError,
  VodTimeoutError,
  VodNetworkError,
  VodValidationError,
  VodCredentialsError,
  isCredentialsNotFound,
  chain,
  memoize,
  staticCredentials,
  fromEnv,
  fromSts,
  ENV_NAMES,
  backoffDelay,
  classify,
  parseRetryAfter,
  CODE_CLASSES,
  DEFAULT_RETRY,
  RETRYABLE_STATUSES,
  toWireParams,
  checkImageList,
  createPacer,
  DEFAULT_MAX_RESPONSE_BYTES,
  fetchTransport,
} from './index.js';
export type {
  FetchTransportOptions,
  CallOptions,
  DeleteImageOutcome,
  DeleteImageResult,
  SignatureAlgorithm,
  SignedRequest,
  SignerFunctions,
  VodClient,
  VodClientOptions,
  VodErrorFields,
  VodErrorKind,
  CredentialProvider,
  MemoizeOptions,
  StsCredentialsBody,
  VodCredentials,
  FailureClass,
  FailureDecision,
  RetryOptions,
  WireParams,
  ImageListOutcome,
  ImageLists,
  BulkProgress,
  BulkResult,
  ChunkResult,
  DeleteImagesOptions,
  Pacer,
  PacerOptions,
  CallContext,
  Transport,
  TransportRequest,
  TransportResponse,
} from './index.js';
export { TransportClosedError, TransportError, TransportTimeoutError } from './transport-errors.js';
export type {
  TransportErrorFields,
  TransportFailureReason,
  TransportTimeoutFields,
} from './transport-errors.js';
