import type { Acs3SignResult } from './acs3.js';
import { percentEncode } from './encode.js';
import type { RpcSignResult } from './rpc.js';

/**
 * Returns a copy of a signing result with the STS token and the signature masked as `***` in
 * every string field and in `params`/`headers` (raw, percent-encoded and double-encoded forms),
 * for dry runs and logs. The AccessKey secret is never in a result to begin with. The signature
 * is masked because a signed request can be replayed until its timestamp expires.
 *
 * @example console.log(redactSigned(await signRpc(input)).encoded); // …&Signature=***
 */
export function redactSigned<T extends RpcSignResult | Acs3SignResult>(result: T): T {
  const token =
    result.params['SecurityToken'] ??
    (result as Partial<Acs3SignResult>).headers?.['x-acs-security-token'];
  // Double-encoded forms first, so a single-encoded match never leaves half of one behind.
  const secrets = [result.signature, token ?? result.signature].flatMap((s) => [
    percentEncode(percentEncode(s)),
    percentEncode(s),
    s,
  ]);
  const mask = (value: unknown): unknown =>
    typeof value === 'string' ? secrets.reduce((out, s) => out.replaceAll(s, '***'), value) : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    out[k] =
      k === 'params' || k === 'headers'
        ? Object.fromEntries(Object.entries(v as object).map(([n, s]) => [n, mask(s)]))
        : mask(v);
  }
  return out as T;
}
