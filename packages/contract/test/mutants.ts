/**
 * Broken emulators, each built from the staged pipeline with one stage removed or replaced: the
 * contract suite must catch every one of them.
 */
import {
  ANSWERED,
  DEFAULT_STAGES,
  applyStage,
  decodeDeleteImageParams,
  replaceStage,
  validateStage,
  verifyStage,
  withoutStage,
} from '@vodkit/emulator';
import type { RpcContext, Stage, StageFailure, StageResult } from '@vodkit/emulator';
import type { DeleteImageRequest } from '@vodkit/types';

/** A broken emulator: its name and its stages. */
export interface Mutant {
  readonly name: string;
  readonly stages: readonly Stage[];
}

/** The error a stage answered with, if it answered one. */
const failureOf = (result: StageResult): StageFailure | undefined =>
  typeof result === 'object' ? result : undefined;
const codeOf = (result: StageResult): string | undefined => failureOf(result)?.error.code;

/** The key ID a request names, whether its signature holds or not. */
function claimedKey(ctx: RpcContext): string | undefined {
  const v2 = ctx.params().params['AccessKeyId'];
  if (v2 !== undefined) return v2;
  const auth = ctx.req.headers.authorization ?? '';
  return /Credential=([^,\s]+)/.exec(auth)?.[1];
}

/** `verify`, except that the errors named are waved through as if the request had verified. */
function verifyIgnoring(codes: readonly string[]): Stage {
  return {
    name: 'verify',
    run(ctx) {
      const result = verifyStage.run(ctx);
      const code = codeOf(result as StageResult);
      if (code === undefined || !codes.includes(code)) return result;
      const accessKeyId = claimedKey(ctx);
      const key = accessKeyId === undefined ? undefined : ctx.core.keys.get(accessKeyId);
      if (accessKeyId === undefined || key === undefined) return result;
      ctx.caller = { algorithm: 'HMAC-SHA1', accessKeyId, key, params: ctx.params().params };
      return undefined;
    },
  };
}

/** `validate`, changing what it answers. */
function validateThen(change: (ctx: RpcContext, result: StageResult) => StageResult): Stage {
  return {
    name: 'validate',
    run(ctx) {
      return change(ctx, validateStage.run(ctx) as StageResult);
    },
  };
}

/** `apply`, changing what it answers. */
function applyThen(change: (ctx: RpcContext, result: StageResult) => StageResult): Stage {
  return {
    name: 'apply',
    run(ctx) {
      return change(ctx, applyStage.run(ctx) as StageResult);
    },
  };
}

const listLength = (ctx: RpcContext): number => {
  const p = ctx.params().params;
  return Math.max(
    (p['ImageIds'] ?? '').split(',').length,
    (p['ImageURLs'] ?? '').split(',').length,
  );
};

/** The twelve hand-made mutants, each one fault. */
export const MUTANTS: readonly Mutant[] = [
  {
    name: 'signature check off',
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyIgnoring(['SignatureDoesNotMatch', 'IncompleteSignature']),
    ),
  },
  {
    name: 'skew check off',
    stages: replaceStage(DEFAULT_STAGES, 'verify', verifyIgnoring(['InvalidTimeStamp.Expired'])),
  },
  {
    name: 'replay check off',
    stages: replaceStage(DEFAULT_STAGES, 'verify', verifyIgnoring(['SignatureNonceUsed'])),
  },
  {
    name: '21 items accepted',
    stages: replaceStage(
      DEFAULT_STAGES,
      'validate',
      validateThen((ctx, result) => {
        if (codeOf(result) === undefined || listLength(ctx) !== 21) return result;
        ctx.request = decodeDeleteImageParams(ctx.params().params) as unknown as DeleteImageRequest;
        return undefined;
      }),
    ),
  },
  {
    name: 'wrong error code',
    stages: replaceStage(
      DEFAULT_STAGES,
      'validate',
      validateThen((_ctx, result) => {
        const failure = failureOf(result);
        if (failure === undefined) return result;
        const code = failure.error.code;
        return {
          error: {
            ...failure.error,
            code: code === 'MissingParameter' ? 'InvalidParameter' : 'MissingParameter',
          },
        };
      }),
    ),
  },
  {
    name: 'wrong status',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyThen((_ctx, result) => {
        const failure = failureOf(result);
        return failure === undefined ? result : { error: { ...failure.error, httpStatus: 400 } };
      }),
    ),
  },
  {
    name: 'wrong error body shape',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyThen((ctx, result) => {
        const failure = failureOf(result);
        if (failure === undefined) return result;
        ctx.res.writeHead(failure.error.httpStatus, { 'content-type': 'application/json' });
        ctx.res.end(
          JSON.stringify({ RequestId: ctx.requestId, Error: { Code: failure.error.code } }),
        );
        return ANSWERED;
      }),
    ),
  },
  {
    name: 'missing RequestId',
    stages: replaceStage(DEFAULT_STAGES, 'answer', {
      name: 'answer',
      run(ctx) {
        ctx.res.writeHead(200, { 'content-type': 'application/json' });
        ctx.res.end('{}');
        return ANSWERED;
      },
    }),
  },
  {
    name: 'delete not applied',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyThen((ctx, result) => {
        // Answered as if deleted, and put back.
        ctx.core.store.add(
          (ctx.deleted ?? []).map((i) => ({
            imageId: i.imageId,
            kind: i.kind,
            ...(i.url === undefined ? {} : { url: i.url }),
            ...(i.videoId === undefined ? {} : { videoId: i.videoId }),
          })),
        );
        return result;
      }),
    ),
  },
  {
    name: 'wrong item deleted',
    stages: replaceStage(DEFAULT_STAGES, 'apply', {
      name: 'apply',
      run(ctx) {
        const request = ctx.request;
        if (request?.DeleteImageType !== 'ImageId') return applyStage.run(ctx);
        const named = new Set(request.ImageIds);
        const others = ctx.core.store
          .list()
          .filter((i) => !named.has(i.imageId) && i.videoId === undefined)
          .slice(0, request.ImageIds.length)
          .map((i) => i.imageId);
        if (others.length === 0) return applyStage.run(ctx);
        ctx.request = {
          DeleteImageType: 'ImageId',
          ImageIds: others,
        } as unknown as DeleteImageRequest;
        return applyStage.run(ctx);
      },
    }),
  },
  {
    name: 'NoSuchResource swallowed',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyThen((_ctx, result) => (codeOf(result) === 'NoSuchResource' ? undefined : result)),
    ),
  },
  { name: 'throttling off', stages: withoutStage(DEFAULT_STAGES, 'rate-limit') },
];
