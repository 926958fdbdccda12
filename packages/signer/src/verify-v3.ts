/** V3 (`ACS3-HMAC-SHA256`) verification: the `Authorization` header over the canonical request. */
import {
  V3_ALGORITHMS,
  v3Algorithm,
  v3CanonicalRequest,
  v3SignCanonical,
  isSignedHeader,
} from './v3.js';
import type { V3AlgorithmName } from './v3.js';
import { canonicalize } from './encode.js';
import { andThen } from './crypto.js';
import type { Awaitable, SignerCrypto } from './crypto.js';
import { MISMATCH, checkTimeAndKey, constantTimeEqual, fail, header } from './verify-common.js';
import type {
  DecodedParams,
  Extra,
  ReceivedRequest,
  VerifyOptions,
  VerifyResult,
} from './verify-common.js';

const AUTHORIZATION =
  /^(\S+) Credential=([^,\s]+), ?SignedHeaders=([^,\s]+), ?Signature=([0-9a-f]+)$/;
const REQUIRED_SIGNED = ['host', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'];

export function verifyV3(
  crypto: SignerCrypto,
  req: ReceivedRequest,
  authorization: string,
  params: DecodedParams,
  options: VerifyOptions,
): Awaitable<VerifyResult> {
  const m = AUTHORIZATION.exec(authorization);
  if (m === null) {
    return fail(
      'IncompleteSignature',
      'The Authorization header is malformed; expected "<ALG> Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>".',
    );
  }
  const [, name, accessKeyId, list, signature] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (v3Algorithm(name) === undefined) {
    return fail(
      'IncompleteSignature',
      `Signature algorithm ${name} is not supported; use one of ${Object.keys(V3_ALGORITHMS).join(', ')}.`,
    );
  }
  const algorithm = name as V3AlgorithmName;
  const known: Extra = { algorithm, accessKeyId };
  const host = req.host ?? header(req, 'host');
  const signedNames = new Set(list.split(';'));
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const n of signedNames) {
    const v = n === 'host' ? host : header(req, n);
    if (v === undefined) {
      return fail('IncompleteSignature', `Signed header ${n} is missing from the request.`, known);
    }
    headers[n] = v.trim();
  }
  // Every header the V3 rules sign must be signed, or it could be changed in transit unnoticed.
  for (const n of [...REQUIRED_SIGNED, ...Object.keys(req.headers)]) {
    if ((REQUIRED_SIGNED.includes(n) || isSignedHeader(n)) && !signedNames.has(n)) {
      return fail(
        'IncompleteSignature',
        `Header ${n} must be present and listed in SignedHeaders.`,
        known,
      );
    }
  }
  const timestamp = headers['x-acs-date'];
  const claimedHash = headers['x-acs-content-sha256'];
  const nonce = headers['x-acs-signature-nonce'];
  if (timestamp === undefined || claimedHash === undefined || nonce === undefined) {
    // Unreachable after the loop above; it narrows the types without assertions.
    return fail('IncompleteSignature', 'Required x-acs-* headers are missing.', known);
  }
  const token = header(req, 'x-acs-security-token');
  return checkTimeAndKey(timestamp, accessKeyId, token, options, known, (record, time) =>
    andThen(V3_ALGORITHMS[algorithm].hashHex(crypto, req.body), (bodyHash) => {
      const canonicalQuery = canonicalize(params.query, 'query');
      const { canonicalRequest } = v3CanonicalRequest(
        req.method,
        req.path,
        canonicalQuery,
        headers,
        claimedHash,
      );
      return andThen(
        v3SignCanonical(crypto, algorithm, record.secret, canonicalRequest),
        ({ stringToSign, signature: expected }) => {
          const detail = { ...known, stringToSign, canonical: canonicalRequest };
          if (!constantTimeEqual(bodyHash, claimedHash)) {
            return fail(
              'SignatureDoesNotMatch',
              'x-acs-content-sha256 does not match the request body.',
              detail,
            );
          }
          if (!constantTimeEqual(signature, expected)) {
            return fail('SignatureDoesNotMatch', MISMATCH + stringToSign, detail);
          }
          return {
            ok: true,
            algorithm,
            accessKeyId,
            nonce,
            timestamp,
            time,
            params: params.all,
            stringToSign,
            canonical: canonicalRequest,
          };
        },
      );
    }),
  );
}
