/**
 * `@vodkit/client/node`: the client for Node. Same API as the main entry, with a keep-alive
 * HTTP/1.1 transport over `node:net`/`node:tls` ({@link socketTransport}), synchronous
 * `node:crypto` signing, and the file-based credential providers (`~/.aliyun/config.json`,
 * `~/.alibabacloud/credentials`) in the default chain.
 *
 * @example
 * ```ts
 * import { createVodClient } from '@vodkit/client/node';
 * const client = createVodClient({ region: 'cn-shanghai' }); // credentials from env or profiles
 * ```
 *
 * @packageDocumentation
 */
import { signV3, signV2 } from '@vodkit/signer/node';
import { redactSigned } from '@vodkit/signer/redact';
import { createVodClientWith } from '../client.js';
import { requireOptionsObject } from '../client-options.js';
import type { VodClient, VodClientOptions } from '../client.js';
import type { SignerFunctions } from '../signer-functions.js';
import type { CredentialProvider, VodCredentials } from '../credentials.js';
import { defaultCredentials } from './credentials.js';
import { socketTransport } from './socket-transport.js';

/** The `node:crypto` signing functions. */
export const nodeSigner: SignerFunctions = { signV2, signV3, redactSigned };

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
 * ```ts
 * const client = createVodClient({ region: 'cn-shanghai', throwOnError: true });
 * const { requestId } = await client.deleteImage({ DeleteImageType: 'ImageId', ImageIds: ['a1'] });
 * ```
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

export { nodeTransport } from './http-transport.js';
export type { NodeTransportOptions } from './http-transport.js';
export { socketTransport } from './socket-transport.js';
export type { SocketTransportOptions } from './socket-transport.js';
export { DIAGNOSTICS_CHANNELS } from './diagnostics.js';
export type {
  RequestDiagnostic,
  RequestEndDiagnostic,
  RequestErrorDiagnostic,
} from './diagnostics.js';
export {
  defaultCredentials,
  fromAliyunConfig,
  fromCredentialsFile,
  parseIni,
} from './credentials.js';
export type { FileProviderOptions } from './credentials.js';
// Everything the main entry exports, so the two entries never drift apart: the main entry's list
// is the one deliberate list, and test/entries.test.ts holds this one to it. `createVodClient`
// above is a local export, which takes precedence over the one this brings.
// eslint-disable-next-line no-restricted-syntax -- the one re-export of a whole entry
export * from '../index.js';
