import type { RpcContext, Stage, StageResult } from '../stage.js';
import { errorOf } from '../responses.js';

/**
 * `validate`: checks the parameters against the spec with the validator of the emulator's
 * profile (`service`: the service's rules; `strict`: vodkit's rules too) and sets `ctx.request`.
 */
export const validateStage: Stage = {
  name: 'validate',
  run(ctx: RpcContext): StageResult {
    const validation = ctx.core.validator.validate(ctx.params().params);
    if (!validation.ok) return ctx.fail(errorOf(validation.code, validation.message));
    ctx.request = validation.request;
    return undefined;
  },
};
