import type { Stage, StageResult, RpcContext } from '../stage.js';
import { readBody } from '../parse.js';

/**
 * `parse`: reads the body under the size limit. A body over the limit (announced by
 * `content-length`, or found while reading a chunked one) is answered 413 at once and the
 * connection is closed: the rest is never read. Parameters are decoded later, on first use.
 */
export const parseStage: Stage = {
  name: 'parse',
  async run(ctx: RpcContext): Promise<StageResult> {
    const { maxBodyBytes } = ctx.core;
    const read = await readBody(ctx.req, maxBodyBytes);
    if (read.ok) {
      ctx.body = read.body;
      return undefined;
    }
    ctx.closeAfterAnswer();
    return ctx.fail({
      code: 'InvalidParameter',
      httpStatus: 413,
      message: `The request body is too large: ${read.bytes} bytes or more; at most ${maxBodyBytes} are allowed.`,
    });
  },
};
