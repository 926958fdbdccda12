/**
 * The RPC request pipeline: an ordered list of named stages that each read and extend one small
 * typed context. A stage either lets the request go on, or ends it with an error (which the
 * pipeline answers in Alibaba's shape) or with an answer it wrote itself. The list is data, so a
 * test or a contract suite can build an emulator with one stage removed or replaced.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isFormContentType } from '@vodkit/signer/node';
import type { DeleteImageRequest } from '@vodkit/types';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import { record, sendError } from './http.js';
import type { Incoming } from './http.js';
import type { RecordedRequest } from './log.js';
import { redactHeaders, redactParams } from './log.js';
import { decodeParams, formatOf } from './parse.js';
import type { DecodedParams, WireParams } from './parse.js';
import type { EmulatorError, ResponseFormat } from './responses.js';
import type { StoredImage } from './store.js';
import type { KeyEntry } from './keys.js';

/** The names of the default stages, in order. */
export type StageName =
  | 'parse'
  | 'faults'
  | 'verify'
  | 'api'
  | 'authorize'
  | 'rate-limit'
  | 'validate'
  | 'apply'
  | 'answer';

/** Who signed a request, once its signature verified. */
export interface VerifiedCaller {
  /** `HMAC-SHA1` or `ACS3-HMAC-SHA256`. */
  readonly algorithm: string;
  /** The AccessKey ID. */
  readonly accessKeyId: string;
  /** What the emulator knows about the key. */
  readonly key: KeyEntry;
  /** Query and form parameters as the verifier decoded them (without `Signature`). */
  readonly params: WireParams;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the stages of one RPC request share. Each stage reads what earlier ones set. */
export interface RpcContext {
  /** The emulator instance. */
  readonly core: EmulatorCore;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The `RequestId` every answer to this request carries. */
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
  /** When it arrived, on the emulator's clock (epoch ms). */
  readonly receivedAt: number;
  /** The record `requests()` and the log will show; stages add what they learn. */
  readonly entry: Mutable<RecordedRequest>;
  /** The body (set by `parse`; empty until then). */
  body: Buffer;
  /** The caller (set by `verify`). */
  caller: VerifiedCaller | undefined;
  /** The validated request (set by `validate`). */
  request: DeleteImageRequest | undefined;
  /** The images deleted (set by `apply`). */
  deleted: readonly StoredImage[] | undefined;
  /**
   * Query and form parameters: the verifier's decoding once `verify` ran, otherwise decoded here
   * on first use (with the first encoding problem met, if any).
   */
  params(): DecodedParams;
  /** The answer format the parameters ask for. */
  format(): ResponseFormat;
}

/** A request the stage ends with an error answer. */
export interface StageFailure {
  readonly error: EmulatorError;
  /** Extra answer headers, e.g. `x-acs-retry-after`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** The stage wrote the answer itself (or dropped the connection): the pipeline stops. */
export const ANSWERED: unique symbol = Symbol('answered');

/** What a stage returns: `undefined` to go on, a failure, or {@link ANSWERED}. */
export type StageResult = undefined | StageFailure | typeof ANSWERED;

/** One named step of the pipeline. Stages hold no state of their own: it lives in `ctx.core`. */
export interface Stage {
  readonly name: string;
  run(ctx: RpcContext): StageResult | Promise<StageResult>;
}

/** A copy of `stages` without the one named `name` (which must exist). */
export function withoutStage(stages: readonly Stage[], name: string): Stage[] {
  indexOfStage(stages, name);
  return stages.filter((stage) => stage.name !== name);
}

/** A copy of `stages` with the one named `name` replaced by `stage`. */
export function replaceStage(stages: readonly Stage[], name: string, stage: Stage): Stage[] {
  const index = indexOfStage(stages, name);
  return stages.map((s, i) => (i === index ? stage : s));
}

function indexOfStage(stages: readonly Stage[], name: string): number {
  const index = stages.findIndex((stage) => stage.name === name);
  if (index < 0) {
    throw new TypeError(
      `no stage named "${name}"; the stages are ${stages.map((s) => s.name).join(', ')}`,
    );
  }
  return index;
}

function createContext(core: EmulatorCore, incoming: Incoming): RpcContext {
  const { req, res, requestId, path, rawQuery } = incoming;
  const method = req.method ?? 'GET';
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
    entry: {
      requestId,
      receivedAt,
      method,
      path,
      params: {},
      headers: redactHeaders(req.headers),
      status: 0,
      durationMs: 0,
    },
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
  };
  return ctx;
}

/** Runs `stages` over one RPC request and records it once answered. */
export async function runPipeline(
  stages: readonly Stage[],
  core: EmulatorCore,
  incoming: Incoming,
): Promise<void> {
  const started = performance.now();
  const { req, res, requestId } = incoming;
  const ctx = createContext(core, incoming);
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
  if (failure !== undefined) {
    sendError(core, req, res, requestId, ctx.format(), failure.error, failure.headers);
    ctx.entry.code = failure.error.code;
  }
  const { entry } = ctx;
  if (failure !== undefined) entry.status = failure.error.httpStatus;
  else if (res.headersSent) entry.status = res.statusCode;
  const { params } = ctx.params();
  // The verifier drops `Signature` from what it returns; the record still shows it was sent.
  entry.params = redactParams(
    ctx.caller?.algorithm === 'HMAC-SHA1' ? { ...params, Signature: '' } : params,
  );
  entry.durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  record(core, entry);
}
