import { baseHeaders, send } from '../http.js';
import type { RpcContext, Stage, StageResult } from '../pipeline.js';
import { ANSWERED } from '../pipeline.js';
import { renderSuccess } from '../responses.js';

/** `answer`: the success body `{ RequestId }`, in the format the request asked for. */
export const answerStage: Stage = {
  name: 'answer',
  run(ctx: RpcContext): StageResult {
    send(
      ctx.res,
      200,
      renderSuccess(ctx.format(), ctx.requestId),
      baseHeaders(ctx.core, ctx.requestId),
    );
    return ANSWERED;
  },
};
