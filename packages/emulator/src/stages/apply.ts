import type { RpcContext, Stage, StageResult } from '../stage.js';
import { errorOf } from '../responses.js';

/**
 * `apply`: deletes what the request names from the store. What does not exist answers
 * `NoSuchResource`; with only some of a batch missing, the `partialBatch` option decides
 * (`fail-whole-call` deletes nothing, `delete-rest` deletes the rest and succeeds).
 */
export const applyStage: Stage = {
  name: 'apply',
  run(ctx: RpcContext): StageResult {
    const { core, request } = ctx;
    if (request === undefined) {
      return ctx.fail(errorOf('InternalError', 'The apply stage needs a validated request.', 500));
    }
    const outcome = core.store.apply(request, ctx.receivedAt, core.cdnLagMs, core.partialBatch);
    ctx.deleted = outcome.deleted;
    ctx.entry.deleted = outcome.deleted.map((image) => image.imageId);
    if (outcome.missing.length > 0 && outcome.deleted.length === 0) {
      return ctx.fail(errorOf('NoSuchResource'));
    }
    return undefined;
  },
};
