import { SignerInputError, requireString, requireWellFormed } from './errors.js';

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
  /** A fresh, unique nonce per call; defaults to `crypto.randomUUID()`. */
  readonly nonce?: (() => string) | undefined;
}

/** The default nonce source: a random UUID from WebCrypto. */
export const randomNonce = (): string => globalThis.crypto.randomUUID();

/** Validates credentials; messages name the field but never show a secret. */
export function checkCredentials(value: unknown): Credentials {
  if (typeof value !== 'object' || value === null) {
    throw new SignerInputError(
      'credentials',
      'missing; pass { accessKeyId, accessKeySecret, securityToken? }',
    );
  }
  const c = value as Record<string, unknown>;
  const accessKeyId = requireWellFormed(
    requireString(c['accessKeyId'], 'credentials.accessKeyId', true),
    'credentials.accessKeyId',
  );
  const accessKeySecret = requireWellFormed(
    requireString(c['accessKeySecret'], 'credentials.accessKeySecret', true),
    'credentials.accessKeySecret',
  );
  const token = c['securityToken'];
  if (token === undefined) return { accessKeyId, accessKeySecret };
  const securityToken = requireWellFormed(
    requireString(token, 'credentials.securityToken', true),
    'credentials.securityToken',
  );
  return { accessKeyId, accessKeySecret, securityToken };
}

/** Reads the injected nonce source, checking what it returns. */
export function takeNonce(ctx: SigningContext): string {
  const nonce = (ctx.nonce ?? randomNonce)();
  return requireWellFormed(requireString(nonce, 'nonce()', true), 'nonce()');
}

/**
 * Copies `params` into a null-prototype map (so a parameter named `__proto__` stays a parameter),
 * dropping `undefined` values and rejecting non-strings and names the signer sets itself.
 */
export function collectParams(
  params: unknown,
  field: string,
  into: Record<string, string>,
  reserved: ReadonlySet<string>,
): Record<string, string> {
  if (params === undefined) return into;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new SignerInputError(field, 'expected an object of string values');
  }
  for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (reserved.has(name)) {
      throw new SignerInputError(
        `${field}.${name}`,
        name === 'Signature'
          ? 'is computed by the signer and must not be passed in'
          : 'is set by the signer from its options; remove it from the parameters',
      );
    }
    if (Object.hasOwn(into, name)) {
      throw new SignerInputError(`${field}.${name}`, 'is given twice (query and form)');
    }
    into[name] = requireString(value, `${field}.${name}`, false);
  }
  return into;
}
