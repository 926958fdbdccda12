import { RAM_ACTION } from '@vodkit/types';
import { isAllowed } from '../authorize.js';
import type { RpcContext, Stage, StageResult } from '../stage.js';
import { errorOf } from '../responses.js';

/**
 * `authorize`: the key's RAM policy must allow `vod:DeleteImage` (an explicit deny wins), then the
 * account's VOD service must be active. Without a verified caller (a pipeline built without
 * `verify`) there is no identity to check, and the request goes on.
 */
export const authorizeStage: Stage = {
  name: 'authorize',
  run(ctx: RpcContext): StageResult {
    const key = ctx.caller?.key;
    if (key === undefined) return undefined;
    if (!isAllowed(key.policy, RAM_ACTION)) return ctx.fail(errorOf('Forbidden.RAM'));
    const vodStatus = ctx.core.keys.account(key.accountId)?.vodStatus;
    if (vodStatus === 'suspended') return ctx.fail(errorOf('OperationDenied.Suspended'));
    if (vodStatus === 'not-activated') return ctx.fail(errorOf('OperationDenied'));
    return undefined;
  },
};
