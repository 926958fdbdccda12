/**
 * Runs the RPC pipeline over one request: an ordered list of named stages (see `stage.ts`) that
 * each read and extend one small typed context, until one of them answers; the request is then
 * recorded. A list without an answering stage still answers (`InternalError`), never a hung
 * request.
 */
import { isFormContentType } from '@vodkit/signer/node';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import type { Exchange } from './http.js';
import { openRecord, recordedParams } from './log.js';
import { decodeParams, formatOf } from './parse.js';
import type { DecodedParams } from './parse.js';
import { ANSWERED } from './stage.js';
import type { RpcContext, Stage, StageFailure } from './stage.js';

function createContext(core: EmulatorCore, x: Exchange): RpcContext {
  const { req, res, requestId, method, path, rawQuery } = x;
  const receivedAt = nowOf(core);
  let decoded: DecodedParams | undefined;
  const ctx: RpcContext = {
    core,
    req,
    res,
    requestId,
    method,
    path,
    rawQuery,
    receivedAt,
    entry: openRecord({ requestId, receivedAt, method, path }, req.headers),
    body: Buffer.alloc(0),
    caller: undefined,
    request: undefined,
    deleted: undefined,
    params() {
      if (ctx.caller !== undefined) return { params: ctx.caller.params };
      decoded ??= decodeParams(
        rawQuery,
        isFormContentType(req.headers['content-type']) ? ctx.body.toString('utf8') : undefined,
      );
      return decoded;
    },
    format: () => formatOf(ctx.params().params),
    headers: () => x.headers(),
    fail: (error, headers) => (headers === undefined ? { error } : { error, headers }),
    send(status, body) {
      x.send(status, body);
      return ANSWERED;
    },
    closeAfterAnswer: () => {
      x.closeAfterAnswer();
    },
    drop() {
      req.socket.destroy();
      return ANSWERED;
    },
  };
  return ctx;
}

/** Runs `stages` over one RPC request and records it once answered. */
export async function runPipeline(
  stages: readonly Stage[],
  core: EmulatorCore,
  x: Exchange,
): Promise<void> {
  const started = performance.now();
  const { req, res } = x;
  const ctx = createContext(core, x);
  let failure: StageFailure | undefined;
  for (const stage of stages) {
    const pending = stage.run(ctx);
    // Most stages are synchronous; awaiting only real promises keeps the loop lean.
    const result = pending instanceof Promise ? await pending : pending;
    if (result === undefined) continue;
    if (result !== ANSWERED) failure = result;
    break;
  }
  if (failure === undefined && !res.headersSent && !res.destroyed && !req.socket.destroyed) {
    // A pipeline without an answering stage (one removed in a test) must still answer.
    failure = {
      error: {
        code: 'InternalError',
        httpStatus: 500,
        message: 'The emulator pipeline ended without an answer (no stage answered).',
      },
    };
  }
  const { entry } = ctx;
  if (failure !== undefined) {
    x.sendError(failure.error, ctx.format(), failure.headers);
    entry.code = failure.error.code;
    entry.status = failure.error.httpStatus;
  } else if (res.headersSent) entry.status = res.statusCode;
  entry.params = recordedParams(ctx.params().params, ctx.caller?.algorithm === 'HMAC-SHA1');
  entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  core.requests.record(entry);
}
