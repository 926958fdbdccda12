import type { Stage, StageResult, RpcContext } from '../pipeline.js';
import { ANSWERED } from '../pipeline.js';
import { readBody } from '../parse.js';
import { sendTooLarge } from '../http.js';

/**
 * `parse`: reads the body under the size limit. A body over the limit (announced by
 * `content-length`, or found while reading a chunked one) is answered 413 at once and the
 * connection is closed: the rest is never read. Parameters are decoded later, on first use.
 */
export const parseStage: Stage = {
  name: 'parse',
  async run(ctx: RpcContext): Promise<StageResult> {
    const read = await readBody(ctx.req, ctx.core.maxBodyBytes);
    if (read.ok) {
      ctx.body = read.body;
      return undefined;
    }
    sendTooLarge(ctx.core, ctx.req, ctx.res, ctx.requestId, ctx.format(), read.bytes);
    return ANSWERED;
  },
};
