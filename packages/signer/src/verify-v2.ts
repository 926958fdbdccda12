/** V2 (`HMAC-SHA1` RPC) verification: the `Signature` parameter over query and form. */
import { percentEncode } from './encode.js';
import type { ParamMap } from './encode.js';
import { andThen } from './crypto.js';
import type { Awaitable, SignerCrypto } from './crypto.js';
import { v2Key, v2StringToSign } from './v2.js';
import { MISMATCH, checkTimeAndKey, constantTimeEqual, fail } from './verify-common.js';
import type {
  Extra,
  ReceivedRequest,
  VerifyErrorCode,
  VerifyFailure,
  VerifyOptions,
  VerifyResult,
} from './verify-common.js';

export function verifyV2(
  crypto: SignerCrypto,
  req: ReceivedRequest,
  params: ParamMap,
  options: VerifyOptions,
): Awaitable<VerifyResult> {
  const {
    Signature: signature,
    AccessKeyId: accessKeyId,
    SignatureNonce: nonce,
    Timestamp: timestamp,
    SecurityToken: token,
  } = params;
  delete params['Signature'];
  const algorithm = 'HMAC-SHA1';
  if (signature === undefined) {
    return fail(
      'IncompleteSignature',
      'The request is not signed: expected an "Authorization: ACS3-…" header or a Signature parameter.',
    );
  }
  if (params['SignatureMethod'] !== 'HMAC-SHA1' || params['SignatureVersion'] !== '1.0') {
    return fail(
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards: SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.',
      { algorithm },
    );
  }
  const missing = (name: string): VerifyFailure =>
    fail(`Missing${name}` as VerifyErrorCode, `${name} is mandatory for this action.`, {
      algorithm,
    });
  if (accessKeyId === undefined) return missing('AccessKeyId');
  if (nonce === undefined) return missing('SignatureNonce');
  if (timestamp === undefined) return missing('Timestamp');
  const known: Extra = { algorithm, accessKeyId };
  return checkTimeAndKey(timestamp, accessKeyId, token, options, known, (record, time) => {
    const { canonicalQuery, stringToSign } = v2StringToSign(req.method, params);
    return andThen(crypto.hmacSha1Base64(v2Key(record.secret), stringToSign), (expected) => {
      if (!constantTimeEqual(signature, expected)) {
        const shown =
          token === undefined
            ? stringToSign
            : stringToSign.replace(percentEncode(percentEncode(token)), '***');
        return fail('SignatureDoesNotMatch', MISMATCH + shown, {
          ...known,
          stringToSign,
          canonical: canonicalQuery,
        });
      }
      return {
        ok: true,
        algorithm,
        accessKeyId,
        nonce,
        timestamp,
        time,
        params,
        stringToSign,
        canonical: canonicalQuery,
      };
    });
  });
}
