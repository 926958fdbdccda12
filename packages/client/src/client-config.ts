/**
 * A client's options, checked and defaulted once when the client is made: everything after
 * construction reads one frozen {@link ClientConfig} and never supplies a default of its own.
 */
import type { RegionId } from '@vodkit/types';
import { checkClientOptions, own } from './client-options.js';
import { resolveEndpoint } from './endpoint.js';
import { toProvider } from './credentials.js';
import type { CredentialProvider, VodCredentials } from './credentials.js';
import { DEFAULT_RETRY } from './retry.js';
import type { ResolvedRetry, RetryOptions } from './retry.js';
import { fetchTransport } from './transport.js';
import type { Transport } from './transport.js';
import { userAgentFor } from './user-agent.js';
import type { SignatureAlgorithm, SignerFunctions } from './signer-functions.js';

/** Options of `createVodClient`. Give `region` or `endpoint`. */
export interface VodClientOptions {
  /** A documented region (`cn-shanghai`, …): the endpoint is `https://vod.<region>.aliyuncs.com`. */
  readonly region?: RegionId | undefined;
  /** An origin such as `https://vod.cn-shanghai.aliyuncs.com` or `http://127.0.0.1:4000`; wins over `region`. */
  readonly endpoint?: string | undefined;
  /** Credentials, or a provider of them (see `chain`, `memoize`). */
  readonly credentials: VodCredentials | CredentialProvider;
  /** Defaults to `ACS3-HMAC-SHA256`. */
  readonly signatureAlgorithm?: SignatureAlgorithm | undefined;
  /** Defaults to `POST` (a form body); `GET` sends everything in the query. */
  readonly method?: 'POST' | 'GET' | undefined;
  /** Retry settings; `{ maxAttempts: 1 }` disables retries. */
  readonly retry?: RetryOptions | undefined;
  /** Timeout of each attempt in ms; defaults to 10 000. */
  readonly timeoutMs?: number | undefined;
  /** A WHATWG `fetch` to send with (ignored when `transport` is given). */
  readonly fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  /** A lower-level sender; the Node entry passes a keep-alive `node:http` one. */
  readonly transport?: Transport | undefined;
  /**
   * Your product (`myapp/1.2`), appended to the `user-agent` the client sends outside browsers:
   * `vodkit/<version> (<runtime>/<version>; <os>; <arch>) myapp/1.2`. Printable ASCII, 1 to 256
   * characters. A browser sends its own user-agent and this is not sent.
   */
  readonly userAgent?: string | undefined;
  /** Reject instead of returning `{ error }`. */
  readonly throwOnError?: boolean | undefined;
  /** The signing functions; the entry points set these. */
  readonly signer?: SignerFunctions | undefined;
}

/** What an entry point supplies: its signer and the transport it sends with by default. */
export interface ClientDefaults {
  readonly signer: SignerFunctions;
  readonly transport: Transport;
}

/** One client's settings, every default filled in; frozen. */
export interface ClientConfig {
  /** The endpoint origin, e.g. `https://vod.cn-shanghai.aliyuncs.com`. */
  readonly origin: string;
  /** The host the signature covers. */
  readonly host: string;
  readonly method: 'GET' | 'POST';
  readonly signatureAlgorithm: SignatureAlgorithm;
  /** Timeout of each attempt, and of each wait for the credentials provider, in ms. */
  readonly timeoutMs: number;
  readonly throwOnError: boolean;
  readonly signer: SignerFunctions;
  readonly transport: Transport;
  /** Whether the client made its transport (only then is it the client's to close). */
  readonly ownsTransport: boolean;
  readonly credentials: CredentialProvider;
  /** The credentials when they were given as values: no provider call per attempt. */
  readonly staticCredentials: VodCredentials | undefined;
  readonly retry: ResolvedRetry;
  /**
   * Headers every call sends (the user agent, outside browsers). Not signed (V3 signs only host,
   * content-type and x-acs-* headers), so a proxy that rewrites them breaks nothing.
   */
  readonly headers: Readonly<Record<string, string>>;
}

/** The options that have a default, and the default. */
const OPTION_DEFAULTS = {
  method: 'POST',
  signatureAlgorithm: 'ACS3-HMAC-SHA256',
  timeoutMs: 10_000,
  throwOnError: false,
} as const;

/** `defaults`, with each own value of `given` that is not `undefined` in its place. */
function withDefaults<T extends object>(defaults: T, given: object): T {
  const out = { ...defaults } as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    const value = own(given, key);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/**
 * `retry` (unchecked: see `checkClientOptions`) with every default of {@link DEFAULT_RETRY} in
 * place, and `Math.random` for the jitter; frozen.
 */
export const resolveRetry = (retry: RetryOptions | undefined): ResolvedRetry =>
  Object.freeze(withDefaults({ ...DEFAULT_RETRY, random: Math.random }, retry ?? {}));

/**
 * Checks `options` (a {@link VodValidationError} with code `InvalidOption` naming the first
 * option broken) and returns the client's configuration with every default in place.
 */
export function resolveClientOptions(
  options: VodClientOptions,
  defaults: ClientDefaults,
): ClientConfig {
  checkClientOptions(options);
  const { transport, fetch, credentials } = options;
  const userAgent = userAgentFor(options.userAgent);
  return Object.freeze({
    ...resolveEndpoint(options),
    ...withDefaults({ ...OPTION_DEFAULTS, signer: defaults.signer }, options),
    transport: transport ?? (fetch === undefined ? defaults.transport : fetchTransport(fetch)),
    ownsTransport: transport === undefined && fetch === undefined,
    credentials: toProvider(credentials),
    staticCredentials: typeof credentials === 'function' ? undefined : credentials,
    retry: resolveRetry(options.retry),
    headers: Object.freeze(userAgent === undefined ? {} : { 'user-agent': userAgent }),
  });
}
