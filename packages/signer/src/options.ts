import { ASCII, OWN, TWICE, check, matches, requireString } from './errors.js';
import { requireWellFormed } from './encode.js';

/** An AccessKey pair, or STS temporary credentials when `securityToken` is set. */
export interface Credentials {
  /** The AccessKey ID (`STS.…` for temporary credentials). */
  readonly accessKeyId: string;
  /** The AccessKey secret. Never copied into results or error messages. */
  readonly accessKeySecret: string;
  /** The STS security token, for temporary credentials only. */
  readonly securityToken?: string | undefined;
}

/** Request parameters by name. `undefined` values are left out, as the official SDKs do. */
export type Params = Readonly<Record<string, string | undefined>>;

/** What every signing call may inject instead of reading the world. */
export interface SigningContext {
  /** The credentials to sign with. */
  readonly credentials: Credentials;
  /** Current time in epoch milliseconds; defaults to `Date.now`. */
  readonly clock?: (() => number) | undefined;
  /**
   * A fresh, unique nonce per call; defaults to `crypto.randomUUID()` (the node entry: 32 random
   * lowercase hex digits, cheaper to draw and to hash).
   */
  readonly nonce?: (() => string) | undefined;
}

/** Validates credentials; messages name the field but never show a secret. */
export function checkCredentials(value: unknown): Credentials {
  check(
    typeof value === 'object' && value !== null,
    'credentials',
    'must be { accessKeyId, accessKeySecret }',
  );
  const c = value as Record<string, unknown>;
  const read = (name: string): string => {
    const field = `credentials.${name}`;
    return requireWellFormed(requireString(c[name], field, true), field);
  };
  return {
    accessKeyId: read('accessKeyId'),
    accessKeySecret: read('accessKeySecret'),
    securityToken: c['securityToken'] === undefined ? undefined : read('securityToken'),
  };
}

/** Reads the injected clock and nonce source (or the defaults), checking the nonce. */
export function takeClockAndNonce(
  ctx: SigningContext,
  fallbackNonce?: () => string,
): { ms: number; nonce: string } {
  // V3 sends the nonce as a header, so it must survive as header bytes.
  const nonce = matches(
    (ctx.nonce ?? fallbackNonce ?? (() => globalThis.crypto.randomUUID()))(),
    'nonce()',
    /^[\x21-\x7e]+$/,
    ASCII,
  );
  return { ms: (ctx.clock ?? Date.now)(), nonce };
}

/**
 * Copies `params` into a null-prototype map (so a parameter named `__proto__` stays a parameter),
 * dropping `undefined` values and rejecting non-strings, repeats and names the signer sets itself.
 */
export function collectParams(
  params: unknown,
  field: string,
  into: Record<string, string>,
  reserved?: ReadonlySet<string>,
): Record<string, string> {
  if (params === undefined) return into;
  check(typeof params === 'object' && params !== null, field, 'must be an object');
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined) continue;
    const f = `${field}.${name}`;
    check(reserved?.has(name) !== true, f, OWN);
    check(!Object.hasOwn(into, name), f, TWICE);
    into[name] = requireString(value, f, false);
  }
  return into;
}
