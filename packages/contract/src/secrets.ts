/**
 * Every secret a run knows, and the redaction of every text a target wrote before it is printed
 * or reported: a hostile (or merely careless) target may echo the AccessKey secret in an error
 * message, the token in a quoted query, or an admin mock the admin token in `{"error": …}`. The
 * redaction is `redactText` of `@vodkit/signer/redact`, the one redactor of vodkit.
 */
import type { Credentials } from '@vodkit/signer';
import { redactText } from '@vodkit/signer/redact';
import type { ContractTarget } from './target.js';
import type { WireRequest } from './wire.js';

/** The secret and token of a key, those it has. */
export const secretsOfCredentials = (c: Credentials | undefined): string[] =>
  c === undefined
    ? []
    : [c.accessKeySecret, ...(c.securityToken === undefined ? [] : [c.securityToken])];

/** Every secret and token of a target's keys: its own and every fixture's. */
export function secretsOfTarget(target: ContractTarget): string[] {
  const keys: (Credentials | undefined)[] = [
    target.credentials,
    target.disabledKey,
    target.deniedKey,
    target.suspendedKey,
    target.unactivatedKey,
    target.otherAccountKey,
    ...(target.ramKeys?.allowed ?? []),
    ...(target.ramKeys?.denied ?? []),
    target.sts?.valid,
    target.sts?.expired,
  ];
  return keys.flatMap(secretsOfCredentials);
}

const SIGNATURE_IN_AUTHORIZATION = /Signature=([^,\s]+)/g;

/** The signature and token a signed request carries (V2 parameters, V3 headers). */
export function secretsOfRequest(request: WireRequest): string[] {
  const out: string[] = [];
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  for (const text of [query, request.body ?? '']) {
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(text);
    } catch {
      continue;
    }
    out.push(...params.getAll('Signature'), ...params.getAll('SecurityToken'));
  }
  for (const [name, value] of Object.entries(request.headers)) {
    const lower = name.toLowerCase();
    if (lower === 'x-acs-security-token') out.push(value);
    if (lower === 'authorization')
      for (const m of value.matchAll(SIGNATURE_IN_AUTHORIZATION)) out.push(m[1] ?? '');
  }
  return out;
}

/**
 * Secrets shorter than this are not redacted: no real one is (an AccessKey secret has 30
 * characters, a signature 28 or 64), and removing `a` from every text would make it unreadable.
 */
const MIN_SECRET = 4;

/** A function that removes every one of `secrets` (in every form it travels in) from a text. */
export function redactorOf(secrets: Iterable<string>): (text: string) => string {
  const values = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET);
  return (text) => (values.length === 0 ? text : redactText(text, values));
}

/** The texts of a check result a target could have written in (a structural view of `CheckResult`). */
interface ResultTexts {
  readonly message?: string | undefined;
  readonly reproducer?: string | undefined;
  readonly caseLabel?: string | undefined;
  readonly rerun?: string | undefined;
}

/** `result` with every text a target could have written in it redacted. */
export function redactResult<R extends ResultTexts>(
  result: R,
  redact: (text: string) => string,
): R {
  const fields = ['message', 'reproducer', 'caseLabel', 'rerun'] as const;
  const out: Record<string, unknown> = { ...(result as ResultTexts) };
  for (const f of fields) {
    const v = result[f];
    if (v !== undefined) out[f] = redact(v);
  }
  return out as unknown as R;
}
