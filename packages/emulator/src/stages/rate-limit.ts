import type { RpcContext, Stage, StageResult } from '../stage.js';
import { errorOf } from '../responses.js';

/** The rate-limit scope of requests without a verified caller (a pipeline without `verify`). */
const ANONYMOUS = '';

/**
 * `rate-limit`: the per-account token bucket (`qps`, 50 by default). Past it the call answers
 * `Throttling.User`, with `x-acs-retry-after` (ms until the next free slot) when the emulator was
 * started with `retryAfter`.
 */
export const rateLimitStage: Stage = {
  name: 'rate-limit',
  run(ctx: RpcContext): StageResult {
    const { core } = ctx;
    const waitMs = core.limiter.take(ctx.caller?.key.accountId ?? ANONYMOUS, ctx.receivedAt);
    if (waitMs <= 0) return undefined;
    return ctx.fail(
      errorOf('Throttling.User'),
      core.retryAfter ? { 'x-acs-retry-after': String(waitMs) } : undefined,
    );
  },
};
