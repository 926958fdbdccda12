import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFormContentType } from '@vodkit/signer/node';
import { RAM_ACTION } from '@vodkit/types';
import { isAllowed } from './authorize.js';
import type { EmulatorCore } from './core.js';
import { delay, nowOf } from './core.js';
import { TRANSPORT_FAULTS } from './faults.js';
import { baseHeaders, record, send, sendError } from './http.js';
import { redactHeaders, redactParams } from './log.js';
import type { RecordedRequest } from './log.js';
import type { FaultKind } from './options.js';
import { decodeParams, formatOf, readBody } from './parse.js';
import type { DecodedParams } from './parse.js';
import { errorOf, renderSuccess } from './responses.js';
import type { EmulatorError, ResponseFormat } from './responses.js';
import { checkApi, verify } from './verify.js';
import type { ReceivedRpc, Verified } from './verify.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const faultName = (fault: FaultKind): string => (typeof fault === 'string' ? fault : fault.code);

/**
 * Handles one RPC call: parse → (faults) → verify (signature, key, STS, time, nonce) → API
 * check → authorize (RAM policy, service state) → rate-limit → validate against the spec →
 * apply to the store → answer. Each stage either passes the request on or answers an error.
 */
export async function handleRpc(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  path: string,
  rawQuery: string,
): Promise<void> {
  const started = performance.now();
  const receivedAt = nowOf(core);
  const method = req.method ?? 'GET';
  const entry: Mutable<RecordedRequest> = {
    requestId,
    receivedAt,
    method,
    path,
    params: {},
    headers: redactHeaders(req.headers),
    status: 0,
    durationMs: 0,
  };
  const finish = (status: number, code?: string): void => {
    entry.status = status;
    if (code !== undefined) entry.code = code;
    entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
    record(core, entry);
  };
  const fail = (
    format: ResponseFormat,
    error: EmulatorError,
    headers?: Record<string, string>,
  ): void => {
    sendError(core, req, res, requestId, format, error, headers);
    finish(error.httpStatus, error.code);
  };

  // parse: the body, under the size limit. Parameters are decoded by the verifier on the
  // success path; they are decoded here only when an answer is needed before that.
  const read = await readBody(req, core.maxBodyBytes);
  const received: ReceivedRpc = {
    method,
    path,
    rawQuery,
    headers: req.headers,
    body: read.ok ? read.body : Buffer.alloc(0),
  };
  const decode = (): DecodedParams => {
    const decoded = decodeParams(
      rawQuery,
      read.ok && isFormContentType(req.headers['content-type'])
        ? read.body.toString('utf8')
        : undefined,
    );
    entry.params = redactParams(decoded.params);
    return decoded;
  };
  if (!read.ok) {
    fail(
      formatOf(decode().params),
      errorOf(
        'InvalidParameter',
        `The specified parameter "body" is not valid. It holds ${read.bytes} bytes; at most ${core.maxBodyBytes} are allowed.`,
      ),
      { connection: 'close' },
    );
    return;
  }

  // faults: they stand for failures in front of the service, so a faulted call changes nothing
  const decision = core.faults.next();
  await delay(core, decision.delayMs);
  if (decision.fault !== undefined) {
    entry.fault = faultName(decision.fault);
    answerFault(core, req, res, requestId, formatOf(decode().params), decision.fault, fail, finish);
    return;
  }

  // verify; on failure the gateway's earlier checks (encoding, API) take precedence
  const verified: Verified | EmulatorError = verify(core, received);
  if ('code' in verified) {
    const { params, problem } = decode();
    const format = formatOf(params);
    if (problem !== undefined) {
      fail(format, errorOf('InvalidParameter', `The request is malformed: ${problem}.`));
    } else {
      fail(format, checkApi(received, params) ?? verified);
    }
    return;
  }
  const { params } = verified;
  // The verifier drops `Signature` from what it returns; the record still shows it was sent.
  entry.params = redactParams(
    verified.algorithm === 'HMAC-SHA1' ? { ...params, Signature: '' } : params,
  );
  const format = formatOf(params);
  const apiError = checkApi(received, params);
  if (apiError !== undefined) {
    fail(format, apiError);
    return;
  }
  entry.algorithm = verified.algorithm;
  entry.accessKeyId = verified.accessKeyId;
  entry.accountId = verified.key.accountId;

  // authorize: RAM first (gateway), then the account's VOD service state
  if (!isAllowed(verified.key.policy, RAM_ACTION)) {
    fail(format, errorOf('Forbidden.RAM'));
    return;
  }
  const vodStatus = core.keys.account(verified.key.accountId)?.vodStatus;
  if (vodStatus === 'not-activated' || vodStatus === 'suspended') {
    fail(
      format,
      errorOf(vodStatus === 'suspended' ? 'OperationDenied.Suspended' : 'OperationDenied'),
    );
    return;
  }

  // rate-limit
  const waitMs = core.limiter.take(verified.key.accountId, receivedAt);
  if (waitMs > 0) {
    fail(
      format,
      errorOf('Throttling.User'),
      core.retryAfter ? { 'x-acs-retry-after': String(waitMs) } : {},
    );
    return;
  }

  // validate
  const validation = core.validator.validate(params);
  if (!validation.ok) {
    fail(format, errorOf(validation.code, validation.message));
    return;
  }

  // apply
  const deleted = core.store.apply(validation.request, receivedAt, core.cdnLagMs);
  entry.deleted = deleted.map((image) => image.imageId);
  send(res, 200, renderSuccess(format, requestId), baseHeaders(core, requestId));
  finish(200);
}

function answerFault(
  core: EmulatorCore,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  format: ResponseFormat,
  fault: FaultKind,
  fail: (format: ResponseFormat, error: EmulatorError, headers?: Record<string, string>) => void,
  finish: (status: number, code?: string) => void,
): void {
  if (typeof fault === 'object') {
    fail(format, {
      code: fault.code,
      httpStatus: fault.httpStatus,
      message: fault.message ?? errorOf(fault.code).message,
    });
    return;
  }
  if (!TRANSPORT_FAULTS.includes(fault)) {
    const retryAfterMs = core.faults.get().retryAfterMs;
    const headers: Record<string, string> =
      fault.startsWith('Throttling') && retryAfterMs !== undefined
        ? { 'x-acs-retry-after': String(retryAfterMs) }
        : {};
    fail(format, errorOf(fault, undefined, 500), headers);
    return;
  }
  if (fault === 'reset') {
    req.socket.destroy();
    finish(0);
    return;
  }
  const full = renderSuccess('JSON', requestId).text;
  if (fault === 'malformed-json') {
    // Cut inside the JSON object: a 200 whose body does not parse.
    send(
      res,
      200,
      { contentType: 'application/json;charset=utf-8', text: full.slice(0, -2) + ',' },
      baseHeaders(core, requestId),
    );
    finish(200);
    return;
  }
  // truncated: promise the whole body, send half, then drop the connection.
  res.writeHead(200, {
    ...baseHeaders(core, requestId),
    'content-type': 'application/json;charset=utf-8',
    'content-length': String(Buffer.byteLength(full)),
  });
  res.write(full.slice(0, Math.floor(full.length / 2)), () => {
    req.socket.destroy();
  });
  finish(200);
}
