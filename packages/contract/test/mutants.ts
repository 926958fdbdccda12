/**
 * Broken emulators, each built from the staged pipeline with one stage removed or replaced: the
 * contract suite must catch every one of them. `PIPELINE_MUTANTS` are the first twelve;
 * `CLASS_MUTANTS` each stand for a class of faults the checks close (one shape tried where
 * three exist, malformed values never sent, limits checked loosely, only the JSON judged).
 * These are faults chosen by hand: they prove each class is closed, not how strong the suite is
 * (the mutation tool's report measures that).
 */
import {
  ANSWERED,
  DEFAULT_STAGES,
  apiStage,
  applyStage,
  authorizeStage,
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
  return verifyWaiving((_ctx, failure) => codes.includes(failure.error.code));
}

/** `verify`, except that the failures `waive` picks are waved through as if the request had verified. */
function verifyWaiving(waive: (ctx: RpcContext, failure: StageFailure) => boolean): Stage {
  return {
    name: 'verify',
    run(ctx) {
      const result = verifyStage.run(ctx);
      const failure = failureOf(result as StageResult);
      if (failure === undefined || !waive(ctx, failure)) return result;
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

/** `apply`, putting back what it deleted when `when` says so (answered as if deleted). */
function applyNotApplied(when: (request: DeleteImageRequest) => boolean): Stage {
  return applyThen((ctx, result) => {
    if (ctx.request !== undefined && when(ctx.request)) {
      ctx.core.store.add(
        (ctx.deleted ?? []).map((i) => ({
          imageId: i.imageId,
          kind: i.kind,
          ...(i.url === undefined ? {} : { url: i.url }),
          ...(i.videoId === undefined ? {} : { videoId: i.videoId }),
        })),
      );
    }
    return result;
  });
}

/** A token bucket per account: `qps` tokens refilled at `qps` per second; ms to wait, or 0. */
function bucket(qps: number): (account: string, now: number) => number {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (account, now) => {
    const b = buckets.get(account) ?? { tokens: qps, at: now };
    b.tokens = Math.min(qps, b.tokens + ((now - b.at) * qps) / 1000);
    b.at = now;
    buckets.set(account, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) * 1000) / qps);
  };
}

/**
 * `rate-limit` with a bucket of `qps`, answering the bucket's wait as x-acs-retry-after; with
 * `holdMs`, a throttled account is refused until that long after its last refusal, whatever the
 * header said.
 */
function rateLimit(qps: number, holdMs = 0): Stage {
  const take = bucket(qps);
  let heldUntil = 0;
  return {
    name: 'rate-limit',
    run(ctx) {
      const now = ctx.receivedAt;
      const waitMs = now < heldUntil ? 1 : take(ctx.caller?.key.accountId ?? '', now);
      if (waitMs <= 0) return undefined;
      // Every refusal holds the account a while longer than it says.
      if (holdMs > 0) heldUntil = now + holdMs;
      return ctx.fail(
        {
          code: 'Throttling.User',
          httpStatus: 400,
          message: 'Request was denied due to user flow control.',
        },
        { 'x-acs-retry-after': String(waitMs) },
      );
    },
  };
}

/** Drops empty items (`a,,b`, `,a`, `a,`) from the lists before validating. */
function withoutEmptyItems(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...params };
  for (const field of ['ImageIds', 'ImageURLs', 'ImageType']) {
    const value = out[field];
    if (value?.includes(',') === true) {
      out[field] = value
        .split(',')
        .filter((item) => item !== '')
        .join(',');
    }
  }
  return out;
}

/** The twelve pipeline mutants, each one fault. */
export const PIPELINE_MUTANTS: readonly Mutant[] = [
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

const DEFAULT_QPS = 50;

/** One mutant per class of faults the checks close, each a fault the class names. */
export const CLASS_MUTANTS: readonly Mutant[] = [
  // One shape tried where three exist.
  {
    name: 'replay check off for GET',
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyWaiving((ctx, f) => f.error.code === 'SignatureNonceUsed' && ctx.method === 'GET'),
    ),
  },
  {
    name: 'skew check off for GET',
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyWaiving(
        (ctx, f) => f.error.code === 'InvalidTimeStamp.Expired' && ctx.method === 'GET',
      ),
    ),
  },
  {
    name: 'URL deletes not applied',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyNotApplied((r) => r.DeleteImageType === 'ImageURL'),
    ),
  },
  {
    name: 'video deletes not applied',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyNotApplied((r) => r.DeleteImageType === 'VideoId'),
    ),
  },
  {
    name: 'missing video swallowed',
    stages: replaceStage(
      DEFAULT_STAGES,
      'apply',
      applyThen((ctx, result) =>
        codeOf(result) === 'NoSuchResource' && ctx.request?.DeleteImageType === 'VideoId'
          ? undefined
          : result,
      ),
    ),
  },
  // Malformed values never sent.
  {
    name: 'timestamp format unchecked',
    stages: replaceStage(DEFAULT_STAGES, 'verify', verifyIgnoring(['InvalidTimeStamp.Format'])),
  },
  {
    name: 'SignatureMethod/Version unchecked',
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyWaiving((_ctx, f) => f.error.message.includes('SignatureMethod must be')),
    ),
  },
  {
    name: 'V3 algorithm name unchecked',
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyWaiving((_ctx, f) => f.error.message.startsWith('Signature algorithm')),
    ),
  },
  {
    name: 'unsigned x-acs-* header accepted',
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyWaiving((_ctx, f) => f.error.message.includes('listed in SignedHeaders')),
    ),
  },
  {
    name: 'empty list items dropped',
    stages: replaceStage(DEFAULT_STAGES, 'validate', {
      name: 'validate',
      run(ctx) {
        const validation = ctx.core.validator.validate(withoutEmptyItems(ctx.params().params));
        if (!validation.ok) return validateStage.run(ctx);
        ctx.request = validation.request;
        return undefined;
      },
    }),
  },
  {
    name: 'any action and version served',
    stages: replaceStage(DEFAULT_STAGES, 'api', {
      name: 'api',
      run(ctx) {
        const result = apiStage.run(ctx) as StageResult;
        const code = codeOf(result);
        return code === 'InvalidAction.NotFound' || code === 'InvalidVersion' ? undefined : result;
      },
    }),
  },
  {
    name: "another key's STS token accepted",
    stages: replaceStage(
      DEFAULT_STAGES,
      'verify',
      verifyIgnoring(['InvalidSecurityToken.MismatchWithAccessKey']),
    ),
  },
  {
    name: 'account status ignored',
    stages: replaceStage(DEFAULT_STAGES, 'authorize', {
      name: 'authorize',
      run(ctx) {
        const result = authorizeStage.run(ctx) as StageResult;
        return codeOf(result)?.startsWith('OperationDenied') === true ? undefined : result;
      },
    }),
  },
  // Limits checked loosely.
  {
    name: 'throttling at twice the limit',
    stages: replaceStage(DEFAULT_STAGES, 'rate-limit', rateLimit(DEFAULT_QPS * 2)),
  },
  {
    name: 'x-acs-retry-after not kept',
    stages: replaceStage(DEFAULT_STAGES, 'rate-limit', rateLimit(DEFAULT_QPS, 3000)),
  },
  // Only the JSON judged.
  {
    name: 'success as text/plain',
    stages: replaceStage(DEFAULT_STAGES, 'answer', {
      name: 'answer',
      run(ctx) {
        ctx.res.writeHead(200, { ...ctx.headers(), 'content-type': 'text/plain' });
        ctx.res.end(JSON.stringify({ RequestId: ctx.requestId }));
        return ANSWERED;
      },
    }),
  },
  {
    name: 'XML errors not escaped',
    stages: replaceStage(
      DEFAULT_STAGES,
      'validate',
      validateThen((ctx, result) => {
        const failure = failureOf(result);
        if (failure === undefined || ctx.format() !== 'XML') return result;
        const { code, message, httpStatus } = failure.error;
        ctx.res.writeHead(httpStatus, { ...ctx.headers(), 'content-type': 'text/xml' });
        ctx.res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Error><RequestId>${ctx.requestId}</RequestId><HostId>h</HostId><Code>${code}</Code><Message>${message}</Message><Recommend>r</Recommend></Error>`,
        );
        return ANSWERED;
      }),
    ),
  },
  {
    name: 'bad requests answered by an HTML page',
    stages: replaceStage(DEFAULT_STAGES, 'api', {
      name: 'api',
      run(ctx) {
        const result = apiStage.run(ctx) as StageResult;
        if (failureOf(result) === undefined) return result;
        ctx.res.writeHead(500, { ...ctx.headers(), 'content-type': 'text/html' });
        ctx.res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
        return ANSWERED;
      },
    }),
  },
];

/** Every mutant: the pipeline's twelve and one per class. */
export const MUTANTS: readonly Mutant[] = [...PIPELINE_MUTANTS, ...CLASS_MUTANTS];
