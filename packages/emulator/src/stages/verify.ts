import { verifyRequest } from '@vodkit/signer/node';
import { nowOf } from '../core.js';
import type { RpcContext, Stage, StageResult } from '../stage.js';
import { errorOf } from '../responses.js';

/**
 * `verify`: checks the signature (either algorithm), the key, the STS token, the request time
 * and the nonce, and sets `ctx.caller`. The gateway's earlier checks (the parameters decode, the
 * API exists) are the `api` stage's, before this one. A nonce is recorded only for requests
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
      return ctx.fail({
        code: result.code,
        httpStatus: result.httpStatus,
        message: result.message,
      });
    }
    const key = core.keys.get(result.accessKeyId);
    if (key === undefined) {
      return ctx.fail(errorOf('InvalidAccessKeyId.NotFound', 'Specified access key is not found.'));
    }
    if (!core.nonces.use(`${result.accessKeyId}:${result.nonce}`, result.time + core.maxSkewMs)) {
      return ctx.fail(errorOf('SignatureNonceUsed'));
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
