import type { Acs3SignResult, Awaitable, RpcSignResult } from '@vodkit/signer';
import { ACTION, API_VERSION } from '@vodkit/types';
import {
  VodCredentialsError,
  VodError,
  VodNetworkError,
  VodTimeoutError,
  VodValidationError,
  scrubMessage,
  withheld,
} from './errors.js';
import { createRedactor } from './redact.js';
import type { Redactor } from './redact.js';
import { credentialsProblem } from './client-options.js';
import type { CredentialProvider, VodCredentials } from './credentials.js';
import { backoffDelay, classify, DEFAULT_RETRY, parseRetryAfter } from './retry.js';
import type { RetryOptions } from './retry.js';
import { sleep } from './sleep.js';
import { boundedWait } from './bounded-wait.js';
import type { WireParams } from './validate.js';
import { errorCodeOf, isOk, requestIdOf } from './outcome.js';
import type { AttemptRecord, CallContext } from './outcome.js';
import { TransportError } from './transport-errors.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';
import type { SignatureAlgorithm, SignerFunctions } from './signer-functions.js';

/** What a send loop is built from: one client's settings. */
export interface SendLoopConfig {
  readonly signer: SignerFunctions;
  readonly transport: Transport;
  readonly algorithm: SignatureAlgorithm;
  /** The endpoint origin, e.g. `https://vod.cn-shanghai.aliyuncs.com`. */
  readonly origin: string;
  /** The host the signature covers. */
  readonly host: string;
  readonly credentials: CredentialProvider;
  /** The credentials when they were given as values: no provider call per attempt. */
  readonly staticCredentials: VodCredentials | undefined;
  readonly retry: RetryOptions;
  readonly timeoutMs: number;
}

/** One request as the loop sends it: verb, wire parameters and the headers to add. */
export interface OutgoingCall {
  readonly verb: 'GET' | 'POST';
  readonly params: WireParams;
  /** Headers to send (and, under V3, sign) besides the signer's own. */
  readonly headers: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal | undefined;
  readonly context?: CallContext | undefined;
}

/** What {@link SendLoop.send} ends with: the final response, its parsed body and the record. */
export interface SendResult extends AttemptRecord {
  readonly response: TransportResponse;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
}

/** Signing, retrying and sending, shared by both of the client's doors. */
export interface SendLoop {
  /**
   * Sends with retries, signing each attempt afresh (a new nonce and timestamp). Resolves with
   * a 2xx carrying a `RequestId` or with the final error response; rejects with a
   * {@link VodNetworkError} / {@link VodTimeoutError} when no attempt got an answer, a
   * {@link VodValidationError} / {@link VodCredentialsError} when signing refused the input, or
   * the caller's abort reason.
   */
  send(call: OutgoingCall): Promise<SendResult>;
  /** Signs once, without sending: what `dryRun` shows. */
  signOnce(call: OutgoingCall, reveal: boolean): Promise<TransportRequest>;
  /** The credentials, from the provider if they came from one, checked; `signal` ends the wait. */
  loadCredentials(signal?: AbortSignal): Promise<VodCredentials>;
  /**
   * Knows every secret, token and signature this loop used; `send` and `signOnce` pass their
   * errors through it, and so must anyone handing out an error of this client.
   */
  readonly redactor: Redactor;
}

const FORM = 'application/x-www-form-urlencoded';
const FORM_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': FORM });

const hasKeys = (o: object): boolean => {
  for (const _ in o) return true;
  return false;
};

/** The signer's `SignerInputError` (`field`, a problem without the value) as a client error. */
function fromSignerError(error: unknown): never {
  const e = error as { name?: unknown; field?: unknown; message?: unknown } | null;
  if (e?.name !== 'SignerInputError' || typeof e.field !== 'string') throw error;
  const problem = String(e.message).slice(e.field.length + 2);
  if (e.field.startsWith('credentials')) {
    throw new VodCredentialsError(`${e.field}: ${problem}`, { code: 'InvalidCredentials' });
  }
  throw new VodValidationError(e.field, problem);
}

/**
 * Connection failures of a transport of your own that mean the request never left: nothing can
 * have been applied. vodkit's transports say so with {@link TransportError.sent}.
 */
const NOT_SENT: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const neverSent = (error: unknown): boolean => {
  for (let e = error, depth = 0; e instanceof Error && depth < 3; depth += 1) {
    if (TransportError.isInstance(e)) return !e.sent;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** Builds the send loop of one client. */
export function createSendLoop(config: SendLoopConfig): SendLoop {
  const { signer, transport, algorithm, host, timeoutMs, retry } = config;
  const rootUrl = `${config.origin}/`;
  const clientMaxAttempts = Math.max(1, retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  // Learnt from the service's Date header after a clock-skew answer, then kept.
  let clockOffsetMs = 0;
  const clock = (): number => Date.now() + clockOffsetMs;
  const redactor = createRedactor();
  const rememberCredentials = (c: VodCredentials | undefined): void => {
    redactor.remember(c?.accessKeySecret, true);
    redactor.remember(c?.securityToken, true);
  };
  rememberCredentials(config.staticCredentials);
  /** A client error, by brand, cleaned of this loop's secrets; anything else as it is. */
  const redacted = (error: unknown): Promise<unknown> =>
    VodError.isInstance(error) ? redactor.error(error) : Promise.resolve(error);

  async function loadCredentials(signal?: AbortSignal): Promise<VodCredentials> {
    let loaded: VodCredentials;
    try {
      // A provider may read files or call an endpoint: its wait is bounded like an attempt's.
      loaded = await boundedWait(config.credentials(), timeoutMs, signal, () =>
        Promise.reject(
          new VodCredentialsError(`credentials provider did not answer within ${timeoutMs} ms`, {
            code: 'CredentialsFailed',
          }),
        ),
      );
    } catch (error) {
      if (error instanceof VodError || signal?.aborted === true) throw error;
      throw new VodCredentialsError('credentials provider failed', {
        code: 'CredentialsFailed',
        cause: withheld(error),
      });
    }
    // Before the shape check: a message about what was loaded must not show it either.
    if (typeof loaded === 'object' && (loaded as unknown) !== null) rememberCredentials(loaded);
    // A provider is plain JavaScript: what it returns is held to the rules static ones are.
    const problem = credentialsProblem(loaded);
    if (problem !== undefined) {
      throw new VodCredentialsError(`${problem[0]}: ${problem[1]}`, { code: 'InvalidCredentials' });
    }
    return loaded;
  }

  function sign(
    call: OutgoingCall,
    creds: VodCredentials,
  ): Awaitable<RpcSignResult | Acs3SignResult> {
    const { verb, params, headers } = call;
    if (algorithm === 'HMAC-SHA1') {
      return signer.signRpc({
        method: verb,
        action: ACTION,
        version: API_VERSION,
        params,
        credentials: creds,
        clock,
      });
    }
    return signer.signAcs3({
      method: verb,
      host,
      action: ACTION,
      version: API_VERSION,
      ...(verb === 'GET' ? { query: params } : { form: params }),
      // Only headers there are: most calls have none, and an empty object would just be copied.
      ...(hasKeys(headers) ? { headers } : {}),
      credentials: creds,
      clock,
    });
  }

  /**
   * {@link sign}, with the signer's input errors turned into the client's: a bad credential is a
   * {@link VodCredentialsError}, anything else a {@link VodValidationError}, both naming the
   * signer's field. They are never retried and never look like network errors.
   */
  function signChecked(
    call: OutgoingCall,
    creds: VodCredentials,
  ): Awaitable<RpcSignResult | Acs3SignResult> {
    try {
      const pending = sign(call, creds);
      return pending instanceof Promise ? pending.catch(fromSignerError) : pending;
    } catch (error) {
      return fromSignerError(error);
    }
  }

  function toTransport(call: OutgoingCall, s: RpcSignResult | Acs3SignResult): TransportRequest {
    const get = call.verb === 'GET';
    const rpc = s.algorithm === 'HMAC-SHA1';
    const query = rpc ? (get ? s.encoded : '') : s.query;
    return {
      method: call.verb,
      url: query === '' ? rootUrl : `${rootUrl}?${query}`,
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
      timeoutMs,
    };
  }

  async function send(call: OutgoingCall): Promise<SendResult> {
    try {
      return await attempts(call);
    } catch (error) {
      throw await redacted(error);
    }
  }

  async function attempts(call: OutgoingCall): Promise<SendResult> {
    const { signal, context } = call;
    const maxAttempts = Math.max(1, context?.maxAttempts ?? clientMaxAttempts);
    let skewCorrected = false;
    let lastError: unknown;
    let timedOut = false;
    // Set when an attempt may have reached the service but its answer was lost (a timeout, a
    // reset after sending, a cut 200): then a later NoSuchResource may mean "deleted by it".
    let possiblyApplied = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      signal?.throwIfAborted();
      if (context?.beforeAttempt !== undefined) await context.beforeAttempt();
      const creds = config.staticCredentials ?? (await loadCredentials(signal));
      const pending = signChecked(call, creds);
      // The node signer answers synchronously: no microtask turn when it does.
      const result =
        pending instanceof Promise
          ? ((await pending) as RpcSignResult | Acs3SignResult)
          : (pending as RpcSignResult | Acs3SignResult);
      redactor.remember(result.signature);
      const signed = toTransport(call, result);
      // What the backoff before the next attempt depends on.
      let throttled = false;
      let retryAfter: number | undefined;
      let response: TransportResponse | undefined;
      try {
        response = await transport(signed);
      } catch (error) {
        if (signal?.aborted === true) throw signal.reason as Error;
        timedOut = TransportError.isInstance(error) && error.reason === 'timeout';
        lastError = error;
        if (!neverSent(error)) possiblyApplied = true;
      }
      if (response !== undefined && (response.status < 200 || response.status > 599)) {
        // Not a final HTTP answer (an interim 1xx, or no status HTTP defines): no answer at all.
        lastError = new Error(`unexpected HTTP status ${response.status}`);
        possiblyApplied = true;
        response = undefined;
        timedOut = false;
      }
      if (response !== undefined) {
        timedOut = false;
        const json = parseJson(response.body);
        if (isOk(response.status)) {
          if (requestIdOf(json) !== undefined) {
            return { response, json, attempts: attempt, possiblyApplied };
          }
          // A 200 whose body is cut or garbled cannot be trusted, so ask again. Deleting is
          // idempotent in effect; if this attempt was applied, the repeat answers NoSuchResource.
          lastError = new Error(`malformed response body (HTTP ${response.status})`);
          possiblyApplied = true;
        } else {
          const { cls, retryable } = classify(response.status, errorCodeOf(json));
          if (cls === 'clock-skew' && !skewCorrected) {
            const serverNow = Date.parse(response.header('date') ?? '');
            skewCorrected = true;
            if (!Number.isNaN(serverNow)) {
              // The Date header has second precision: aim for the middle of that second.
              clockOffsetMs = serverNow + 500 - Date.now();
              if (attempt < maxAttempts) continue;
            }
          }
          throttled = cls === 'throttling';
          if (throttled) context?.onThrottled?.();
          if (!retryable || attempt === maxAttempts) {
            return { response, json, attempts: attempt, possiblyApplied };
          }
          retryAfter = parseRetryAfter(response.header('x-acs-retry-after'));
        }
      }
      if (attempt < maxAttempts)
        await sleep(backoffDelay(attempt, throttled, retryAfter, retry), signal);
    }
    const fields = { retryable: true, attempts: maxAttempts, cause: lastError, possiblyApplied };
    const reason = lastError instanceof Error ? scrubMessage(lastError.message) : 'request failed';
    throw timedOut
      ? new VodTimeoutError(`timed out after ${timeoutMs} ms (${maxAttempts} attempts)`, {
          code: 'Timeout',
          ...fields,
        })
      : new VodNetworkError(`network error: ${reason} (${maxAttempts} attempts)`, {
          code: 'NetworkError',
          ...fields,
        });
  }

  async function signOnce(call: OutgoingCall, reveal: boolean): Promise<TransportRequest> {
    try {
      const signed = await signChecked(call, await loadCredentials());
      redactor.remember(signed.signature);
      return toTransport(call, reveal ? signed : await signer.redactSigned(signed));
    } catch (error) {
      throw await redacted(error);
    }
  }

  return { send, signOnce, loadCredentials, redactor };
}
