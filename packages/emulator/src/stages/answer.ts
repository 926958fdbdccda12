import type { RpcContext, Stage, StageResult } from '../stage.js';
import { renderSuccess } from '../responses.js';

/** `answer`: the success body `{ RequestId }`, in the format the request asked for. */
export const answerStage: Stage = {
  name: 'answer',
  run(ctx: RpcContext): StageResult {
    return ctx.send(200, renderSuccess(ctx.format(), ctx.requestId));
  },
};
