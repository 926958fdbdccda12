import { verifyRequest } from '@vodkit/signer/node';
import type { VerifiedAlgorithm } from '@vodkit/signer/node';
import { ACTION, API_VERSION } from '@vodkit/types';
import type { EmulatorCore } from './core.js';
import { nowOf } from './core.js';
import type { KeyEntry } from './keys.js';
import { headerOf } from './parse.js';
import type { WireParams } from './parse.js';
import { errorOf } from './responses.js';
import type { EmulatorError } from './responses.js';

/** What the RPC pipeline knows about a request once its body is read. */
export interface ReceivedRpc {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly body: Buffer;
}

/** A request whose signature, key, time and nonce hold. */
export interface Verified {
  readonly algorithm: VerifiedAlgorithm;
  readonly accessKeyId: string;
  readonly key: KeyEntry;
  /** Query and form parameters, decoded by the verifier (without `Signature`). */
  readonly params: WireParams;
}

const isV3 = (req: ReceivedRpc): boolean =>
  headerOf(req.headers, 'authorization')?.startsWith('ACS3-') === true;

/**
 * Checks that the request names this API: `Action`/`Version` (V1) or `x-acs-action`/
 * `x-acs-version` (V3). The gateway routes on these before it checks the signature.
 */
export function checkApi(req: ReceivedRpc, params: WireParams): EmulatorError | undefined {
  const v3 = isV3(req);
  const [actionName, versionName] = v3 ? ['x-acs-action', 'x-acs-version'] : ['Action', 'Version'];
  const action = v3 ? headerOf(req.headers, 'x-acs-action') : params['Action'];
  const version = v3 ? headerOf(req.headers, 'x-acs-version') : params['Version'];
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
 * Verifies the signature (either algorithm) with the signer's verifier, then rejects a nonce
 * seen within the window. The nonce is recorded only for requests that verified, so forged
 * requests cannot burn a client's nonces.
 */
export function verify(core: EmulatorCore, req: ReceivedRpc): Verified | EmulatorError {
  const result = verifyRequest(
    {
      method: req.method,
      path: req.path,
      query: req.rawQuery,
      headers: req.headers,
      body: req.body,
    },
    {
      lookup: (id) => core.keys.get(id)?.record,
      clock: () => nowOf(core),
      maxSkewMs: core.maxSkewMs,
    },
  );
  if (!result.ok)
    return { code: result.code, httpStatus: result.httpStatus, message: result.message };
  const key = core.keys.get(result.accessKeyId);
  if (key === undefined)
    return errorOf('InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  if (!core.nonces.use(`${result.accessKeyId}:${result.nonce}`))
    return errorOf('SignatureNonceUsed');
  return {
    algorithm: result.algorithm,
    accessKeyId: result.accessKeyId,
    key,
    params: result.params,
  };
}
