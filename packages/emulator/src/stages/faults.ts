import { delay } from '../core.js';
import { TRANSPORT_FAULTS } from '../faults.js';
import type { FaultKind } from '../faults.js';
import type { RpcContext, Stage, StageResult } from '../stage.js';
import { ANSWERED } from '../stage.js';
import { errorOf, renderSuccess } from '../responses.js';

const faultName = (fault: FaultKind): string => (typeof fault === 'string' ? fault : fault.code);

/**
 * `faults`: applies the fault plan (latency, then an injected failure). Faults stand for failures
 * in front of the service, so a faulted call changes nothing.
 */
export const faultsStage: Stage = {
  name: 'faults',
  async run(ctx: RpcContext): Promise<StageResult> {
    const decision = ctx.core.faults.next();
    await delay(ctx.core, decision.delayMs);
    if (decision.fault === undefined) return undefined;
    ctx.entry.fault = faultName(decision.fault);
    return answerFault(ctx, decision.fault);
  },
};

function answerFault(ctx: RpcContext, fault: FaultKind): StageResult {
  const { core, req, res, requestId } = ctx;
  if (typeof fault === 'object') {
    return ctx.fail({
      code: fault.code,
      httpStatus: fault.httpStatus,
      message: fault.message ?? errorOf(fault.code).message,
    });
  }
  if (!TRANSPORT_FAULTS.includes(fault)) {
    const retryAfterMs = core.faults.get().retryAfterMs;
    return ctx.fail(
      errorOf(fault, undefined, 500),
      fault.startsWith('Throttling') && retryAfterMs !== undefined
        ? { 'x-acs-retry-after': String(retryAfterMs) }
        : undefined,
    );
  }
  if (fault === 'reset') return ctx.drop();
  const full = renderSuccess('JSON', requestId).text;
  if (fault === 'malformed-json') {
    // Cut inside the JSON object: a 200 whose body does not parse.
    return ctx.send(200, {
      contentType: 'application/json;charset=utf-8',
      text: full.slice(0, -2) + ',',
    });
  }
  // truncated: promise the whole body, send half, then drop the connection.
  res.writeHead(200, {
    ...ctx.headers(),
    'content-type': 'application/json;charset=utf-8',
    'content-length': String(Buffer.byteLength(full)),
  });
  res.write(full.slice(0, Math.floor(full.length / 2)), () => {
    req.socket.destroy();
  });
  return ANSWERED;
}
