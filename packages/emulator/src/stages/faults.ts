import { delay } from '../core.js';
import { TRANSPORT_FAULTS } from '../faults.js';
import { baseHeaders, send } from '../http.js';
import type { FaultKind } from '../faults.js';
import type { RpcContext, Stage, StageResult } from '../pipeline.js';
import { ANSWERED } from '../pipeline.js';
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
    return {
      error: {
        code: fault.code,
        httpStatus: fault.httpStatus,
        message: fault.message ?? errorOf(fault.code).message,
      },
    };
  }
  if (!TRANSPORT_FAULTS.includes(fault)) {
    const retryAfterMs = core.faults.get().retryAfterMs;
    return {
      error: errorOf(fault, undefined, 500),
      headers:
        fault.startsWith('Throttling') && retryAfterMs !== undefined
          ? { 'x-acs-retry-after': String(retryAfterMs) }
          : undefined,
    };
  }
  if (fault === 'reset') {
    req.socket.destroy();
    return ANSWERED;
  }
  const full = renderSuccess('JSON', requestId).text;
  if (fault === 'malformed-json') {
    // Cut inside the JSON object: a 200 whose body does not parse.
    send(
      res,
      200,
      { contentType: 'application/json;charset=utf-8', text: full.slice(0, -2) + ',' },
      baseHeaders(core, requestId),
    );
    return ANSWERED;
  }
  // truncated: promise the whole body, send half, then drop the connection.
  res.writeHead(200, {
    ...baseHeaders(core, requestId),
    'content-type': 'application/json;charset=utf-8',
    'content-length': String(Buffer.byteLength(full)),
  });
  res.write(full.slice(0, Math.floor(full.length / 2)), () => {
    req.socket.destroy();
  });
  return ANSWERED;
}
