import type { Acs3SignResult } from './acs3.js';
import { percentEncode } from './encode.js';
import type { RpcSignResult } from './rpc.js';

const MASK = '***';

function mask(value: string, secrets: readonly string[]): string {
  let out = value;
  for (const s of secrets) out = out.replaceAll(s, MASK);
  return out;
}

/**
 * Returns a copy of a signing result with the STS token and the signature masked as `***` in
 * every field (raw and percent-encoded forms), for dry runs and logs. The AccessKey secret is
 * never in a result to begin with. The signature is masked because a signed request can be
 * replayed until its timestamp expires.
 */
export function redactSigned<T extends RpcSignResult | Acs3SignResult>(result: T): T {
  const token =
    result.params['SecurityToken'] ??
    ('headers' in result ? result.headers['x-acs-security-token'] : undefined);
  const raw = [result.signature, ...(token === undefined ? [] : [token])];
  // Longest forms first, so a double-encoded token is not half-masked by its single-encoded form.
  const secrets = raw
    .flatMap((s) => [s, percentEncode(s), percentEncode(percentEncode(s))])
    .filter((s, i, all) => s !== '' && all.indexOf(s) === i)
    .sort((a, b) => b.length - a.length);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(result)) {
    if (typeof v === 'string') out[k] = mask(v, secrets);
    else if (typeof v === 'object' && v !== null && !(v instanceof Uint8Array)) {
      out[k] = Object.fromEntries(
        Object.entries(v as Record<string, string>).map(([n, s]) => [n, mask(s, secrets)]),
      );
    } else out[k] = v;
  }
  return out as T;
}
