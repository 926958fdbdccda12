import { verifyRequest } from '@vodkit/signer/node';
import { nowOf } from '../core.js';
import type { RpcContext, Stage, StageResult } from '../pipeline.js';
import { errorOf } from '../responses.js';
import { checkApi } from './api.js';

/**
 * `verify`: checks the signature (either algorithm), the key, the STS token, the request time
 * and the nonce, and sets `ctx.caller`. When verification fails, the gateway's earlier checks
 * (the parameters decode, the API exists) answer first. A nonce is recorded only for requests
 * that verified, so forged requests cannot burn a client's nonces, and it is remembered until
 * its request's own time leaves the skew window: a request signed minutes in the future is
 * accepted once.
 */
export const verifyStage: Stage = {
  name: 'verify',
  run(ctx: RpcContext): StageResult {
    const { core } = ctx;
    const result = verifyRequest(
      {
        method: ctx.method,
        path: ctx.path,
        query: ctx.rawQuery,
        headers: ctx.req.headers,
        body: ctx.body,
      },
      {
        lookup: (id) => core.keys.get(id)?.record,
        clock: () => nowOf(core),
        maxSkewMs: core.maxSkewMs,
      },
    );
    if (!result.ok) {
      return {
        error: checkApi(ctx) ?? {
          code: result.code,
          httpStatus: result.httpStatus,
          message: result.message,
        },
      };
    }
    const key = core.keys.get(result.accessKeyId);
    if (key === undefined) {
      return {
        error: errorOf('InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
      };
    }
    if (!core.nonces.use(`${result.accessKeyId}:${result.nonce}`, result.time + core.maxSkewMs)) {
      return { error: errorOf('SignatureNonceUsed') };
    }
    ctx.caller = {
      algorithm: result.algorithm,
      accessKeyId: result.accessKeyId,
      key,
      params: result.params,
    };
    ctx.entry.algorithm = result.algorithm;
    ctx.entry.accessKeyId = result.accessKeyId;
    ctx.entry.accountId = key.accountId;
    return undefined;
  },
};
