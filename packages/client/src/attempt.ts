/**
 * One attempt of a call: sign it afresh (a new nonce and timestamp), build the wire request and
 * hand it to the transport. It reports what happened, a response or the transport's failure,
 * and leaves judging it to `judge.ts`.
 */
import type { V3SignResult, Awaitable } from '@vodkit/signer';
import type { V2SignResult } from '@vodkit/signer/v2';
import { ACTION, API_VERSION } from '@vodkit/types';
import { VodCredentialsError, VodValidationError } from './errors.js';
import type { ClientConfig } from './client-config.js';
import type { VodCredentials } from './credentials.js';
import type { CallContext } from './outcome.js';
import type { Redactor } from './redact.js';
import type { TransportRequest, TransportResponse } from './transport.js';
import type { WireParams } from './validate.js';

/** One request as the send loop sends it: verb, wire parameters and the headers to add. */
export interface OutgoingCall {
  readonly verb: 'GET' | 'POST';
  readonly params: WireParams;
  /** Headers to send (and, under V3, sign) besides the signer's own. */
  readonly headers: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  readonly context?: CallContext | undefined;
}

/** What attempts read: the client's settings, the clock to sign with, and where secrets go. */
export interface AttemptContext {
  readonly config: ClientConfig;
  /** The time to sign with (the skew-corrected clock). */
  readonly now: () => number;
  /** Learns every signature, so no error handed out can show one. */
  readonly redactor: Redactor;
}

/** What one attempt ended with: the transport's response, or what the transport threw. */
export type AttemptResult =
  | { readonly response: TransportResponse; readonly error?: undefined }
  | { readonly response?: undefined; readonly error: unknown };

/** A signer's result under either algorithm. */
export type SignResult = V2SignResult | V3SignResult;

const FORM = 'application/x-www-form-urlencoded';
const FORM_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': FORM });

const hasKeys = (o: object): boolean => {
  for (const _ in o) return true;
  return false;
};

/**
 * The signer's `SignerInputError` as a client error naming the signer's field: a bad credential
 * is a {@link VodCredentialsError}, anything else a {@link VodValidationError}. Neither is ever
 * retried or taken for a network error.
 */
function fromSignerError(error: unknown): never {
  const e = error as { name?: unknown; field?: unknown; rule?: unknown } | null;
  if (e?.name !== 'SignerInputError' || typeof e.field !== 'string') throw error;
  const { field, rule } = e as { field: string; rule: string };
  if (field.startsWith('credentials')) {
    throw new VodCredentialsError(`${field}: ${rule}`, { code: 'InvalidCredentials' });
  }
  throw new VodValidationError(field, rule);
}

function sign(
  { config, now }: AttemptContext,
  call: OutgoingCall,
  credentials: VodCredentials,
): Awaitable<SignResult> {
  const { verb, params, headers } = call;
  if (config.signatureAlgorithm === 'HMAC-SHA1') {
    return config.signer.signV2({
      method: verb,
      action: ACTION,
      version: API_VERSION,
      params,
      credentials,
      clock: now,
    });
  }
  return config.signer.signV3({
    method: verb,
    host: config.host,
    action: ACTION,
    version: API_VERSION,
    ...(verb === 'GET' ? { query: params } : { form: params }),
    // Only headers there are: most calls have none, and an empty object would just be copied.
    ...(hasKeys(headers) ? { headers } : {}),
    credentials,
    clock: now,
  });
}

/** Signs `call`, with the signer's input errors turned into the client's (see above). */
export function signCall(
  context: AttemptContext,
  call: OutgoingCall,
  credentials: VodCredentials,
): Awaitable<SignResult> {
  try {
    const pending = sign(context, call, credentials);
    return pending instanceof Promise ? pending.catch(fromSignerError) : pending;
  } catch (error) {
    return fromSignerError(error);
  }
}

/** The wire request for a signed call. */
export function transportRequest(
  { config }: AttemptContext,
  call: OutgoingCall,
  s: SignResult,
): TransportRequest {
  const get = call.verb === 'GET';
  const rpc = s.algorithm === 'HMAC-SHA1';
  const query = rpc ? (get ? s.encoded : '') : s.query;
  return {
    method: call.verb,
    url: `${config.origin}/${query === '' ? '' : `?${query}`}`,
    headers: !rpc
      ? s.headers
      : get
        ? call.headers
        : hasKeys(call.headers)
          ? { ...call.headers, 'content-type': FORM }
          : FORM_HEADERS,
    // Form bodies are always strings.
    body: get ? undefined : rpc ? s.encoded : (s.body as string),
    signal: call.signal,
    timeoutMs: config.timeoutMs,
  };
}

/**
 * Makes one attempt. Rejects when signing refuses the input, and with the caller's abort
 * reason when the call is aborted: neither is an answer to judge.
 */
export async function attempt(
  context: AttemptContext,
  call: OutgoingCall,
  credentials: VodCredentials,
): Promise<AttemptResult> {
  const pending = signCall(context, call, credentials);
  // The node signer answers synchronously: no microtask turn when it does.
  const signed: SignResult =
    pending instanceof Promise ? ((await pending) as SignResult) : (pending as SignResult);
  context.redactor.remember(signed.signature);
  return context.config.transport(transportRequest(context, call, signed)).then(
    (response): AttemptResult => ({ response }),
    (error: unknown): AttemptResult => {
      if (call.signal?.aborted === true) throw call.signal.reason as Error;
      return { error };
    },
  );
}
