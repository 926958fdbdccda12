import { ACTION, API_VERSION } from '@vodkit/types';
import { headerOf } from '../parse.js';
import type { RpcContext, Stage, StageResult } from '../stage.js';
import { errorOf } from '../responses.js';
import type { EmulatorError } from '../responses.js';

const isV3 = (ctx: RpcContext): boolean =>
  headerOf(ctx.req.headers, 'authorization')?.startsWith('ACS3-') === true;

/**
 * Whether the request names this API: `Action`/`Version` (V2) or `x-acs-action`/
 * `x-acs-version` (V3), and whether its parameters decode at all.
 */
function checkApi(ctx: RpcContext): EmulatorError | undefined {
  const { params, problem } = ctx.params();
  if (problem !== undefined) {
    return errorOf('InvalidParameter', `The request is malformed: ${problem}.`);
  }
  const v3 = isV3(ctx);
  const [actionName, versionName] = v3 ? ['x-acs-action', 'x-acs-version'] : ['Action', 'Version'];
  const action = v3 ? headerOf(ctx.req.headers, 'x-acs-action') : params['Action'];
  const version = v3 ? headerOf(ctx.req.headers, 'x-acs-version') : params['Version'];
  const missing = (name: string): EmulatorError =>
    errorOf(
      'MissingParameter',
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    );
  if (action === undefined || action === '') return missing(actionName);
  if (action !== ACTION) {
    return errorOf(
      'InvalidAction.NotFound',
      `Specified api is not found, please check your url and method. This emulator serves ${ACTION} only.`,
    );
  }
  if (version === undefined || version === '') return missing(versionName);
  if (version !== API_VERSION) {
    return errorOf(
      'InvalidVersion',
      `Specified parameter ${versionName} is not valid: ${ACTION} exists in ${API_VERSION} only.`,
    );
  }
  return undefined;
}

/**
 * `api`: the request must name `DeleteImage` of version `2017-03-21`, with parameters that
 * decode. The gateway routes on these before it checks the signature, so this stage comes before
 * `verify`: a request failing both answers this stage's error.
 */
export const apiStage: Stage = {
  name: 'api',
  run(ctx: RpcContext): StageResult {
    const error = checkApi(ctx);
    return error === undefined ? undefined : ctx.fail(error);
  },
};
