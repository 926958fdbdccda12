/**
 * What a stage of the RPC pipeline is: the context it reads and answers through, what it returns,
 * and the helpers that build a variant of a stage list. A stage either lets the request go on, or
 * ends it by telling its context: `return ctx.fail(error)` (the pipeline answers the error in
 * Alibaba's shape) or `return ctx.send(status, body)` (an answer of its own).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeleteImageRequest } from '@vodkit/types';
import type { EmulatorCore } from './core.js';
import type { KeyEntry } from './keys.js';
import type { OpenRecord } from './log.js';
import type { DecodedParams, WireParams } from './parse.js';
import type { EmulatorError, RenderedBody, ResponseFormat } from './responses.js';
import type { StoredImage } from './store.js';

/** The names of the default stages, in order. */
export type StageName =
  | 'parse'
  | 'faults'
  | 'api'
  | 'verify'
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

/** A request the stage ends with an error answer. */
export interface StageFailure {
  /** The error to answer. */
  readonly error: EmulatorError;
  /** Extra answer headers, e.g. `x-acs-retry-after`. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** The stage wrote the answer itself (or dropped the connection): the pipeline stops. */
export const ANSWERED: unique symbol = Symbol('answered');

/** What a stage returns: `undefined` to go on, a failure, or {@link ANSWERED}. */
export type StageResult = undefined | StageFailure | typeof ANSWERED;

/** What the stages of one RPC request share, and how they answer it. */
export interface RpcContext {
  /** The emulator instance. */
  readonly core: EmulatorCore;
  /** The request. */
  readonly req: IncomingMessage;
  /** Its answer, for a stage that writes one by hand. */
  readonly res: ServerResponse;
  /** The `RequestId` every answer to this request carries. */
  readonly requestId: string;
  /** The HTTP method. */
  readonly method: string;
  /** The path, without the query. */
  readonly path: string;
  /** The query string as received, without `?`. */
  readonly rawQuery: string;
  /** When it arrived, on the emulator's clock (epoch ms). */
  readonly receivedAt: number;
  /** The record `requests()` and the log will show; stages add what they learn. */
  readonly entry: OpenRecord;
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
  /** Headers every answer to this request carries (`Date`, `x-acs-request-id`, CORS). */
  headers(): Record<string, string>;
  /**
   * Ends the request with `error`: the pipeline answers it in Alibaba's shape and the format the
   * request asked for, with `headers` added, and records its code.
   *
   * @example
   * ```ts
   * return ctx.fail(errorOf('Forbidden.RAM'));
   * ```
   */
  fail(error: EmulatorError, headers?: Readonly<Record<string, string>>): StageFailure;
  /** Writes a complete answer with {@link RpcContext.headers}; the pipeline stops. */
  send(status: number, body: RenderedBody): typeof ANSWERED;
  /** Closes the connection once the answer is out (what is left of the body is never read). */
  closeAfterAnswer(): void;
  /** Drops the connection without an answer; the pipeline stops. */
  drop(): typeof ANSWERED;
}

/** One named step of the pipeline. Stages hold no state of their own: it lives in `ctx.core`. */
export interface Stage {
  /** Its name, unique in a list (`withoutStage` and `replaceStage` find it by name). */
  readonly name: string;
  /** Runs it over one request. */
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
